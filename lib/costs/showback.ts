import type { Allocation, CostInputs, Usage } from './cost-inputs';
import type { Month, Period } from './period';
import { type PoolRates, poolUnitRates, type SellableUnit, sellableUnits } from './pool-unit-rates';
import { div, fromDecimal, mul, type Rational, ratio, sum } from './rational';
import { roundKrw } from './round-krw';
import { type SharedLines, sharedCost } from './shared-cost';

// Showback: what each department's systems cost the shared pool, month by month, on two bases the
// planner can compare — by allocation (what they reserved) and by measured usage (what they used).

export type ShowbackTotals = { byAllocationKrw: number; byUsageKrw: number };
export type ShowbackRow = ShowbackTotals & { month: Month; departmentId: string; departmentName: string };

export type ShowbackResult = {
  period: Period;
  /** per month and department, months in order, departments by name */
  rows: ShowbackRow[];
  /** per department over the whole period */
  departments: (ShowbackTotals & { departmentId: string; departmentName: string })[];
  basis: typeof showbackBasis;
};

export const showbackBasis = {
  allocation:
    'allocated units × the pool’s unit rates, per system-month, + onboarding: the shared cost of the savings',
  usage:
    'per pool, month and unit, the allocation charges of the systems measured that month, split among them in ' +
    'proportion to use: vCPU × average CPU %, RAM used, storage used; platform slots by allocation. A system ' +
    'without a measurement keeps its allocation charge; onboarding is the same on both bases.',
} as const;

const lineOf: Record<SellableUnit, keyof SharedLines> = {
  vcpu: 'vcpuKrw',
  ramGb: 'ramGbKrw',
  storageGb: 'storageGbKrw',
  platformSlot: 'platformSlotKrw',
};

/** How much of each unit a system used in a month; platform slots have no meter and count as allocated. */
export function usageWeights(allocation: Allocation, used: Usage): Record<SellableUnit, Rational> {
  return {
    vcpu: mul(ratio(allocation.vcpu), div(fromDecimal(used.avgCpuPct), ratio(100))),
    ramGb: fromDecimal(used.ramUsedGb),
    storageGb: fromDecimal(used.storageUsedGb),
    platformSlot: ratio(allocation.platformSlots),
  };
}

type Entry = {
  departmentId: string;
  departmentName: string;
  poolId: string;
  lines: SharedLines;
  weights: Record<SellableUnit, Rational> | null;
  byUsageKrw: number;
};

export type ShowbackOptions = {
  inputs: CostInputs;
  period: Period;
  departmentId?: string | null;
  rates?: PoolRates;
};

/** Showback per department and month on both bases, rounded per system-month line like the savings. */
export function showback({ inputs, period, departmentId, rates: given }: ShowbackOptions): ShowbackResult {
  const rates = given ?? poolUnitRates(inputs.pools, inputs.sets);

  // Phase 1: every system's shared cost month by month (all of them: usage splits a pool's charges)
  const byMonth = new Map<Month, Entry[]>();
  for (const system of inputs.systems) {
    if (system.movedOn > period.to) continue;
    for (const m of sharedCost({ system, period, sets: inputs.sets, rates }).months) {
      const used = system.usage[m.month];
      const entries = byMonth.get(m.month) ?? [];
      entries.push({
        departmentId: system.departmentId,
        departmentName: system.departmentName,
        poolId: system.poolId,
        lines: m.lines,
        weights: used ? usageWeights(m.allocation, used) : null,
        byUsageKrw: m.lines.onboardingKrw,
      });
      byMonth.set(m.month, entries);
    }
  }

  // Phase 2: per month, pool and unit, the measured systems' charges split in proportion to use
  const rows: ShowbackRow[] = [];
  for (const [month, entries] of [...byMonth].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (const poolId of new Set(entries.map((e) => e.poolId))) {
      const onPool = entries.filter((e) => e.poolId === poolId);
      for (const unit of sellableUnits) {
        const measured = onPool.filter((e) => e.weights);
        const pot = ratio(measured.reduce((s, e) => s + e.lines[lineOf[unit]], 0));
        const used = sum(measured.map((e) => e.weights![unit]));
        for (const e of onPool) {
          e.byUsageKrw +=
            e.weights && used.n !== 0n
              ? roundKrw(div(mul(pot, e.weights[unit]), used))
              : e.lines[lineOf[unit]];
        }
      }
    }
    // Phase 3: by department
    const perDept = new Map<string, ShowbackRow>();
    for (const e of entries) {
      if (departmentId && e.departmentId !== departmentId) continue;
      const row = perDept.get(e.departmentId) ?? {
        month,
        departmentId: e.departmentId,
        departmentName: e.departmentName,
        byAllocationKrw: 0,
        byUsageKrw: 0,
      };
      const l = e.lines;
      row.byAllocationKrw += l.vcpuKrw + l.ramGbKrw + l.storageGbKrw + l.platformSlotKrw + l.onboardingKrw;
      row.byUsageKrw += e.byUsageKrw;
      perDept.set(e.departmentId, row);
    }
    rows.push(
      ...[...perDept.values()].sort((a, b) => a.departmentName.localeCompare(b.departmentName, 'ko')),
    );
  }

  const departments = new Map<string, ShowbackResult['departments'][number]>();
  for (const r of rows) {
    const d = departments.get(r.departmentId) ?? {
      departmentId: r.departmentId,
      departmentName: r.departmentName,
      byAllocationKrw: 0,
      byUsageKrw: 0,
    };
    d.byAllocationKrw += r.byAllocationKrw;
    d.byUsageKrw += r.byUsageKrw;
    departments.set(r.departmentId, d);
  }
  const sortedDepartments = [...departments.values()].sort((a, b) =>
    a.departmentName.localeCompare(b.departmentName, 'ko'),
  );
  return { period, rows, departments: sortedDepartments, basis: showbackBasis };
}
