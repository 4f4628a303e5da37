import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { resources } from '@/db/schema/resources';
import { demoActors, expectAppError, uniqueName } from '@/db/testing/fixtures';
import { decommission } from '@/lib/provisioning/decommission';
import { liveResources } from '@/lib/reports/queries';
import { decommissionResource } from '@/lib/resources/decommission-resource';
import { activeVm, provisioningVm } from '@/lib/resources/test-fixtures';
import { type ResourceStatus, transitionResource } from '@/lib/resources/transitions';
import { getPools } from './get-pools';
import { poolList } from './pool-view';

let a: Awaited<ReturnType<typeof demoActors>>;
// a pool of its own, so "no resources" holds whatever the other files have provisioned
const emptyPoolId = uniqueName('pool');
beforeAll(async () => {
  a = await demoActors();
  await getDb().insert(pools).values({
    id: emptyPoolId,
    name: '시험용 빈 풀',
    site: 'dr',
    physicalCores: 10,
    overcommitPct: 250,
    capacityRamGb: 640,
    capacityStorageGb: 20_000,
  });
});
afterAll(async () => {
  await getDb().delete(pools).where(eq(pools.id, emptyPoolId));
});

const pool = async (id: string) => (await getPools({ actor: a.planner })).items.find((p) => p.id === id)!;

describe('getPools', () => {
  it('gives capacity as physical cores × overcommit, and nothing allocated or used in an empty pool', async () => {
    expect(await pool(emptyPoolId)).toEqual({
      id: emptyPoolId,
      name: '시험용 빈 풀',
      site: 'dr',
      capacity: { vcpu: 25, ramGb: 640, storageGb: 20_000 },
      allocated: { vcpu: 0, ramGb: 0, storageGb: 0 },
      used: { vcpu: 0, ramGb: 0, storageGb: 0 },
    });
    expect((await pool('dc-primary')).capacity).toEqual({ vcpu: 2048, ramGb: 8192, storageGb: 500_000 });
  });

  it('fits the shape the OpenAPI document promises', async () => {
    expect(poolList.safeParse(await getPools({ actor: a.admin })).success).toBe(true);
  });

  it('allocates a VM’s footprint from its final approval, and releases it once decommissioned', async () => {
    const before = (await pool('dc-primary')).allocated;

    // the default VM: c2m4 (2 vCPU, 4 GB) with a 100 GB disk
    await provisioningVm(a);
    expect((await pool('dc-primary')).allocated).toEqual({
      vcpu: before.vcpu + 2,
      ramGb: before.ramGb + 4,
      storageGb: before.storageGb + 100,
    });

    const big = await activeVm(a, { spec: { flavor: 'c16m64', diskGb: 1000 } });
    expect((await pool('dc-primary')).allocated).toEqual({
      vcpu: before.vcpu + 18,
      ramGb: before.ramGb + 68,
      storageGb: before.storageGb + 1100,
    });

    // still held while the cloud deletes it, released once it is gone
    await decommissionResource({ actor: a.staff, resourceId: big.resourceId });
    expect((await pool('dc-primary')).allocated.vcpu).toBe(before.vcpu + 18);
    await decommission({ resourceId: big.resourceId });
    expect((await pool('dc-primary')).allocated).toEqual({
      vcpu: before.vcpu + 2,
      ramGb: before.ramGb + 4,
      storageGb: before.storageGb + 100,
    });
  });

  it('reports what running servers use, never more than is allocated', async () => {
    await activeVm(a, { spec: { flavor: 'c8m32', diskGb: 500 } });
    const { allocated, used } = await pool('dc-primary');
    expect(used.ramGb).toBeGreaterThan(0);
    expect(used.storageGb).toBeGreaterThan(0);
    for (const unit of ['vcpu', 'ramGb', 'storageGb'] as const) {
      expect(used[unit]).toBeGreaterThanOrEqual(0);
      expect(used[unit]).toBeLessThanOrEqual(allocated[unit]);
      expect(Math.round(used[unit] * 10)).toBe(used[unit] * 10);
      expect(Number.isInteger(allocated[unit])).toBe(true);
    }
  });

  it('keeps a resource in the middle of a resize among those holding capacity (showback’s live list)', async () => {
    const vm = await activeVm(a);
    const move = (from: ResourceStatus, to: ResourceStatus) =>
      getDb().transaction((tx) =>
        transitionResource(tx, { resourceId: vm.resourceId, from, to, actor: null, event: `test.${to}` }),
      );
    const [row] = await getDb()
      .select({ systemId: resources.systemId })
      .from(resources)
      .where(eq(resources.id, vm.resourceId));

    await move('active', 'resizing');
    try {
      const live = await liveResources({ systemIds: [row!.systemId] });
      // still its size before the resize: the spec changes once the cloud has finished
      expect(live.items.find((r) => r.id === vm.resourceId)).toMatchObject({
        status: 'resizing',
        vcpu: 2,
        ramGb: 4,
        storageGb: 100,
      });
    } finally {
      await move('resizing', 'active');
    }
  });

  it.each([
    { who: 'it' as const, may: true },
    { who: 'planner' as const, may: true },
    { who: 'admin' as const, may: true },
    { who: 'staff' as const, may: false },
    { who: 'head' as const, may: false },
    { who: 'director' as const, may: false },
  ])('is for IT reviewers, planners and admins: $who → $may', async ({ who, may }) => {
    if (may) expect((await getPools({ actor: a[who] })).items.length).toBeGreaterThanOrEqual(3);
    else await expectAppError(getPools({ actor: a[who] }), 'forbidden', 403);
  });
});
