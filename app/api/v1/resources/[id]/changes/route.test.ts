import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoUser, demoActors } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import type { FitSummary } from '@/lib/capacity/check-fit';
import type { ResourceChangeView } from '@/lib/lifecycle/queries';
import type { RequestView } from '@/lib/requests/queries';
import { decommissionResource } from '@/lib/resources/decommission-resource';
import { activeVm } from '@/lib/resources/test-fixtures';
import { GET, POST } from './route';

let a: Awaited<ReturnType<typeof demoActors>>;
let vm: string;
beforeAll(async () => {
  a = await demoActors();
  vm = (await activeVm(a)).resourceId;
});

type Submitted = RequestView & { fit: FitSummary | null } & ApiError;
const post = async (who: DemoUser, id: string, body: unknown, headers?: Record<string, string>) =>
  callRoute<Submitted, { id: string }>(POST, {
    method: 'POST',
    path: `/api/v1/resources/${id}/changes`,
    token: await apiToken(who),
    params: { id },
    body,
    headers,
  });
const list = async (who: DemoUser, id: string) =>
  callRoute<{ items: ResourceChangeView[]; nextCursor: null } & ApiError, { id: string }>(GET, {
    path: `/api/v1/resources/${id}/changes`,
    token: await apiToken(who),
    params: { id },
  });

const resize = { kind: 'resize', change: { flavor: 'c4m8' }, purpose: '사용자가 늘어 서버 사양을 올립니다' };

describe('POST /api/v1/resources/:id/changes', () => {
  it('submits a resize: 201 with the request, its approval line and its fit', async () => {
    const { status, body } = await post('staff', vm, resize);
    expect(status).toBe(201);
    expect(body).toMatchObject({
      kind: 'resize',
      status: 'in_approval',
      catalogItemId: 'resource-resize',
      spec: { change: { flavor: 'c4m8' }, before: { flavor: 'c2m4' } },
      // 2 more vCPU × 18,000 + 4 GB more × 6,000
      estimate: { monthlyKrw: 60_000 },
      fit: { fits: true, shortfalls: [] },
    });
    expect(body.number).toMatch(/^REQ-\d{6}$/);
    expect(body.steps.length).toBeGreaterThan(0);
  });

  it('submits a scale-up for a window given with its offset', async () => {
    const from = new Date(Date.now() + 86_400_000).toISOString().replace('Z', '+00:00');
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString().replace('Z', '+00:00');
    const { status, body } = await post('head', vm, {
      kind: 'scale_up',
      change: { flavor: 'c8m16' },
      window: { from, until },
      purpose: '월말 정산 기간에만 사양을 키웁니다',
    });
    expect(status).toBe(201);
    expect(body).toMatchObject({ kind: 'scale_up', spec: { window: { from, until } } });
  });

  it('answers 400 naming the field, in Korean or English', async () => {
    const unknown = await post('staff', vm, { ...resize, change: { flavor: 'c999' } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details?.fieldErrors).toEqual({
      'change.flavor': ['없는 사양입니다. 목록에서 골라 주세요.'],
    });
    const shrink = await post(
      'staff',
      vm,
      { ...resize, change: { diskGb: 50 } },
      { 'accept-language': 'en' },
    );
    expect(shrink.status).toBe(400);
    expect(Object.keys(shrink.body.error.details?.fieldErrors ?? {})).toEqual(['change.diskGb']);
    const foreign = await post('staff', vm, { ...resize, change: { instances: 3 } });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.details?.fieldErrors).toHaveProperty(['change.instances']);
    const noWindow = await post('staff', vm, { ...resize, kind: 'scale_up' });
    expect(noWindow.status).toBe(400);
    expect(noWindow.body.error.details?.fieldErrors).toHaveProperty(['window']);
  });

  it('answers 403 to a role that cannot request, 404 to another department', async () => {
    const planner = await post('planner', vm, resize);
    expect(planner.status).toBe(403);
    expect(planner.body.error.code).toBe('forbidden');
    const welfare = await post('welfare', vm, resize);
    expect(welfare.status).toBe(404);
    expect(welfare.body.error).toEqual({ code: 'not_found', message: '자원을 찾을 수 없습니다.' });
  });

  it('answers 409 for a resource that is not in use', async () => {
    const { resourceId } = await activeVm(a);
    await decommissionResource({ actor: a.staff, resourceId });
    const { status, body } = await post('staff', resourceId, resize);
    expect(status).toBe(409);
    expect(body.error.code).toBe('illegal_transition');
  });
});

describe('GET /api/v1/resources/:id/changes', () => {
  it('lists the resource’s change requests, newest first, to its department', async () => {
    const { status, body } = await list('staff', vm);
    expect(status).toBe(200);
    expect(body.nextCursor).toBeNull();
    expect(body.items.map((c) => c.kind)).toEqual(['scale_up', 'resize']);
    expect(body.items[1]).toMatchObject({
      status: 'in_approval',
      change: { flavor: 'c4m8' },
      window: null,
      monthlyDeltaKrw: 60_000,
    });
    expect((await list('admin', vm)).body.items).toHaveLength(2);
    expect((await list('welfare', vm)).status).toBe(404);
  });
});
