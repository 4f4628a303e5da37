import { type AssumptionSet, type Capacity, type PoolInput, setLookup } from './cost-inputs';
import { firstDay, type Month, monthIndex, monthOf } from './period';
import { add, div, isZero, mul, type Rational, ratio, ZERO } from './rational';

// The shared pool's cost turned into unit rates: a month's amortised capex plus opex, split by the
// cost shares, over the capacity the pool may sell that month.

export type SellableUnit = 'vcpu' | 'ramGb' | 'storageGb' | 'platformSlot';
export const sellableUnits: SellableUnit[] = ['vcpu', 'ramGb', 'storageGb', 'platformSlot'];

export type PoolMonth = {
  poolId: string;
  month: Month;
  setVersion: number;
  /** capex of the investments in service this month, each ÷ (lifetime × 12) */
  capex: Rational;
  /** opexPerYearKrw[pool] ÷ 12, while the pool has capacity in service */
  opex: Rational;
  /** installed capacity of the investments in service */
  installed: Capacity;
  /** vCPU = cores × overcommit × sellable %; RAM, storage, slots = installed × sellable % */
  sellable: Record<SellableUnit, Rational>;
  /** KRW per unit-month: (capex + opex) × share ÷ sellable (0 when nothing is sellable) */
  rates: Record<SellableUnit, Rational>;
};

/**
 * A lookup of pool-months, each computed once: `rates(poolId, month)`. An investment is in service,
 * and amortised, from the month it was made for the hardware lifetime in force on that day.
 */
export function poolUnitRates(pools: PoolInput[], sets: AssumptionSet[]) {
  const setAt = setLookup(sets);
  const memo = new Map<string, PoolMonth>();
  const byId = new Map(pools.map((p) => [p.id, p]));

  return (poolId: string, month: Month): PoolMonth => {
    const key = `${poolId}|${month}`;
    const cached = memo.get(key);
    if (cached) return cached;
    const set = setAt(firstDay(month));
    const { shared } = set.assumptions;
    const m = monthIndex(month);
    let capex = ZERO;
    const installed: Capacity = { physicalCores: 0, ramGb: 0, storageGb: 0, platformSlots: 0 };
    for (const inv of byId.get(poolId)?.investments ?? []) {
      const start = monthIndex(monthOf(inv.investedOn));
      const life = setAt(inv.investedOn).assumptions.hardwareLifetimeYears * 12;
      if (m < start || m >= start + life) continue;
      capex = add(capex, ratio(inv.amountKrw, life));
      installed.physicalCores += inv.capacity.physicalCores;
      installed.ramGb += inv.capacity.ramGb;
      installed.storageGb += inv.capacity.storageGb;
      installed.platformSlots += inv.capacity.platformSlots;
    }
    const inService = Object.values(installed).some((v) => v > 0);
    const opex = inService ? ratio(shared.opexPerYearKrw[poolId] ?? 0, 12) : ZERO;
    const sellablePart = ratio(shared.sellablePct, 100);
    const sellable: Record<SellableUnit, Rational> = {
      vcpu: mul(ratio(installed.physicalCores * shared.cpuOvercommitPct, 100), sellablePart),
      ramGb: mul(ratio(installed.ramGb), sellablePart),
      storageGb: mul(ratio(installed.storageGb), sellablePart),
      platformSlot: mul(ratio(installed.platformSlots), sellablePart),
    };
    const cost = add(capex, opex);
    const rates = Object.fromEntries(
      sellableUnits.map((u) => [
        u,
        isZero(sellable[u]) ? ZERO : div(mul(cost, ratio(shared.costSharePct[u], 100)), sellable[u]),
      ]),
    ) as Record<SellableUnit, Rational>;
    const result: PoolMonth = {
      poolId,
      month,
      setVersion: set.version,
      capex,
      opex,
      installed,
      sellable,
      rates,
    };
    memo.set(key, result);
    return result;
  };
}
export type PoolRates = ReturnType<typeof poolUnitRates>;
