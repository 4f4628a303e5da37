import type { CostAssumptions } from './assumptions-schema';
import type { AssumptionSet, Capacity, CostInputs } from './cost-inputs';
import { firstDay, monthIndex, monthOf, monthsOf, type Period } from './period';
import type { PoolRates, SellableUnit } from './pool-unit-rates';
import { mul, ratio, toFixedNumber } from './rational';
import { roundKrw } from './round-krw';

// What a savings figure was computed from, for the reader: the assumption sets used, the pool
// investments behind the unit rates, the rates month by month, the formulas and the rounding rule.

export const formulas = {
  standalone:
    'servers = max(prod ? prodMinServers : 1, ⌈peak × (100 + headroomPct) / 100 ÷ server class⌉); per month: ' +
    '(servers × server price + storage GB × price per GB) ÷ (lifetime × 12) + servers × (licence + facility) ÷ 12, ' +
    '× share of the month in the period; + design and procurement once in the build month',
  unitRate:
    'per pool and month: (Σ investment ÷ (lifetime × 12) over investments in service + opex per year ÷ 12) × cost share ÷ ' +
    'sellable units; sellable vCPU = cores × overcommit × sellable %, RAM, storage and slots = installed × sellable %',
  shared:
    'per month: Σ allocated units × unit rate × share of the month in the period; + onboarding once in the move month',
  savings: 'savings % = (1 − Σ shared ÷ Σ standalone) × 100, rounded half up to one decimal',
  leadTime:
    'lead time saved = Σ (procurement lead time − lead time on the cloud) over the builds in the period',
} as const;

export const roundingRule =
  'Each cost line of each system-month is computed exactly and rounded half up to the won once; every total is ' +
  'the sum of those integers.';

export type InputsExplained = {
  rounding: string;
  formulas: typeof formulas;
  sets: { version: number; name: string; effectiveFrom: string; assumptions: CostAssumptions }[];
  investments: {
    poolId: string;
    poolName: string;
    investedOn: string;
    amountKrw: number;
    description: string;
    capacity: Capacity;
    lifetimeYears: number;
    /** the part of the investment amortised inside the period (rounded for display) */
    amortisedInPeriodKrw: number;
  }[];
  /** per pool and month: its cost, sellable units and unit rates (KRW per unit-month, two decimals) */
  unitRates: {
    poolId: string;
    month: string;
    setVersion: number;
    capexKrw: number;
    opexKrw: number;
    sellable: Record<SellableUnit, number>;
    rates: Record<SellableUnit, number>;
  }[];
};

type ExplainOptions = {
  inputs: CostInputs;
  period: Period;
  setAt: (isoDate: string) => AssumptionSet;
  systems: { poolId: string; movedOn: string; standalone: { purchases: { setVersion: number }[] } }[];
  rates: PoolRates;
};

const round2 = (values: Record<SellableUnit, ReturnType<typeof ratio>>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [k, toFixedNumber(v)])) as Record<
    SellableUnit,
    number
  >;

export function explainInputs({ inputs, period, setAt, systems, rates }: ExplainOptions): InputsExplained {
  const months = monthsOf(period);
  const versions = new Set<number>();
  for (const { month } of months) versions.add(setAt(firstDay(month)).version);
  for (const s of systems) {
    versions.add(setAt(s.movedOn).version);
    for (const p of s.standalone.purchases) versions.add(p.setVersion);
  }
  const poolIds = new Set(systems.map((s) => s.poolId));
  const investments: InputsExplained['investments'] = [];
  const unitRates: InputsExplained['unitRates'] = [];
  for (const pool of inputs.pools.filter((p) => poolIds.has(p.id))) {
    for (const inv of pool.investments) {
      const set = setAt(inv.investedOn);
      const life = set.assumptions.hardwareLifetimeYears * 12;
      const start = monthIndex(monthOf(inv.investedOn));
      const share = months
        .filter(({ month }) => monthIndex(month) >= start && monthIndex(month) < start + life)
        .reduce((s, { fraction }) => s + roundKrw(mul(ratio(inv.amountKrw, life), fraction)), 0);
      if (share > 0) versions.add(set.version);
      investments.push({
        poolId: pool.id,
        poolName: pool.name,
        investedOn: inv.investedOn,
        amountKrw: inv.amountKrw,
        description: inv.description,
        capacity: inv.capacity,
        lifetimeYears: set.assumptions.hardwareLifetimeYears,
        amortisedInPeriodKrw: share,
      });
    }
    for (const { month } of months) {
      const pm = rates(pool.id, month);
      unitRates.push({
        poolId: pool.id,
        month,
        setVersion: pm.setVersion,
        capexKrw: roundKrw(pm.capex),
        opexKrw: roundKrw(pm.opex),
        sellable: round2(pm.sellable),
        rates: round2(pm.rates),
      });
    }
  }
  return {
    rounding: roundingRule,
    formulas,
    sets: inputs.sets
      .filter((s) => versions.has(s.version))
      .sort((a, b) => a.version - b.version)
      .map(({ version, name, effectiveFrom, assumptions }) => ({
        version,
        name,
        effectiveFrom,
        assumptions,
      })),
    investments,
    unitRates,
  };
}
