import { count } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { requests } from '@/db/schema/requests';
import { aboveThreshold, demoActors, submitVm, systemId, uniqueName } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { decideStep } from '@/lib/approvals/decide-step';
import { cancelRequest } from '@/lib/requests/cancel-request';
import type { RequestView } from '@/lib/requests/queries';
import { GET, POST } from './route';

type List = { items: RequestView[]; nextCursor: string | null };

let a: Awaited<ReturnType<typeof demoActors>>;
let staffToken: string;
let headToken: string;
let bis: string;
beforeAll(async () => {
  a = await demoActors();
  [staffToken, headToken] = await Promise.all([apiToken('staff'), apiToken('head')]);
  bis = await systemId('SYS-BIS');
});

async function requestCount() {
  const [row] = await getDb().select({ n: count() }).from(requests);
  return row!.n;
}

const validBody = () => ({
  catalogItemId: 'vm-standard',
  systemId: bis,
  spec: { name: uniqueName('bis') },
  environment: 'prod',
  purpose: '버스 도착 정보 안내 서비스 운영 서버',
});

describe('POST /api/v1/requests', () => {
  it('answers 201 with the stored request, its estimate and its approval line', async () => {
    const body = { ...validBody(), drTier: 'backup', leaseUntil: '2099-12-31' };
    const res = await callRoute<RequestView>(POST, { path: '/api/v1/requests', token: staffToken, body });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'in_approval',
      departmentId: a.staff.departmentId,
      requesterId: a.staff.id,
      spec: { ...body.spec, flavor: 'c2m4', image: 'rocky-9', diskGb: 100 },
      environment: 'prod',
      drTier: 'backup',
      leaseUntil: '2099-12-31',
      estimate: { monthlyKrw: 82_800 },
      resourceIds: [],
    });
    expect(res.body.steps.map((s) => [s.order, s.kind, s.status, s.approver.role])).toEqual([
      [1, 'review', 'pending', 'dept_approver'],
      // prod: the IT planner's 협조 on capacity comes before IT's approval
      [2, 'consult', 'waiting', 'planner'],
      [3, 'approve', 'waiting', 'it_reviewer'],
    ]);
  });

  it('answers with the first request when the same Idempotency-Key is sent again', async () => {
    const key = uniqueName('retry');
    const body = validBody();
    const first = await callRoute<RequestView>(POST, {
      path: '/api/v1/requests',
      token: staffToken,
      headers: { 'idempotency-key': key },
      body,
    });
    const before = await requestCount();
    const again = await callRoute<RequestView>(POST, {
      path: '/api/v1/requests',
      token: staffToken,
      headers: { 'idempotency-key': key },
      body,
    });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    expect(await requestCount()).toBe(before);
  });

  const badInputs = [
    {
      label: 'a disk below the minimum',
      change: { spec: { name: 'bis-web', diskGb: 5 } },
      ko: { 'spec.diskGb': ['디스크는 20~2048GB 사이로 정해 주세요.'] },
      en: { 'spec.diskGb': ['Disk must be between 20 and 2048 GB.'] },
    },
    {
      label: 'a hostname with capitals and a platform slot with too many instances',
      change: { catalogItemId: 'platform-slot', spec: { name: 'BIS', instances: 50 } },
      ko: {
        'spec.name': ['영문 소문자, 숫자, 하이픈(-)으로 3~40자로 적어 주세요.'],
        'spec.instances': ['인스턴스는 1~20개 사이로 정해 주세요.'],
      },
      en: {
        'spec.name': ['Use 3–40 lowercase letters, digits and hyphens.'],
        'spec.instances': ['Instances must be between 1 and 20.'],
      },
    },
    {
      label: 'an unknown environment and a short purpose',
      change: { environment: 'qa', purpose: '테스트' },
      ko: { environment: ['목록에서 골라 주세요.'], purpose: ['사용 목적을 10자 이상 적어 주세요.'] },
      en: {
        environment: ['Choose from the list.'],
        purpose: ['Describe the purpose in at least 10 characters.'],
      },
    },
    {
      label: 'a lease that has already ended',
      change: { leaseUntil: '2020-01-01' },
      ko: { leaseUntil: ['사용 기한은 오늘 이후 날짜여야 합니다.'] },
      en: { leaseUntil: [expect.stringMatching(/after today/i)] },
    },
    {
      label: 'no system',
      change: { systemId: undefined },
      ko: { systemId: ['업무 시스템을 선택하거나 새 시스템 이름을 입력해 주세요.'] },
      en: { systemId: [expect.stringMatching(/system/i)] },
    },
  ];

  it.each(badInputs)('answers 400 in Korean to $label, and creates nothing', async ({ change, ko }) => {
    const before = await requestCount();
    const res = await callRoute<ApiError>(POST, {
      path: '/api/v1/requests',
      token: staffToken,
      body: { ...validBody(), ...change },
    });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { code: 'bad_request', message: '입력값을 확인해 주세요.', details: { fieldErrors: ko } },
    });
    expect(await requestCount()).toBe(before);
  });

  it.each(badInputs)('answers 400 in English to $label with Accept-Language: en', async ({ change, en }) => {
    const res = await callRoute<ApiError>(POST, {
      path: '/api/v1/requests',
      token: staffToken,
      headers: { 'accept-language': 'en' },
      body: { ...validBody(), ...change },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(res.body.error.message).toBe('Please check what you entered.');
    expect(res.body.error.details?.fieldErrors).toEqual(en);
  });

  it.each([
    { label: 'a body that is not JSON', body: '{"catalogItemId": ' },
    { label: 'a catalogue item that does not exist', body: { ...validBody(), catalogItemId: 'mainframe' } },
    { label: 'a spec that is not an object', body: { ...validBody(), spec: 'big' } },
  ])('answers 400 to $label, and creates nothing', async ({ body }) => {
    const before = await requestCount();
    const res = await callRoute<ApiError>(POST, { path: '/api/v1/requests', token: staffToken, body });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
    expect(typeof res.body.error.message).toBe('string');
    expect(await requestCount()).toBe(before);
  });

  it('answers 403 to a role that cannot request resources', async () => {
    const before = await requestCount();
    const res = await callRoute<ApiError>(POST, {
      path: '/api/v1/requests',
      token: await apiToken('it'),
      body: validBody(),
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({ code: 'forbidden', message: '이 작업을 할 권한이 없습니다.' });
    expect(await requestCount()).toBe(before);
  });

  it('answers 401 without a token', async () => {
    const res = await callRoute<ApiError>(POST, { path: '/api/v1/requests', body: validBody() });
    expect(res.status).toBe(401);
  });
});

describe('GET /api/v1/requests', () => {
  const list = (token: string, query: string) =>
    callRoute<List>(GET, { path: `/api/v1/requests${query}`, token });

  it('lists what awaits the caller with pendingForMe', async () => {
    const request = await submitVm(a.staff, aboveThreshold);
    const mine = await list(headToken, '?pendingForMe=true&limit=100');
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((r) => r.id)).toContain(request.id);
    expect(mine.body.items.every((r) => r.steps.some((s) => s.awaitsMe))).toBe(true);

    const staffPending = await list(staffToken, '?pendingForMe=true&limit=100');
    expect(staffPending.body.items.map((r) => r.id)).not.toContain(request.id);
  });

  it("lists the caller's own requests with mine", async () => {
    const own = await submitVm(a.head);
    const staffs = await submitVm(a.staff);
    const res = await list(staffToken, '?mine=1&limit=100');
    expect(res.body.items.map((r) => r.id)).toContain(staffs.id);
    expect(res.body.items.every((r) => r.requesterId === a.staff.id)).toBe(true);
    expect(res.body.items.map((r) => r.id)).not.toContain(own.id);
  });

  it('filters by one or more statuses', async () => {
    const rejected = await submitVm(a.staff);
    await decideStep({ actor: a.head, requestId: rejected.id, decision: 'reject', comment: '중복 신청' });
    const cancelled = await submitVm(a.staff);
    await cancelRequest({ actor: a.staff, requestId: cancelled.id });
    const open = await submitVm(a.staff);

    const res = await list(staffToken, '?status=rejected,cancelled&limit=100');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((r) => r.id);
    expect(ids).toEqual(expect.arrayContaining([rejected.id, cancelled.id]));
    expect(ids).not.toContain(open.id);
    expect(res.body.items.every((r) => ['rejected', 'cancelled'].includes(r.status))).toBe(true);
  });

  it("never lists another department's requests", async () => {
    const welfareRequest = await submitVm(a.welfare, { system: 'SYS-RELIEF' });
    const res = await list(staffToken, '?limit=100');
    expect(res.body.items.every((r) => r.departmentId === a.staff.departmentId)).toBe(true);
    expect(res.body.items.map((r) => r.id)).not.toContain(welfareRequest.id);
  });

  it('pages with limit and nextCursor', async () => {
    await submitVm(a.staff);
    await submitVm(a.staff);
    const first = await list(staffToken, '?limit=1');
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await list(staffToken, `?limit=1&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.items[0]!.id).not.toBe(first.body.items[0]!.id);
  });

  it.each([
    { label: 'an unknown status', query: '?status=done' },
    { label: 'a limit above 100', query: '?limit=1000' },
    { label: 'a flag that is not a boolean', query: '?mine=yes' },
    { label: 'a cursor that is not a number', query: '?cursor=abc' },
  ])('answers 400 to $label', async ({ query }) => {
    const res = await callRoute<ApiError>(GET, { path: `/api/v1/requests${query}`, token: staffToken });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});
