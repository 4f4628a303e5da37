import type { CostAssumptions } from './assumptions-schema';
import type { Month } from './period';

// The plain inputs of the cost model. lib/costs/load-cost-inputs.ts reads them from the database;
// the engine (standalone-cost, shared-cost, compute-savings, showback) only ever sees these.

export type AssumptionSet = {
  version: number;
  name: string;
  /** YYYY-MM-DD */
  effectiveFrom: string;
  assumptions: CostAssumptions;
};

export type Capacity = { physicalCores: number; ramGb: number; storageGb: number; platformSlots: number };

export type PoolInvestment = {
  /** YYYY-MM-DD; amortisation starts with this month */
  investedOn: string;
  amountKrw: number;
  description: string;
  capacity: Capacity;
};

export type PoolInput = { id: string; name: string; investments: PoolInvestment[] };

export type Allocation = { vcpu: number; ramGb: number; storageGb: number; platformSlots: number };

export type Usage = { avgCpuPct: number; ramUsedGb: number; storageUsedGb: number };

export type SystemInput = {
  id: string;
  code: string;
  name: string;
  departmentId: string;
  departmentName: string;
  poolId: string;
  /** YYYY-MM-01: the month the system moved onto the cloud, and would have been built alone */
  movedOn: string;
  environment: 'dev' | 'staging' | 'prod';
  peak: { vcpu: number; ramGb: number; storageGb: number };
  /** by month (YYYY-MM); a month without a row had nothing allocated */
  allocations: Record<Month, Allocation>;
  /** by month (YYYY-MM); a month without a row has no measurement */
  usage: Record<Month, Usage>;
};

export type CostInputs = { sets: AssumptionSet[]; pools: PoolInput[]; systems: SystemInput[] };

/**
 * The set in force on a date: the latest effective date on or before it, the highest version among
 * equals; before the first set, the earliest one (so a history older than every set is still priced).
 */
export function assumptionsInForce(sets: AssumptionSet[], isoDate: string): AssumptionSet {
  return setLookup(sets)(isoDate);
}

/** assumptionsInForce for many dates over the same sets: sorted once, answers remembered. */
export function setLookup(sets: AssumptionSet[]): (isoDate: string) => AssumptionSet {
  if (sets.length === 0) throw new Error('the cost model has no assumption set');
  const sorted = [...sets].sort((a, b) =>
    a.effectiveFrom === b.effectiveFrom ? a.version - b.version : a.effectiveFrom < b.effectiveFrom ? -1 : 1,
  );
  const memo = new Map<string, AssumptionSet>();
  return (isoDate) => {
    let set = memo.get(isoDate);
    if (!set) {
      set = sorted.filter((s) => s.effectiveFrom <= isoDate).at(-1) ?? sorted[0]!;
      memo.set(isoDate, set);
    }
    return set;
  };
}
