import { beforeAll, describe, expect, it } from 'vitest';
import { type DemoUser, demoActors, submitVm } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { decideStep } from '@/lib/approvals/decide-step';
import { provisionRequest } from '@/lib/provisioning/provision-request';
import { getRequest } from '@/lib/requests/queries';
import type { ResourceView } from '@/lib/resources/queries';
import { GET as getOne } from './[id]/route';
import { GET as list } from './route';

type List = { items: ResourceView[]; nextCursor: string | null };

let a: Awaited<ReturnType<typeof demoActors>>;
let resourceId: string;
let requestSpec: Record<string, unknown>;
beforeAll(async () => {
  a = await demoActors();
  const request = await submitVm(a.staff);
  requestSpec = request.spec;
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  await provisionRequest({ requestId: request.id });
  resourceId = (await getRequest({ actor: a.staff, requestId: request.id }))!.resourceIds[0]!;
});

const listAs = async (who: DemoUser, query = '?limit=100') =>
  callRoute<List & ApiError>(list, { path: `/api/v1/resources${query}`, token: await apiToken(who) });
const getAs = async (who: DemoUser, id: string) =>
  callRoute<ResourceView & ApiError, { id: string }>(getOne, {
    path: `/api/v1/resources/${id}`,
    token: await apiToken(who),
    params: { id },
  });

describe('GET /api/v1/resources', () => {
  it("lists the department's resources", async () => {
    const res = await listAs('staff');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => r.id)).toContain(resourceId);
    expect(res.body.items.every((r) => r.departmentId === a.staff.departmentId)).toBe(true);
  });

  it('filters by status', async () => {
    const provisioning = await listAs('staff', '?status=provisioning&limit=100');
    expect(provisioning.body.items.map((r) => r.id)).toContain(resourceId);
    const gone = await listAs('staff', '?status=decommissioned&limit=100');
    expect(gone.body.items.map((r) => r.id)).not.toContain(resourceId);
  });

  it("never lists another department's resources", async () => {
    const res = await listAs('welfare');
    expect(res.status).toBe(200);
    expect(res.body.items.map((r) => r.id)).not.toContain(resourceId);
  });

  it('lists every department to IT', async () => {
    expect((await listAs('it')).body.items.map((r) => r.id)).toContain(resourceId);
  });

  it('answers 400 to an unknown status', async () => {
    const res = await listAs('staff', '?status=running');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('bad_request');
  });
});

describe('GET /api/v1/resources/:id', () => {
  it('shows the resource with its provider reference, pool and history', async () => {
    const { status, body } = await getAs('staff', resourceId);
    expect(status).toBe(200);
    expect(body).toMatchObject({
      id: resourceId,
      kind: 'vm',
      status: 'provisioning',
      departmentId: a.staff.departmentId,
      spec: requestSpec,
      pool: 'dc-primary',
    });
    expect(body.systemId).toEqual(expect.any(String));
    expect(body.providerRef).toMatch(/^sim-/);
    expect(Number.isNaN(Date.parse(body.createdAt))).toBe(false);
  });

  it.each([
    { label: "another department's resource", who: 'welfare' as const, id: (): string => resourceId },
    {
      label: 'a resource that does not exist',
      who: 'admin' as const,
      id: (): string => '5f1d2c3b-0000-4000-8000-000000000000',
    },
  ])('answers 404 to $label', async ({ who, id }) => {
    const { status, body } = await getAs(who, id());
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: '자원을 찾을 수 없습니다.' } });
  });
});
