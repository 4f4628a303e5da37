import { count } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import {
  costAssumptionSets,
  poolInvestments,
  systemAllocationsMonthly,
  systemCostProfiles,
  systemUsageMonthly,
} from '@/db/schema/costs';
import { businessSystems } from '@/db/schema/org';
import { computeSavings } from '@/lib/costs/compute-savings';
import { demoCostInputs } from '@/lib/costs/demo-cost-inputs';
import { loadCostInputs } from '@/lib/costs/load-cost-inputs';
import { monthsOf } from '@/lib/costs/period';
import { poolUnitRates, sellableUnits } from '@/lib/costs/pool-unit-rates';
import { ratio } from '@/lib/costs/rational';
import { demoSystems } from './demo-data';
import { demoHistory } from './demo-history';
import { demoPoolInvestments } from './demo-history-data';
import { seedDemo } from './seed-demo';

const sixYears = { from: '2016-01-01', to: '2021-12-31' };

describe('the demo history (2016–2021)', () => {
  const history = demoHistory();

  it('moves 78 systems onto the cloud: 14 in 2016, then about a dozen a year', () => {
    const perYear = [2016, 2017, 2018, 2019, 2020, 2021].map(
      (y) => history.filter((s) => s.year === y).length,
    );
    expect(perYear).toEqual([14, 13, 13, 13, 13, 12]);
    expect(new Set(history.map((s) => s.code)).size).toBe(78);
    expect(history.every((s) => s.movedOn.startsWith(String(s.year)))).toBe(true);
  });

  it('counts the seven demo systems among them, in their departments', () => {
    for (const demo of demoSystems)
      expect(history.find((s) => s.code === demo.code)).toMatchObject({ department: demo.department });
  });

  it('puts about 5.4 billion KRW into the pool over the six years', () => {
    expect(demoPoolInvestments.reduce((s, i) => s + i.amountKrw, 0)).toBe(5_400_000_000);
    expect(
      demoPoolInvestments.every((i) => i.investedOn >= '2016-01-01' && i.investedOn <= '2021-12-31'),
    ).toBe(true);
  });

  it('allocates every system every month from its move to 2021-12, and measures it', () => {
    for (const s of history) {
      const months = monthsOf({ from: s.movedOn, to: '2021-12-31' }).map((m) => m.month);
      expect(Object.keys(s.allocations)).toEqual(months);
      expect(Object.keys(s.usage)).toEqual(months);
    }
  });

  it('is generated the same every time (a seeded PRNG)', () => {
    const vcpuMonths = history.reduce(
      (n, s) => n + Object.values(s.allocations).reduce((m, a) => m + a.vcpu, 0),
      0,
    );
    expect({ vcpuMonths, first: history[0]!.movedOn, peak: history[0]!.peak }).toEqual({
      vcpuMonths: 33_221,
      first: '2016-03-01',
      peak: { vcpu: 12, ramGb: 48, storageGb: 1_750 },
    });
  });

  it('never allocates more than the pool may sell', () => {
    const inputs = demoCostInputs();
    const rates = poolUnitRates(inputs.pools, inputs.sets);
    for (const { month } of monthsOf(sixYears)) {
      const sellable = rates('dc-primary', month).sellable;
      const allocated = { vcpu: 0, ramGb: 0, storageGb: 0, platformSlot: 0 };
      for (const s of inputs.systems) {
        const a = s.allocations[month];
        if (!a) continue;
        allocated.vcpu += a.vcpu;
        allocated.ramGb += a.ramGb;
        allocated.storageGb += a.storageGb;
        allocated.platformSlot += a.platformSlots;
      }
      for (const unit of sellableUnits) {
        const { n, d } = sellable[unit];
        expect(ratio(allocated[unit]).n * d <= n, `${unit} in ${month}`).toBe(true);
      }
    }
  });

  it('computes to 42.4 % saved over 2016–2021 from its documented inputs', () => {
    const r = computeSavings({ inputs: demoCostInputs(), period: sixYears });
    expect({
      standalone: r.standaloneKrw,
      shared: r.sharedKrw,
      pct: r.savingsPct,
      systems: r.systemCount,
    }).toEqual({
      standalone: 6_122_314_952,
      shared: 3_526_116_202,
      pct: 42.4,
      systems: 78,
    });
  });
});

describe('the seeded demo history', () => {
  const tables: Record<string, PgTable> = {
    business_systems: businessSystems,
    cost_assumption_sets: costAssumptionSets,
    pool_investments: poolInvestments,
    system_cost_profiles: systemCostProfiles,
    system_allocations_monthly: systemAllocationsMonthly,
    system_usage_monthly: systemUsageMonthly,
  };
  const counts = async () =>
    Object.fromEntries(
      await Promise.all(
        Object.entries(tables).map(async ([name, table]) => {
          const [row] = await getDb().select({ n: count() }).from(table);
          return [name, row!.n] as const;
        }),
      ),
    );

  it('computes from the database to the same 42.4 %', async () => {
    const r = computeSavings({ inputs: await loadCostInputs({ period: sixYears }), period: sixYears });
    const pure = computeSavings({ inputs: demoCostInputs(), period: sixYears });
    expect([r.standaloneKrw, r.sharedKrw, r.savingsPct, r.systemCount]).toEqual([
      pure.standaloneKrw,
      pure.sharedKrw,
      42.4,
      78,
    ]);
    expect(r.byYear).toEqual(pure.byYear);
  });

  it('changes nothing when it is loaded again', async () => {
    const before = await counts();
    expect(before.system_cost_profiles).toBeGreaterThanOrEqual(78);
    await seedDemo(getDb());
    expect(await counts()).toEqual(before);
  });
});
