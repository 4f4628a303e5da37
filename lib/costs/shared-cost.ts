import { type Allocation, type AssumptionSet, type SystemInput, setLookup } from './cost-inputs';
import { contains, type Month, monthOf, monthsOf, type Period } from './period';
import type { PoolRates } from './pool-unit-rates';
import { mul, type Rational, ratio } from './rational';
import { roundKrw } from './round-krw';

// The shared cloud's cost of a system: the pool's unit rates times what the system had allocated.

export type SharedLines = {
  vcpuKrw: number;
  ramGbKrw: number;
  storageGbKrw: number;
  platformSlotKrw: number;
  /** moving the system onto the cloud, once, in the month it moved */
  onboardingKrw: number;
};

export type SharedMonth = { month: Month; allocation: Allocation; lines: SharedLines; totalKrw: number };

export type SharedCost = {
  totalKrw: number;
  lines: SharedLines;
  months: SharedMonth[];
  /** lead time on the cloud, when the move falls in the period */
  leadTimeDays: number;
};

export const noSharedLines = (): SharedLines => ({
  vcpuKrw: 0,
  ramGbKrw: 0,
  storageGbKrw: 0,
  platformSlotKrw: 0,
  onboardingKrw: 0,
});

const nothing: Allocation = { vcpu: 0, ramGb: 0, storageGb: 0, platformSlots: 0 };

/** One month's unit charges: allocation × rate × share of the month in the period, each rounded once. */
export function allocationCharges(
  allocation: Allocation,
  rates: Record<'vcpu' | 'ramGb' | 'storageGb' | 'platformSlot', Rational>,
  fraction: Rational,
): Omit<SharedLines, 'onboardingKrw'> {
  const charge = (units: number, rate: Rational) => roundKrw(mul(mul(ratio(units), rate), fraction));
  return {
    vcpuKrw: charge(allocation.vcpu, rates.vcpu),
    ramGbKrw: charge(allocation.ramGb, rates.ramGb),
    storageGbKrw: charge(allocation.storageGb, rates.storageGb),
    platformSlotKrw: charge(allocation.platformSlots, rates.platformSlot),
  };
}

export type SharedCostOptions = {
  system: Pick<SystemInput, 'movedOn' | 'poolId' | 'allocations'>;
  period: Period;
  sets: AssumptionSet[];
  /** the pool rates of lib/costs/pool-unit-rates.ts (share one across systems: it remembers) */
  rates: PoolRates;
};

/**
 * The shared cost of one system over a period: for each month from its move, the allocation of that
 * month × the pool's unit rates (per vCPU-, GB RAM-, GB storage- and platform slot-month), pro-rated
 * by the share of the month inside the period; plus the onboarding cost in the month it moved.
 */
export function sharedCost({ system, period, sets, rates }: SharedCostOptions): SharedCost {
  const setAt = setLookup(sets);
  const moved = monthOf(system.movedOn);
  const moveInPeriod = contains(period, system.movedOn);
  const movedUnder = setAt(system.movedOn).assumptions.shared;
  const lines = noSharedLines();
  const months: SharedMonth[] = [];
  for (const { month, fraction } of monthsOf(period)) {
    const recorded = system.allocations[month];
    if (month < moved || (month !== moved && !recorded)) continue;
    const allocation = recorded ?? nothing;
    const m: SharedLines = {
      ...allocationCharges(allocation, rates(system.poolId, month).rates, fraction),
      onboardingKrw: month === moved && moveInPeriod ? movedUnder.onboardingPerSystemKrw : 0,
    };
    const totalKrw = m.vcpuKrw + m.ramGbKrw + m.storageGbKrw + m.platformSlotKrw + m.onboardingKrw;
    for (const key of Object.keys(lines) as (keyof SharedLines)[]) lines[key] += m[key];
    months.push({ month, allocation, lines: m, totalKrw });
  }
  return {
    totalKrw: months.reduce((s, m) => s + m.totalKrw, 0),
    lines,
    months,
    leadTimeDays: moveInPeriod ? movedUnder.leadTimeDays : 0,
  };
}
