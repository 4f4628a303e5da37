import type { CostAssumptions } from './assumptions-schema';
import type { AssumptionSet, CostInputs, SystemInput } from './cost-inputs';

// Small hand-computable inputs for the cost model's tests. With these numbers:
// standalone, a dev system of peak 4 vCPU · 16 GB · 100 GB needs ⌈4 × 1.25⌉ = 5 cores and 20 GB → one
// small server (8 cores, 32 GB, 6,000,000) and 125 GB; per month servers 6,000,000 ÷ 60 = 100,000,
// storage 125 × 1,000 ÷ 60 = 2,083.33 → 2,083, licence 1,200,000 ÷ 12 = 100,000, facility 50,000.
// shared, pool p1 (6,000,000 ÷ 60 capex + 1,200,000 ÷ 12 opex = 200,000 a month) sells 4 cores × 4 ×
// 50 % = 8 vCPU, 8 GB RAM, 500 GB: 12,500 per vCPU, 7,500 per GB RAM, 80 per GB storage.

export const smallAssumptions: CostAssumptions = {
  hardwareLifetimeYears: 5,
  standalone: {
    serverClasses: [
      { id: 'small', name: 'small', cores: 8, ramGb: 32, priceKrw: 6_000_000 },
      { id: 'big', name: 'big', cores: 32, ramGb: 128, priceKrw: 18_000_000 },
    ],
    headroomPct: 25,
    prodMinServers: 2,
    storagePricePerGbKrw: 1_000,
    licencePerServerYearKrw: 1_200_000,
    facilityPerServerYearKrw: 600_000,
    designProcurementKrw: 10_000_000,
    procurementLeadTimeDays: 90,
  },
  shared: {
    cpuOvercommitPct: 400,
    sellablePct: 50,
    costSharePct: { vcpu: 50, ramGb: 30, storageGb: 20, platformSlot: 0 },
    opexPerYearKrw: { p1: 1_200_000 },
    onboardingPerSystemKrw: 1_000_000,
    leadTimeDays: 7,
  },
};

export const smallSet: AssumptionSet = {
  version: 1,
  name: 'test',
  effectiveFrom: '2015-01-01',
  assumptions: smallAssumptions,
};

/** A system on p1, allocated 2 vCPU · 4 GB · 100 GB every month from its move to 2021-12. */
export function smallSystem(overrides: Partial<SystemInput> = {}): SystemInput {
  const movedOn = overrides.movedOn ?? '2020-01-01';
  const allocations: SystemInput['allocations'] = {};
  for (let y = 2015; y <= 2021; y++)
    for (let m = 1; m <= 12; m++) {
      const month = `${y}-${String(m).padStart(2, '0')}`;
      if (month >= movedOn.slice(0, 7))
        allocations[month] = { vcpu: 2, ramGb: 4, storageGb: 100, platformSlots: 0 };
    }
  return {
    id: 'sys-a',
    code: 'SYS-A',
    name: 'A',
    departmentId: 'dept-a',
    departmentName: '가 부서',
    poolId: 'p1',
    movedOn,
    environment: 'dev',
    peak: { vcpu: 4, ramGb: 16, storageGb: 100 },
    allocations,
    usage: {},
    ...overrides,
  };
}

export function smallInputs(systems: SystemInput[] = [smallSystem()]): CostInputs {
  return {
    sets: [smallSet],
    pools: [
      {
        id: 'p1',
        name: 'pool 1',
        investments: [
          {
            investedOn: '2019-01-10',
            amountKrw: 6_000_000,
            description: 'first',
            capacity: { physicalCores: 4, ramGb: 16, storageGb: 1_000, platformSlots: 0 },
          },
        ],
      },
    ],
    systems,
  };
}
