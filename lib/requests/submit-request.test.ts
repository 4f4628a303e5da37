import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { businessSystems } from '@/db/schema/org';
import { requests } from '@/db/schema/requests';
import { auditRows, demoActors, expectAppError, submitVm, systemId, uniqueName } from '@/db/testing/fixtures';
import { getActivePolicy } from '@/lib/approvals/get-active-policy';
import { getRequest } from './queries';
import { submitRequest, submitRequestInput } from './submit-request';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

async function requestCount() {
  const [row] = await getDb().select({ n: count() }).from(requests);
  return row!.n;
}

describe('submitRequest (기안)', () => {
  it('stores the request in approval with its frozen estimate, spec defaults and an audit row', async () => {
    const name = uniqueName('bis');
    const request = await submitVm(a.staff, { spec: { name, diskGb: 200 }, drTier: 'backup' });
    expect(request).toMatchObject({
      status: 'in_approval',
      departmentId: a.staff.departmentId,
      requesterId: a.staff.id,
      kind: 'vm',
      spec: { name, flavor: 'c2m4', image: 'rocky-9', diskGb: 200 },
      drTier: 'backup',
      // (2 × 18,000 + 4 × 6,000 + 200 × 120) × 1.15
      estimate: { monthlyKrw: 96_600 },
      systemName: '버스정보시스템(BIS)',
    });
    expect(request.number).toMatch(/^REQ-\d{6}$/);
    expect(request.steps[0]?.pendingSince).not.toBeNull();
    // submitted with its frozen estimate, then in approval once the policy in force froze its line
    const policy = await getActivePolicy();
    expect(request.policyVersion).toBe(policy.version);
    expect(request.round).toBe(1);
    expect(await auditRows(request.id)).toEqual([
      {
        action: 'request.submitted',
        actorId: a.staff.id,
        before: null,
        after: { status: 'submitted', estimateMonthlyKrw: 96_600 },
      },
      {
        action: 'request.line_frozen',
        actorId: a.staff.id,
        before: { status: 'submitted' },
        after: { status: 'in_approval', policyVersion: policy.version, round: 1, steps: 2 },
      },
    ]);
  });

  it('yields one request when the same Idempotency-Key is sent twice', async () => {
    const key = uniqueName('idem');
    const first = await submitVm(a.staff, { idempotencyKey: key });
    const before = await requestCount();
    const input = submitRequestInput.parse({
      catalogItemId: 'vm-standard',
      systemId: await systemId('SYS-BIS'),
      spec: { name: uniqueName() },
      environment: 'dev',
      purpose: '같은 키로 다시 보낸 요청입니다.',
    });
    const second = await submitRequest({ actor: a.staff, input, idempotencyKey: key });
    expect(second.created).toBe(false);
    expect(second.request.id).toBe(first.id);
    expect(second.request.spec).toEqual(first.spec);
    expect(await requestCount()).toBe(before);
  });

  it('yields one request when two submissions with the same key arrive at once', async () => {
    const key = uniqueName('idem');
    const before = await requestCount();
    const [first, second] = await Promise.all([
      submitVm(a.staff, { idempotencyKey: key }),
      submitVm(a.staff, { idempotencyKey: key }),
    ]);
    expect(second.id).toBe(first.id);
    expect(await requestCount()).toBe(before + 1);
  });

  it('treats the same key from another requester as a different request', async () => {
    const key = uniqueName('idem');
    const mine = await submitVm(a.staff, { idempotencyKey: key });
    const theirs = await submitVm(a.welfare, { idempotencyKey: key, system: 'SYS-RELIEF' });
    expect(theirs.id).not.toBe(mine.id);
  });

  it('creates a new business system for the department when only a name is given', async () => {
    const systemName = `교통 혼잡 예측 ${uniqueName()}`;
    const input = submitRequestInput.parse({
      catalogItemId: 'platform-slot',
      systemName,
      spec: { name: uniqueName(), instances: 3 },
      environment: 'staging',
      purpose: '교통 혼잡 예측 모델 서비스를 운영합니다.',
    });
    const { request, created } = await submitRequest({ actor: a.staff, input });
    expect(created).toBe(true);
    expect(request.systemName).toBe(systemName);
    expect(request.estimate.monthlyKrw).toBe(3 * 25_000 + 3 * 18_000 + 6 * 6_000);
    const [system] = await getDb()
      .select({ departmentId: businessSystems.departmentId })
      .from(businessSystems)
      .where(eq(businessSystems.id, request.systemId));
    expect(system?.departmentId).toBe(a.staff.departmentId);
  });

  it.each([
    {
      label: 'a disk of 5 GB',
      input: { spec: { name: 'bis-web-01', diskGb: 5 } },
      fieldErrors: { 'spec.diskGb': ['validation.diskGb'] },
    },
    {
      label: 'a bad hostname',
      input: { spec: { name: 'BIS_WEB' } },
      fieldErrors: { 'spec.name': ['validation.hostname'] },
    },
    {
      label: 'an unknown catalogue item',
      input: { catalogItemId: 'mainframe' },
      fieldErrors: { catalogItemId: ['errors.catalogItemNotFound'] },
    },
  ])('refuses $label with a 400 and creates nothing', async ({ input, fieldErrors }) => {
    const before = await requestCount();
    const parsed = submitRequestInput.parse({
      catalogItemId: 'vm-standard',
      systemId: await systemId('SYS-BIS'),
      spec: { name: 'bis-web-01' },
      environment: 'dev',
      purpose: '버스 도착 정보 서비스 증설',
      ...input,
    });
    const error = await expectAppError(submitRequest({ actor: a.staff, input: parsed }), 'bad_request', 400);
    expect(error.details).toEqual({ fieldErrors });
    expect(await requestCount()).toBe(before);
  });

  it('refuses a system of another department and creates nothing', async () => {
    const before = await requestCount();
    const input = submitRequestInput.parse({
      catalogItemId: 'vm-standard',
      systemId: await systemId('SYS-RELIEF'),
      spec: { name: uniqueName() },
      environment: 'dev',
      purpose: '다른 부서 시스템에 신청해 봅니다.',
    });
    const error = await expectAppError(submitRequest({ actor: a.staff, input }), 'bad_request', 400);
    expect(error.details).toEqual({ fieldErrors: { systemId: ['errors.systemNotFound'] } });
    expect(await requestCount()).toBe(before);
  });

  it.each([
    { label: 'an IT reviewer', who: 'it' as const },
    { label: 'a planner', who: 'planner' as const },
    { label: 'the director', who: 'director' as const },
  ])('does not let $label submit requests', async ({ who }) => {
    const before = await requestCount();
    await expectAppError(submitVm(a[who], {}), 'forbidden', 403);
    expect(await requestCount()).toBe(before);
  });

  it('lets the drafter read the stored request back as submitted', async () => {
    const request = await submitVm(a.staff);
    expect(await getRequest({ actor: a.staff, requestId: request.id })).toEqual(request);
  });
});
