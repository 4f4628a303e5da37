import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { resources } from '@/db/schema/resources';
import { type DemoUser, demoActors, demoEmails, mailsAbout, uniqueName } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { waitFor } from '@/db/testing/wait-for';
import { runWorker } from '@/lib/jobs/run-worker';
import { getPools } from '@/lib/pools/get-pools';
import type { ResourceView } from '@/lib/resources/queries';
import { activeVm, simServerOf } from '@/lib/resources/test-fixtures';
import { GET as getOne } from '../route';
import { POST } from './route';

// vitest.config.ts sets SIM_CALL_MS=20: the simulated cloud answers in a few milliseconds
let a: Awaited<ReturnType<typeof demoActors>>;
let worker: Awaited<ReturnType<typeof runWorker>> | undefined;
// the worker also runs what other files left queued, provisioning into dc-primary as it goes: the
// pool's figures are read from a pool of this file's own
const poolId = uniqueName('pool');
beforeAll(async () => {
  a = await demoActors();
  await getDb().insert(pools).values({
    id: poolId,
    name: '반납 시험 풀',
    site: 'dr',
    physicalCores: 8,
    capacityRamGb: 64,
    capacityStorageGb: 1000,
  });
});
afterAll(async () => {
  await worker?.stop();
  await getDb().update(resources).set({ poolId: 'dc-primary' }).where(eq(resources.poolId, poolId));
  await getDb()
    .update(capacityReservations)
    .set({ poolId: 'dc-primary' })
    .where(eq(capacityReservations.poolId, poolId));
  await getDb().delete(pools).where(eq(pools.id, poolId));
});

type Resource = ResourceView & ApiError;

const decommissionAs = async (who: DemoUser, id: string) =>
  callRoute<Resource, { id: string }>(POST, {
    method: 'POST',
    path: `/api/v1/resources/${id}/decommission`,
    token: await apiToken(who),
    params: { id },
  });
const getAs = async (who: DemoUser, id: string) =>
  callRoute<Resource, { id: string }>(getOne, {
    path: `/api/v1/resources/${id}`,
    token: await apiToken(who),
    params: { id },
  });
const allocated = async () =>
  (await getPools({ actor: a.planner })).items.find((p) => p.id === poolId)!.allocated;

describe('POST /api/v1/resources/:id/decommission', () => {
  it('hands the resource back: 202 decommissioning, then a worker deletes it and the pool gets it back', async () => {
    const { requestId, resourceId } = await activeVm(a, { spec: { flavor: 'c4m16', diskGb: 300 } });
    // the resource and what its approval holds move to this file's pool
    await getDb().update(resources).set({ poolId }).where(eq(resources.id, resourceId));
    await getDb()
      .update(capacityReservations)
      .set({ poolId })
      .where(eq(capacityReservations.resourceId, resourceId));
    expect(await allocated()).toEqual({ vcpu: 4, ramGb: 16, storageGb: 300 });

    const { status, body } = await decommissionAs('staff', resourceId);
    expect(status).toBe(202);
    expect(body).toMatchObject({ id: resourceId, status: 'decommissioning', providerState: 'deleting' });

    const token = await apiToken('staff');
    const again = await callRoute<Resource, { id: string }>(POST, {
      method: 'POST',
      path: `/api/v1/resources/${resourceId}/decommission`,
      token,
      params: { id: resourceId },
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({ code: 'illegal_transition', message: '이미 반납 중인 자원입니다.' });

    worker = await runWorker({ connectionString: inject('databaseUrl') });
    const done = await waitFor(
      () => getAs('staff', resourceId),
      (r) => r.body.status === 'decommissioned' || r.body.status === 'failed',
      { what: 'the resource to be decommissioned' },
    );
    expect(done.body.status).toBe('decommissioned');
    expect((await simServerOf(requestId))?.deletedAt).toBeInstanceOf(Date);
    expect(await allocated()).toEqual({ vcpu: 0, ramGb: 0, storageGb: 0 });
    expect((await mailsAbout(requestId)).at(-1)).toMatchObject({
      template: 'resource-decommissioned',
      to: demoEmails.staff,
    });

    const after = await decommissionAs('staff', resourceId);
    expect(after.status).toBe(409);
    expect(after.body.error.message).toBe('이미 반납된 자원입니다.');
  });

  it('answers 404 to another department', async () => {
    const { resourceId } = await activeVm(a);
    const { status, body } = await decommissionAs('welfareHead', resourceId);
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message: '자원을 찾을 수 없습니다.' } });
    expect((await getAs('staff', resourceId)).body.status).toBe('active');
  });

  it('answers 403 to a planner, who sees the resource but does not own it', async () => {
    const { resourceId } = await activeVm(a);
    const { status, body } = await decommissionAs('planner', resourceId);
    expect(status).toBe(403);
    expect(body.error).toEqual({
      code: 'forbidden',
      message: '자원을 요청한 사람, 그 부서의 결재권자, 관리자만 반납할 수 있습니다.',
    });
    expect((await getAs('staff', resourceId)).body.status).toBe('active');
  });

  it('answers 404 to an id that is not a resource', async () => {
    expect((await decommissionAs('admin', '5f1d2c3b-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await decommissionAs('admin', 'nope')).status).toBe(404);
  });
});
