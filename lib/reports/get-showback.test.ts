import { beforeAll, describe, expect, it } from 'vitest';
import { demoActor, systemId } from '@/db/testing/fixtures';
import { appErrorOf } from '@/lib/admin/test-helpers';
import type { Actor } from '@/lib/auth/actor';
import { computeSavings } from '@/lib/costs/compute-savings';
import { loadCostInputs } from '@/lib/costs/load-cost-inputs';
import { showback } from '@/lib/costs/showback';
import { smallInputs, smallSystem } from '@/lib/costs/test-fixtures';
import { activeVm } from '@/lib/resources/test-fixtures';
import { getShowback, showbackBySystem } from './get-showback';

const march = { from: '2020-03-01', to: '2020-03-31' };
// three systems, two in 가 부서: each allocated 2 vCPU · 4 GB · 100 GB (63,000 a month by allocation)
const systems = [
  smallSystem({ usage: { '2020-03': { avgCpuPct: 60, ramUsedGb: 3, storageUsedGb: 80 } } }),
  smallSystem({
    id: 'sys-a2',
    code: 'SYS-A2',
    usage: { '2020-03': { avgCpuPct: 30, ramUsedGb: 2, storageUsedGb: 40 } },
  }),
  smallSystem({
    id: 'sys-b',
    code: 'SYS-B',
    departmentId: 'dept-b',
    departmentName: '나 부서',
    usage: { '2020-03': { avgCpuPct: 10, ramUsedGb: 1, storageUsedGb: 20 } },
  }),
];

describe('showbackBySystem', () => {
  it('gives each department the sum of its systems on both bases', () => {
    const inputs = smallInputs(systems);
    const byDepartment = showback({ inputs, period: march }).departments;
    const bySystem = showbackBySystem(inputs, march).departments;
    const sumOf = (dept: string, key: 'byAllocationKrw' | 'byUsageKrw') =>
      bySystem
        .filter((s) => systems.find((x) => x.id === s.departmentId)!.departmentId === dept)
        .reduce((x, s) => x + s[key], 0);
    for (const d of byDepartment) {
      expect(sumOf(d.departmentId, 'byAllocationKrw')).toBe(d.byAllocationKrw);
      expect(sumOf(d.departmentId, 'byUsageKrw')).toBe(d.byUsageKrw);
    }
    // by hand: vCPU 25,000 × 3 split 1.2 : 0.6 : 0.2, RAM 30,000 × 3 split 3 : 2 : 1,
    // storage 8,000 × 3 split 80 : 40 : 20 (13,714.29 → 13,714; 6,857.14 → 6,857; 3,428.57 → 3,429)
    expect(bySystem.map((s) => [s.departmentId, s.byAllocationKrw, s.byUsageKrw])).toEqual([
      ['sys-a', 63_000, 45_000 + 45_000 + 13_714],
      ['sys-a2', 63_000, 22_500 + 30_000 + 6_857],
      ['sys-b', 63_000, 7_500 + 15_000 + 3_429],
    ]);
    expect(byDepartment.map((d) => [d.departmentId, d.byAllocationKrw, d.byUsageKrw])).toEqual([
      ['dept-a', 126_000, 103_714 + 59_357],
      ['dept-b', 63_000, 25_929],
    ]);
  });
});

describe('getShowback on the demo history', () => {
  let planner: Actor;
  beforeAll(async () => {
    planner = await demoActor('planner');
  });

  it('totals by allocation to the shared cost of the savings, departments summing their systems', async () => {
    const view = await getShowback({ actor: planner, from: '2021-01', to: '2021-12' });
    const period = { from: '2021-01-01', to: '2021-12-31' };
    const shared = computeSavings({ inputs: await loadCostInputs({ period }), period }).sharedKrw;
    expect(view.totals.byAllocationKrw).toBe(shared);
    expect(view.departments.length).toBeGreaterThan(5);
    for (const d of view.departments) {
      const own = view.systems.filter((s) => s.departmentId === d.departmentId);
      expect(own.length).toBe(d.systems);
      expect(own.reduce((x, s) => x + s.byAllocationKrw, 0)).toBe(d.byAllocationKrw);
      expect(own.reduce((x, s) => x + s.byUsageKrw, 0)).toBe(d.byUsageKrw);
      const months = view.departmentMonths.filter((m) => m.departmentId === d.departmentId);
      expect(months.reduce((x, m) => x + m.byUsageKrw, 0)).toBe(d.byUsageKrw);
    }
    // the usage basis splits the same charges again: the totals differ by rounding at most
    expect(Math.abs(view.totals.byUsageKrw - view.totals.byAllocationKrw)).toBeLessThan(12 * 4 * 78);
    expect(view.systems.filter((s) => s.hasHistory)).toHaveLength(78);
  });

  it('drills down to a department’s systems and a system’s resources priced on the rate card', async () => {
    const [staff, head, it] = await Promise.all([demoActor('staff'), demoActor('head'), demoActor('it')]);
    await activeVm({ staff, head, it });
    const bis = await systemId('SYS-BIS');
    const view = await getShowback({ actor: planner, from: '2021-01', to: '2021-12', systemId: bis });
    expect(view.systems.map((s) => s.code)).toEqual(['SYS-BIS']);
    expect(view.departments).toHaveLength(1);
    expect(view.departmentId).toBe(view.systems[0]!.departmentId);
    expect(view.resources.length).toBeGreaterThan(0);
    expect(view.resources.every((r) => r.systemId === bis && r.monthlyKrw > 0)).toBe(true);
    // the default VM: 2 vCPU · 4 GB · 100 GB on Rocky Linux, 72,000 KRW a month
    expect(view.resources.some((r) => r.monthlyKrw === 72_000 && r.vcpu === 2)).toBe(true);
    const resourcesTotal = view.resources.reduce((x, r) => x + r.monthlyKrw, 0);
    expect(view.systems[0]!.rateCardMonthlyKrw).toBe(resourcesTotal);
    expect(view.departments[0]!.rateCardMonthlyKrw).toBe(resourcesTotal);
    expect(view.systems[0]!.resources).toBe(view.resources.length);

    const dept = await getShowback({
      actor: planner,
      from: '2021-01',
      to: '2021-12',
      departmentId: view.departmentId,
    });
    expect(dept.resources).toEqual([]);
    expect(dept.systems.every((s) => s.departmentId === view.departmentId)).toBe(true);
    expect(dept.systems.find((s) => s.code === 'SYS-BIS')!.rateCardMonthlyKrw).toBe(resourcesTotal);
    expect(dept.totals.byAllocationKrw).toBe(dept.systems.reduce((x, s) => x + s.byAllocationKrw, 0));
  });

  it.each([
    {
      label: 'an unknown department',
      options: { departmentId: '5f1d2c3b-0000-4000-8000-000000000000' },
      field: 'departmentId',
    },
    {
      label: 'an unknown system',
      options: { systemId: '5f1d2c3b-0000-4000-8000-000000000000' },
      field: 'systemId',
    },
  ])('refuses $label as bad input', async ({ options, field }) => {
    const error = await appErrorOf(
      getShowback({ actor: planner, from: '2021-01', to: '2021-12', ...options }),
    );
    expect(error.code).toBe('bad_request');
    expect((error.details as { fieldErrors: Record<string, string[]> }).fieldErrors).toEqual({
      [field]: ['validation.choice'],
    });
  });

  it('is not for requesters', async () => {
    const error = await appErrorOf(
      getShowback({ actor: await demoActor('staff'), from: '2021-01', to: '2021-12' }),
    );
    expect(error.code).toBe('forbidden');
  });
});
