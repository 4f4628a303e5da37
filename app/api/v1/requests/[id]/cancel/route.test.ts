import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoUser, demoActors, requestSnapshot, submitVm } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { decideStep } from '@/lib/approvals/decide-step';
import type { RequestView } from '@/lib/requests/queries';
import { POST } from './route';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

const cancel = async (who: DemoUser, id: string) =>
  callRoute<RequestView & ApiError, { id: string }>(POST, {
    path: `/api/v1/requests/${id}/cancel`,
    token: await apiToken(who),
    params: { id },
  });

describe('POST /api/v1/requests/:id/cancel', () => {
  it('lets the drafter withdraw a request in approval', async () => {
    const request = await submitVm(a.staff);
    const res = await cancel('staff', request.id);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
  });

  it.each([
    {
      label: 'the department head, who did not draft it',
      who: 'head' as const,
      status: 403,
      error: { code: 'forbidden', message: '기안자만 요청을 취소할 수 있습니다.' },
    },
    {
      label: 'someone of another department',
      who: 'welfare' as const,
      status: 404,
      error: { code: 'not_found', message: '요청을 찾을 수 없습니다.' },
    },
  ])('answers $status to $label and changes nothing', async ({ who, status, error }) => {
    const request = await submitVm(a.staff);
    const before = await requestSnapshot(request.id);
    const res = await cancel(who, request.id);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error });
    expect(await requestSnapshot(request.id)).toEqual(before);
  });

  it.each([
    {
      label: 'a request already cancelled',
      arrange: async (id: string) => {
        await cancel('staff', id);
      },
      message: '이미 취소 상태인 요청입니다.',
    },
    {
      label: 'an approved request',
      arrange: async (id: string) => {
        await decideStep({ actor: a.head, requestId: id, decision: 'approve' });
        await decideStep({ actor: a.it, requestId: id, decision: 'approve' });
      },
      message: '‘승인’ 상태에서 ‘취소’(으)로 바꿀 수 없습니다.',
    },
  ])('answers 409 to cancelling $label and changes nothing', async ({ arrange, message }) => {
    const request = await submitVm(a.staff);
    await arrange(request.id);
    const before = await requestSnapshot(request.id);
    const res = await cancel('staff', request.id);
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'illegal_transition', message } });
    expect(await requestSnapshot(request.id)).toEqual(before);
  });
});
