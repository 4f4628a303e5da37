import { and, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { systemAllocationsMonthly, systemCostProfiles } from '@/db/schema/costs';
import { monthlyReports } from '@/db/schema/reports';
import { resourceEvents, resources, simServers } from '@/db/schema/resources';
import { demoActors, uniqueName } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import type { Actor } from '@/lib/auth/actor';
import { seoulToday } from '@/lib/format/dates';
import { pollResource } from '@/lib/provisioning/poll-resource';
import { provisionRequest } from '@/lib/provisioning/provision-request';
import { closeMonth } from '@/lib/reports/close-month';
import { getMonthlyReport } from '@/lib/reports/get-monthly-report';
import { getRunway } from '@/lib/reports/get-runway';
import { getShowback } from '@/lib/reports/get-showback';
import { getRequest } from '@/lib/requests/queries';
import { submitRequest, submitRequestInput } from '@/lib/requests/submit-request';
import { computeSavings } from './compute-savings';
import { assumptionsInForce } from './cost-inputs';
import { loadCostInputs } from './load-cost-inputs';
import { seoulMonthBounds } from './month-allocations';
import { lastDay } from './period';
import { poolUnitRates } from './pool-unit-rates';
import { ratio } from './rational';
import { rollUpAllocations } from './roll-up-allocations';
import { allocationCharges } from './shared-cost';

// The portal's live resources in the cost model: a VM provisioned for a system named at submission
// (교통국), rolled into system_allocations_monthly, seen by showback, the runway and the month's report.

const thisMonth = seoulToday().slice(0, 7);
/** a past month nobody else closes: a VM of another new system ran 10 of its 28 days */
const pastMonth = '2025-02';

type Actors = Awaited<ReturnType<typeof demoActors>>;
let a: Actors;
let planner: Actor;
const made: { systemId: string; resourceId: string; requestId: string }[] = [];

/** The default VM (2 vCPU · 4 GB · 100 GB) for a new system, approved, provisioned and active. */
async function activeVmOfNewSystem(systemName: string) {
  const input = submitRequestInput.parse({
    catalogItemId: 'vm-standard',
    systemName,
    spec: { name: uniqueName() },
    environment: 'dev',
    purpose: '실시간 자원 집계 시험용 서버',
  });
  const { request } = await submitRequest({ actor: a.staff, input });
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  await provisionRequest({ requestId: request.id });
  await getDb()
    .update(simServers)
    .set({ readyAt: new Date(Date.now() - 1000) })
    .where(eq(simServers.idempotencyKey, request.id));
  const resourceId = (await getRequest({ actor: a.staff, requestId: request.id }))!.resourceIds[0]!;
  await pollResource({ resourceId });
  const [row] = await getDb().select().from(resources).where(eq(resources.id, resourceId));
  expect(row?.status).toBe('active');
  const vm = { systemId: row!.systemId, resourceId, requestId: request.id };
  made.push(vm);
  return vm;
}

const rowsOf = (systemId: string) =>
  getDb().select().from(systemAllocationsMonthly).where(eq(systemAllocationsMonthly.systemId, systemId));

let live: Awaited<ReturnType<typeof activeVmOfNewSystem>>;
let ended: Awaited<ReturnType<typeof activeVmOfNewSystem>>;

beforeAll(async () => {
  a = await demoActors();
  planner = a.planner;
  // made on the 1st of this month: it holds capacity for the whole month
  live = await activeVmOfNewSystem(uniqueName('버스 혼잡도 분석 '));
  await getDb()
    .update(resources)
    .set({ createdAt: seoulMonthBounds(thisMonth).start })
    .where(eq(resources.id, live.resourceId));
  // made 2025-02-10 and handed back 2025-02-20 (Seoul): 10 of February's 28 days
  ended = await activeVmOfNewSystem(uniqueName('주차 단속 지도 '));
  const gone = new Date('2025-02-20T00:00:00+09:00');
  await getDb()
    .update(resources)
    .set({ createdAt: new Date('2025-02-10T00:00:00+09:00'), status: 'decommissioned', updatedAt: gone })
    .where(eq(resources.id, ended.resourceId));
  await getDb()
    .insert(resourceEvents)
    .values({ resourceId: ended.resourceId, type: 'decommissioned', at: gone });
  await getDb()
    .update(capacityReservations)
    .set({ status: 'released', releasedAt: gone, releaseReason: 'test: handed back' })
    .where(eq(capacityReservations.requestId, ended.requestId));
});

afterAll(async () => {
  // leave the database as the other files expect it: no live months, no report of the past month
  const db = getDb();
  const ids = made.map((m) => m.systemId);
  await db.delete(systemAllocationsMonthly).where(eq(systemAllocationsMonthly.source, 'resources'));
  await db.delete(systemCostProfiles).where(inArray(systemCostProfiles.systemId, ids));
  await db.delete(monthlyReports).where(eq(monthlyReports.month, `${pastMonth}-01`));
});

describe('rollUpAllocations', () => {
  it('lists a VM provisioned live in this month’s showback under its department and system', async () => {
    await rollUpAllocations({ month: thisMonth });
    expect(await rowsOf(live.systemId)).toEqual([
      {
        systemId: live.systemId,
        month: `${thisMonth}-01`,
        vcpu: 2,
        ramGb: 4,
        storageGb: 100,
        platformSlots: 0,
        source: 'resources',
      },
    ]);

    const view = await getShowback({ actor: planner, from: thisMonth, to: thisMonth });
    const system = view.systems.find((s) => s.systemId === live.systemId);
    expect(system).toMatchObject({ departmentId: a.staff.departmentId, hasHistory: true, resources: 1 });
    const department = view.departments.find((d) => d.departmentId === a.staff.departmentId)!;
    expect(department.nameKo).toBe('교통국');
    expect(
      view.systems.filter((s) => s.departmentId === department.departmentId).map((s) => s.systemId),
    ).toContain(live.systemId);
    // 2 vCPU, 4 GB, 100 GB for the whole month at the pool's unit rates, and its onboarding (moved this month)
    const inputs = await loadCostInputs({ period: { from: `${thisMonth}-01`, to: `${thisMonth}-01` } });
    const [profile] = await getDb()
      .select()
      .from(systemCostProfiles)
      .where(eq(systemCostProfiles.systemId, live.systemId));
    const { rates } = poolUnitRates(inputs.pools, inputs.sets)(profile!.poolId, thisMonth);
    const charges = allocationCharges(
      { vcpu: 2, ramGb: 4, storageGb: 100, platformSlots: 0 },
      rates,
      ratio(1),
    );
    const onboarding = assumptionsInForce(inputs.sets, `${thisMonth}-01`).assumptions.shared
      .onboardingPerSystemKrw;
    const expected = Object.values(charges).reduce((x, y) => x + y, 0) + onboarding;
    expect(charges.vcpuKrw).toBeGreaterThan(0);
    expect(system!.byAllocationKrw).toBe(expected);
  });

  it('gives the portal-made system a cost profile from its resources, once', async () => {
    const [profile] = await getDb()
      .select()
      .from(systemCostProfiles)
      .where(eq(systemCostProfiles.systemId, live.systemId));
    expect(profile).toMatchObject({
      movedOn: `${thisMonth}-01`,
      environment: 'dev',
      peakVcpu: 2,
      peakRamGb: 4,
      peakStorageGb: 100,
      source: 'resources',
    });
    // the savings engine now counts it for this month: a standalone build against its share of the pool
    const period = { from: `${thisMonth}-01`, to: lastDay(thisMonth) };
    const savings = computeSavings({
      inputs: await loadCostInputs({ period }),
      period,
      systemId: live.systemId,
    });
    expect(savings.standaloneKrw).toBeGreaterThan(savings.sharedKrw);
  });

  it('counts it in the runway’s allocation for this month', async () => {
    const view = await getRunway({ actor: planner, filters: { asOf: thisMonth } });
    const [profile] = await getDb()
      .select()
      .from(systemCostProfiles)
      .where(eq(systemCostProfiles.systemId, live.systemId));
    const pool = view.pools.find((p) => p.poolId === profile!.poolId)!;
    const rows = await getDb()
      .select({ vcpu: systemAllocationsMonthly.vcpu, poolId: systemCostProfiles.poolId })
      .from(systemAllocationsMonthly)
      .innerJoin(systemCostProfiles, eq(systemCostProfiles.systemId, systemAllocationsMonthly.systemId))
      .where(eq(systemAllocationsMonthly.month, `${thisMonth}-01`));
    const vcpu = pool.dimensions.find((d) => d.dimension === 'vcpu')!;
    expect(vcpu.current).toBe(rows.filter((r) => r.poolId === pool.poolId).reduce((x, r) => x + r.vcpu, 0));
    expect(vcpu.current).toBeGreaterThanOrEqual(2);
    expect(pool.series.filter((p) => p.kind === 'actual').at(-1)).toMatchObject({ month: thisMonth });
  });

  it('changes nothing when it runs again, and never overwrites a recorded row', async () => {
    const before = await rowsOf(live.systemId);
    const again = await rollUpAllocations({ month: thisMonth });
    expect(again).toMatchObject({ written: 0, removed: 0, profilesCreated: [] });
    expect(await rowsOf(live.systemId)).toEqual(before);

    const where = and(
      eq(systemAllocationsMonthly.systemId, live.systemId),
      eq(systemAllocationsMonthly.month, `${thisMonth}-01`),
    );
    await getDb().update(systemAllocationsMonthly).set({ vcpu: 99, source: 'history' }).where(where);
    try {
      await rollUpAllocations({ month: thisMonth });
      expect((await rowsOf(live.systemId))[0]).toMatchObject({ vcpu: 99, source: 'history' });
    } finally {
      await getDb().update(systemAllocationsMonthly).set({ vcpu: 2, source: 'resources' }).where(where);
    }
  });

  it('closes a month with the resources that ran in it, pro-rated by the time they ran', async () => {
    const { created } = await closeMonth({ month: pastMonth, actor: planner });
    expect(created).toBe(true);
    // 10 of 28 days: 2 × 10/28 = 0.71 → 1 vCPU, 4 × 10/28 = 1.43 → 1 GB, 100 × 10/28 = 35.7 → 36 GB
    expect(await rowsOf(ended.systemId)).toEqual([
      expect.objectContaining({
        month: `${pastMonth}-01`,
        vcpu: 1,
        ramGb: 1,
        storageGb: 36,
        source: 'resources',
      }),
    ]);
    const report = await getMonthlyReport({ actor: planner, month: pastMonth });
    const system = report.figures.showback.systems.find((s) => s.systemId === ended.systemId);
    expect(system?.byAllocationKrw).toBeGreaterThan(0);
    expect(
      report.figures.showback.departments.find((d) => d.departmentId === a.staff.departmentId),
    ).toBeDefined();
    // the month it ran in only: this month's roll-up does not count a resource handed back long ago
    expect((await rowsOf(ended.systemId)).map((r) => r.month)).toEqual([`${pastMonth}-01`]);
  });

  it('leaves the six years of history as they were: 42.4 % saved over 2016–2021', async () => {
    const history = () =>
      getDb().select().from(systemAllocationsMonthly).where(eq(systemAllocationsMonthly.month, '2021-12-01'));
    const before = await history();
    expect(await rollUpAllocations({ month: '2021-12' })).toMatchObject({
      systems: 0,
      written: 0,
      removed: 0,
    });
    expect(await history()).toEqual(before);
    const period = { from: '2016-01-01', to: '2021-12-31' };
    const savings = computeSavings({ inputs: await loadCostInputs({ period }), period });
    expect([savings.savingsPct, savings.systemCount]).toEqual([42.4, 78]);
  });

  it.each([
    { label: 'a malformed month', month: '2026-13', code: 'bad_request' },
    { label: 'a month to come', month: '2099-01', code: 'rule' },
  ])('refuses $label', async ({ month, code }) => {
    await expect(rollUpAllocations({ month })).rejects.toMatchObject({ code });
  });
});
