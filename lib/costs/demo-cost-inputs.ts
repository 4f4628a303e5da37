import { demoDepartments, demoPools } from '@/db/seed/demo-data';
import { demoHistory } from '@/db/seed/demo-history';
import { demoCostAssumptionSet, demoPoolInvestments } from '@/db/seed/demo-history-data';
import type { CostInputs } from './cost-inputs';

/**
 * The demo's cost inputs straight from the generator, without a database (ids are the system and
 * department codes): what the seeded database holds, for tests and for reading the calibration.
 */
export function demoCostInputs(): CostInputs {
  const { version, name, effectiveFrom, assumptions } = demoCostAssumptionSet;
  return {
    sets: [{ version, name, effectiveFrom, assumptions }],
    pools: demoPools.map((pool) => ({
      id: pool.id,
      name: pool.name,
      investments: demoPoolInvestments
        .filter((i) => i.poolId === pool.id)
        .map((i) => ({
          investedOn: i.investedOn,
          amountKrw: i.amountKrw,
          description: i.description,
          capacity: {
            physicalCores: i.physicalCores,
            ramGb: i.ramGb,
            storageGb: i.storageGb,
            platformSlots: i.platformSlots,
          },
        })),
    })),
    systems: demoHistory().map((s) => ({
      id: s.code,
      code: s.code,
      name: s.name,
      departmentId: s.department,
      departmentName: demoDepartments.find((d) => d.code === s.department)!.nameKo,
      poolId: 'dc-primary',
      movedOn: s.movedOn,
      environment: s.env,
      peak: s.peak,
      allocations: s.allocations,
      usage: s.usage,
    })),
  };
}
