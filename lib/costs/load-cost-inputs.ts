import { and, asc, eq, gte, lte } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { pools } from '@/db/schema/catalog';
import {
  costAssumptionSets,
  poolInvestments,
  systemAllocationsMonthly,
  systemCostProfiles,
  systemUsageMonthly,
} from '@/db/schema/costs';
import { businessSystems, departments } from '@/db/schema/org';
import { AppError } from '@/lib/errors/app-error';
import { costAssumptions } from './assumptions-schema';
import type { CostInputs, SystemInput } from './cost-inputs';
import { firstDay, monthOf, type Period } from './period';

export type LoadCostInputsOptions = {
  /** only the allocation and usage months this period touches; all of them when absent */
  period?: Period;
  tx?: Tx;
};

/** Reads what the cost model computes from: assumption sets, pools and investments, systems with their months. */
export async function loadCostInputs({ period, tx }: LoadCostInputsOptions = {}): Promise<CostInputs> {
  const db = tx ?? getDb();
  const inMonths = (column: typeof systemAllocationsMonthly.month | typeof systemUsageMonthly.month) =>
    period
      ? and(gte(column, firstDay(monthOf(period.from))), lte(column, firstDay(monthOf(period.to))))
      : undefined;

  const [setRows, poolRows, investmentRows, systemRows, allocationRows, usageRows] = await Promise.all([
    db.select().from(costAssumptionSets).orderBy(asc(costAssumptionSets.version)),
    db.select({ id: pools.id, name: pools.name }).from(pools).orderBy(asc(pools.id)),
    db.select().from(poolInvestments).orderBy(asc(poolInvestments.investedOn)),
    db
      .select({
        id: businessSystems.id,
        code: businessSystems.code,
        name: businessSystems.name,
        departmentId: businessSystems.departmentId,
        departmentName: departments.nameKo,
        poolId: systemCostProfiles.poolId,
        movedOn: systemCostProfiles.movedOn,
        environment: systemCostProfiles.environment,
        peakVcpu: systemCostProfiles.peakVcpu,
        peakRamGb: systemCostProfiles.peakRamGb,
        peakStorageGb: systemCostProfiles.peakStorageGb,
      })
      .from(systemCostProfiles)
      .innerJoin(businessSystems, eq(businessSystems.id, systemCostProfiles.systemId))
      .innerJoin(departments, eq(departments.id, businessSystems.departmentId))
      .orderBy(asc(systemCostProfiles.movedOn), asc(businessSystems.code)),
    db.select().from(systemAllocationsMonthly).where(inMonths(systemAllocationsMonthly.month)),
    db.select().from(systemUsageMonthly).where(inMonths(systemUsageMonthly.month)),
  ]);

  const sets = setRows.map((row) => {
    const parsed = costAssumptions.safeParse(row.assumptions);
    if (!parsed.success)
      throw new AppError('internal', { log: `cost assumption set ${row.version} is invalid` });
    return {
      version: row.version,
      name: row.name,
      effectiveFrom: row.effectiveFrom,
      assumptions: parsed.data,
    };
  });

  const systems = new Map<string, SystemInput>(
    systemRows.map((s) => [
      s.id,
      {
        id: s.id,
        code: s.code,
        name: s.name,
        departmentId: s.departmentId,
        departmentName: s.departmentName,
        poolId: s.poolId,
        movedOn: `${monthOf(s.movedOn)}-01`,
        environment: s.environment,
        peak: { vcpu: s.peakVcpu, ramGb: s.peakRamGb, storageGb: s.peakStorageGb },
        allocations: {},
        usage: {},
      },
    ]),
  );
  for (const a of allocationRows) {
    const system = systems.get(a.systemId);
    if (system)
      system.allocations[monthOf(a.month)] = {
        vcpu: a.vcpu,
        ramGb: a.ramGb,
        storageGb: a.storageGb,
        platformSlots: a.platformSlots,
      };
  }
  for (const u of usageRows) {
    const system = systems.get(u.systemId);
    if (system)
      system.usage[monthOf(u.month)] = {
        avgCpuPct: u.avgCpuPct,
        ramUsedGb: u.ramUsedGb,
        storageUsedGb: u.storageUsedGb,
      };
  }

  return {
    sets,
    pools: poolRows.map((pool) => ({
      id: pool.id,
      name: pool.name,
      investments: investmentRows
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
    systems: [...systems.values()],
  };
}
