import { beforeAll, describe, expect, it } from 'vitest';
import { demoActors, submitVm } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import type { RequestView } from '@/lib/requests/queries';
import { GET } from './route';

let a: Awaited<ReturnType<typeof demoActors>>;
let request: RequestView;
beforeAll(async () => {
  a = await demoActors();
  request = await submitVm(a.staff);
});

const get = async (who: Parameters<typeof apiToken>[0], id: string) =>
  callRoute<RequestView & ApiError, { id: string }>(GET, {
    path: `/api/v1/requests/${id}`,
    token: await apiToken(who),
    params: { id },
  });

describe('GET /api/v1/requests/:id', () => {
  it('shows the drafter the request with its approval line', async () => {
    const { status, body } = await get('staff', request.id);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: request.id,
      status: 'in_approval',
      departmentId: a.staff.departmentId,
      requesterId: a.staff.id,
      spec: request.spec,
      estimate: { monthlyKrw: 72_000 },
      resourceIds: [],
    });
    expect(body.steps).toHaveLength(2);
    for (const step of body.steps) {
      expect(Object.keys(step)).toEqual(
        expect.arrayContaining(['id', 'order', 'kind', 'status', 'approver', 'decidedAt', 'comment']),
      );
    }
    expect(body.steps[0]).toMatchObject({ order: 1, kind: 'review', status: 'pending', decidedAt: null });
  });

  it.each([
    { who: 'head' as const },
    { who: 'it' as const },
    { who: 'planner' as const },
    { who: 'admin' as const },
  ])('shows it to $who', async ({ who }) => {
    const { status, body } = await get(who, request.id);
    expect(status).toBe(200);
    expect(body.id).toBe(request.id);
  });

  it.each([
    { label: "another department's request", who: 'welfare' as const, id: (): string => request.id },
    {
      label: "another department's request, to its approver",
      who: 'welfareHead' as const,
      id: (): string => request.id,
    },
    {
      label: 'a request that does not exist',
      who: 'admin' as const,
      id: (): string => '7d0b3f5e-0000-4000-8000-000000000000',
    },
    { label: 'an id that is not a uuid', who: 'admin' as const, id: (): string => 'REQ-000001' },
  ])('answers 404 to $label', async ({ who, id }) => {
    const { status, body } = await get(who, id());
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: '요청을 찾을 수 없습니다.' } });
  });
});
