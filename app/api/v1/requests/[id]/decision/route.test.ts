import { beforeAll, describe, expect, it } from 'vitest';
import { aboveThreshold, type DemoUser, demoActors, requestSnapshot, submitVm } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { cancelRequest } from '@/lib/requests/cancel-request';
import type { RequestView } from '@/lib/requests/queries';
import { POST } from './route';

let a: Awaited<ReturnType<typeof demoActors>>;
const tokens = {} as Record<DemoUser, string>;
beforeAll(async () => {
  a = await demoActors();
  for (const who of ['staff', 'head', 'it', 'director', 'planner', 'welfareHead'] as const) {
    tokens[who] = await apiToken(who);
  }
});

const decide = (who: DemoUser, id: string, body: unknown, headers: Record<string, string> = {}) =>
  callRoute<RequestView & ApiError, { id: string }>(POST, {
    path: `/api/v1/requests/${id}/decision`,
    token: tokens[who],
    params: { id },
    headers,
    body,
  });

describe('POST /api/v1/requests/:id/decision', () => {
  it('records the approval and moves the line on, answering the updated request', async () => {
    const request = await submitVm(a.staff, aboveThreshold);
    const res = await decide('head', request.id, { decision: 'approve', comment: '검토했습니다.' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('in_approval');
    expect(res.body.steps.map((s) => s.status)).toEqual(['approved', 'pending', 'waiting']);
    expect(res.body.steps[0]).toMatchObject({ comment: '검토했습니다.', decidedBy: { id: a.head.id } });
    expect(res.body.steps[0]!.decidedAt).toEqual(expect.any(String));

    expect((await decide('it', request.id, { decision: 'approve' })).body.status).toBe('in_approval');
    const last = await decide('director', request.id, { decision: 'approve' });
    expect(last.body.status).toBe('approved');
  });

  it('rejects with the reason', async () => {
    const request = await submitVm(a.staff);
    const res = await decide('head', request.id, { decision: 'reject', comment: '용도가 불명확합니다.' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('rejected');
    expect(res.body.steps.map((s) => s.status)).toEqual(['rejected', 'skipped']);
    expect(res.body.steps[0]!.comment).toBe('용도가 불명확합니다.');
  });

  type Case = {
    label: string;
    who: DemoUser;
    body: unknown;
    arrange?: (id: string) => Promise<void>;
    headers?: Record<string, string>;
    expected: { status: number; error: unknown };
  };
  const cases: Case[] = [
    {
      label: 'IT deciding the step that awaits the department head',
      who: 'it',
      body: { decision: 'approve' },
      expected: {
        status: 409,
        error: { code: 'conflict', message: '지금 결재할 차례인 단계가 없습니다.' },
      },
    },
    {
      label: 'the department head approving twice',
      who: 'head',
      body: { decision: 'approve' },
      arrange: async (id) => {
        expect((await decide('head', id, { decision: 'approve' })).status).toBe(200);
      },
      expected: {
        status: 409,
        error: { code: 'conflict', message: '지금 결재할 차례인 단계가 없습니다.' },
      },
    },
    {
      label: 'approving a cancelled request',
      who: 'head',
      body: { decision: 'approve' },
      arrange: async (id) => cancelRequest({ actor: a.staff, requestId: id }),
      expected: {
        status: 409,
        error: { code: 'illegal_transition', message: '이미 취소 상태인 요청입니다.' },
      },
    },
    {
      label: 'approving a cancelled request, in English',
      who: 'head',
      body: { decision: 'approve' },
      headers: { 'accept-language': 'en' },
      arrange: async (id) => cancelRequest({ actor: a.staff, requestId: id }),
      expected: {
        status: 409,
        error: { code: 'illegal_transition', message: 'The request is already Cancelled.' },
      },
    },
    {
      label: 'a rejection without a reason',
      who: 'head',
      body: { decision: 'reject' },
      expected: {
        status: 400,
        error: {
          code: 'bad_request',
          message: '입력값을 확인해 주세요.',
          details: { fieldErrors: { comment: ['반려 사유를 입력해 주세요.'] } },
        },
      },
    },
    {
      label: 'a decision that is neither approve nor reject',
      who: 'head',
      body: { decision: 'maybe' },
      expected: {
        status: 400,
        error: {
          code: 'bad_request',
          message: '입력값을 확인해 주세요.',
          details: { fieldErrors: { decision: ['목록에서 골라 주세요.'] } },
        },
      },
    },
    {
      label: 'the requester deciding',
      who: 'staff',
      body: { decision: 'approve' },
      expected: { status: 403, error: { code: 'forbidden', message: '이 작업을 할 권한이 없습니다.' } },
    },
    {
      // planners may decide (the 협조 of prod requests), but this dev request's step is the head's
      label: 'a planner deciding the step that awaits the department head',
      who: 'planner',
      body: { decision: 'approve' },
      expected: {
        status: 409,
        error: { code: 'conflict', message: '지금 결재할 차례인 단계가 없습니다.' },
      },
    },
    {
      label: "another department's head deciding",
      who: 'welfareHead',
      body: { decision: 'approve' },
      expected: { status: 404, error: { code: 'not_found', message: '요청을 찾을 수 없습니다.' } },
    },
  ];

  it.each(cases)('answers $expected.status to $label and changes nothing', async (c) => {
    const request = await submitVm(a.staff, aboveThreshold);
    await c.arrange?.(request.id);
    const before = await requestSnapshot(request.id);

    const res = await decide(c.who, request.id, c.body, c.headers);
    expect(res.status).toBe(c.expected.status);
    expect(res.body).toEqual({ error: c.expected.error });

    expect(await requestSnapshot(request.id)).toEqual(before);
  });

  it('answers 403 to a department head deciding a request they drafted, and changes nothing', async () => {
    const request = await submitVm(a.head);
    const before = await requestSnapshot(request.id);

    const res = await decide('head', request.id, { decision: 'approve' });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({
      error: { code: 'forbidden', message: '본인이 기안한 요청은 결재할 수 없습니다.' },
    });

    expect(await requestSnapshot(request.id)).toEqual(before);
  });
});
