import { asc, eq, lt, max } from 'drizzle-orm';
import { getDb } from '@/db';
import { systemAllocationsMonthly, systemCostProfiles } from '@/db/schema/costs';
import { businessSystems, departments } from '@/db/schema/org';
import { seoulToday } from '@/lib/format/dates';

export type SavingsScopes = {
  /** departments owning at least one system on the cloud, by Korean name */
  departments: { id: string; code: string; nameKo: string; nameEn: string }[];
  /** systems on the cloud (with a cost profile), by department then name */
  systems: { id: string; code: string; name: string; departmentId: string }[];
};

/** What the savings dashboard can be narrowed to: the departments and systems the cost model knows. */
export async function listSavingsScopes(): Promise<SavingsScopes> {
  const rows = await getDb()
    .select({
      id: businessSystems.id,
      code: businessSystems.code,
      name: businessSystems.name,
      departmentId: departments.id,
      departmentCode: departments.code,
      nameKo: departments.nameKo,
      nameEn: departments.nameEn,
    })
    .from(systemCostProfiles)
    .innerJoin(businessSystems, eq(businessSystems.id, systemCostProfiles.systemId))
    .innerJoin(departments, eq(departments.id, businessSystems.departmentId))
    .orderBy(asc(departments.nameKo), asc(businessSystems.name));
  const byId = new Map<string, SavingsScopes['departments'][number]>();
  for (const r of rows)
    byId.set(r.departmentId, {
      id: r.departmentId,
      code: r.departmentCode,
      nameKo: r.nameKo,
      nameEn: r.nameEn,
    });
  return {
    departments: [...byId.values()],
    systems: rows.map((r) => ({ id: r.id, code: r.code, name: r.name, departmentId: r.departmentId })),
  };
}

/**
 * The last complete month (YYYY-MM, before this Seoul month) any system has an allocation record for;
 * null before any history. The month in progress is left out of default periods: its live roll-up
 * (lib/costs/roll-up-allocations.ts) changes by the hour, and a part-month would skew every comparison.
 */
export async function lastHistoryMonth(now: Date = new Date()): Promise<string | null> {
  const [row] = await getDb()
    .select({ month: max(systemAllocationsMonthly.month) })
    .from(systemAllocationsMonthly)
    .where(lt(systemAllocationsMonthly.month, `${seoulToday(now).slice(0, 7)}-01`));
  return row?.month ? String(row.month).slice(0, 7) : null;
}
