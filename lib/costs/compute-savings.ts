import { type CostInputs, type SystemInput, setLookup } from './cost-inputs';
import { explainInputs, type InputsExplained } from './explain-inputs';
import { monthsOf, type Period } from './period';
import { type PoolRates, poolUnitRates } from './pool-unit-rates';
import { add, mul } from './rational';
import { roundKrw, savingsPct } from './round-krw';
import { noSharedLines, type SharedLines, sharedCost } from './shared-cost';
import {
  noStandaloneLines,
  type StandaloneCost,
  type StandaloneLines,
  standaloneCost,
} from './standalone-cost';

// 절감액 / 절감률: the shared cloud against standalone builds, over any period, department or system,
// with every figure's inputs and a per-system breakdown.

export type Totals = {
  standaloneKrw: number;
  sharedKrw: number;
  savedKrw: number;
  savingsPct: number | null;
};

export type SystemSavings = Totals & {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  poolId: string;
  movedOn: string;
  environment: SystemInput['environment'];
  peak: SystemInput['peak'];
  /** standalone procurement lead time − lead time on the cloud, when the build falls in the period */
  leadTimeSavedDays: number;
  standalone: { lines: StandaloneLines; purchases: StandaloneCost['purchases'] };
  shared: { lines: SharedLines };
};

export type PoolPeriodCost = {
  poolId: string;
  poolName: string;
  /** amortised capex + opex over the period (rounded per pool-month, for context) */
  costKrw: number;
  /** unit charges (without onboarding) of every system on the pool, whatever the filter */
  chargedKrw: number;
  /** cost no system was charged for: sellable capacity nobody had allocated, and the failover reserve */
  idleKrw: number;
};

export type SavingsResult = Totals & {
  period: Period;
  departmentId: string | null;
  systemId: string | null;
  systemCount: number;
  leadTimeSavedDays: number;
  lines: { standalone: StandaloneLines; shared: SharedLines };
  byYear: (Totals & { year: number })[];
  systems: SystemSavings[];
  pools: PoolPeriodCost[];
  assumptions: InputsExplained;
};

export type ComputeSavingsOptions = {
  inputs: CostInputs;
  period: Period;
  departmentId?: string | null;
  systemId?: string | null;
  /** share one across calls over the same inputs; made from the inputs when absent */
  rates?: PoolRates;
};

export const totals = (standaloneKrw: number, sharedKrw: number): Totals => ({
  standaloneKrw,
  sharedKrw,
  savedKrw: standaloneKrw - sharedKrw,
  savingsPct: savingsPct(standaloneKrw, sharedKrw),
});

function addLines<L extends object>(into: L, lines: L): void {
  const target = into as Record<string, number>;
  const source = lines as Record<string, number>;
  for (const key of Object.keys(target)) target[key] = target[key]! + source[key]!;
}

/**
 * Savings = 1 − Σ shared ÷ Σ standalone over the systems in scope (all, one department's, or one) and
 * the period; per year as well. A system is in scope once it has moved onto the cloud (movedOn ≤ to).
 */
export function computeSavings(options: ComputeSavingsOptions): SavingsResult {
  const { inputs, period } = options;
  const rates = options.rates ?? poolUnitRates(inputs.pools, inputs.sets);
  const setAt = setLookup(inputs.sets);
  const months = monthsOf(period);
  const years = [...new Set(months.map((m) => Number(m.month.slice(0, 4))))];
  const byYear = new Map(years.map((y) => [y, { standalone: 0, shared: 0 }]));
  const lines = { standalone: noStandaloneLines(), shared: noSharedLines() };
  const charged = new Map<string, number>();
  const systems: SystemSavings[] = [];

  // Phase 1: every system that had moved by the end of the period (the pools' charges need them all)
  for (const system of inputs.systems) {
    if (system.movedOn > period.to) continue;
    const shared = sharedCost({ system, period, sets: inputs.sets, rates });
    const unitCharges = shared.totalKrw - shared.lines.onboardingKrw;
    charged.set(system.poolId, (charged.get(system.poolId) ?? 0) + unitCharges);
    if (options.departmentId && system.departmentId !== options.departmentId) continue;
    if (options.systemId && system.id !== options.systemId) continue;

    // Phase 2: the systems in scope, with their standalone counterpart
    const standalone = standaloneCost({ system, period, sets: inputs.sets });
    for (const m of standalone.months) byYear.get(Number(m.month.slice(0, 4)))!.standalone += m.totalKrw;
    for (const m of shared.months) byYear.get(Number(m.month.slice(0, 4)))!.shared += m.totalKrw;
    addLines(lines.standalone, standalone.lines);
    addLines(lines.shared, shared.lines);
    systems.push({
      id: system.id,
      code: system.code,
      name: system.name,
      departmentId: system.departmentId,
      departmentName: system.departmentName,
      poolId: system.poolId,
      movedOn: system.movedOn,
      environment: system.environment,
      peak: system.peak,
      ...totals(standalone.totalKrw, shared.totalKrw),
      leadTimeSavedDays: standalone.leadTimeDays - shared.leadTimeDays,
      standalone: { lines: standalone.lines, purchases: standalone.purchases },
      shared: { lines: shared.lines },
    });
  }

  // Phase 3: the pools' own cost over the period, for what was not charged to any system
  const pools: PoolPeriodCost[] = [];
  for (const pool of inputs.pools) {
    let costKrw = 0;
    for (const { month, fraction } of months) {
      const pm = rates(pool.id, month);
      costKrw += roundKrw(mul(add(pm.capex, pm.opex), fraction));
    }
    if (costKrw === 0 && !charged.has(pool.id)) continue;
    const chargedKrw = charged.get(pool.id) ?? 0;
    pools.push({ poolId: pool.id, poolName: pool.name, costKrw, chargedKrw, idleKrw: costKrw - chargedKrw });
  }

  const standaloneKrw = systems.reduce((s, x) => s + x.standaloneKrw, 0);
  const sharedKrw = systems.reduce((s, x) => s + x.sharedKrw, 0);
  return {
    period,
    departmentId: options.departmentId ?? null,
    systemId: options.systemId ?? null,
    systemCount: systems.length,
    ...totals(standaloneKrw, sharedKrw),
    leadTimeSavedDays: systems.reduce((s, x) => s + x.leadTimeSavedDays, 0),
    lines,
    byYear: years.map((year) => ({
      year,
      ...totals(byYear.get(year)!.standalone, byYear.get(year)!.shared),
    })),
    systems,
    pools,
    assumptions: explainInputs({ inputs, period, setAt, systems, rates }),
  };
}
