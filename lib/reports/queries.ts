import { and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { systemCostProfiles } from '@/db/schema/costs';
import { businessSystems, departments } from '@/db/schema/org';
import { requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { estimateMonthlyKrw, footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions, getRateCard } from '@/lib/catalog/queries';
import { capacityHoldingStatuses } from '@/lib/pools/get-pools';

// Reads of the showback dashboard: what it can be narrowed to, and the live resources of systems.

export type ShowbackScopes = {
  /** departments owning a system with cost history or live resources, by Korean name */
  departments: { id: string; code: string; nameKo: string; nameEn: string }[];
  /** those systems, by department then name; `hasHistory`: the cost model knows it (a cost profile) */
  systems: { id: string; code: string; name: string; departmentId: string; hasHistory: boolean }[];
};

/** The departments and systems showback can show: with a cost profile or a resource holding capacity. */
export async function listShowbackScopes(): Promise<ShowbackScopes> {
  const db = getDb();
  const live = db
    .select({ systemId: resources.systemId })
    .from(resources)
    .where(inArray(resources.status, [...capacityHoldingStatuses]));
  const rows = await db
    .select({
      id: businessSystems.id,
      code: businessSystems.code,
      name: businessSystems.name,
      departmentId: departments.id,
      departmentCode: departments.code,
      nameKo: departments.nameKo,
      nameEn: departments.nameEn,
      hasHistory: sql<boolean>`${systemCostProfiles.systemId} is not null`,
    })
    .from(businessSystems)
    .innerJoin(departments, eq(departments.id, businessSystems.departmentId))
    .leftJoin(systemCostProfiles, eq(systemCostProfiles.systemId, businessSystems.id))
    .where(or(sql`${systemCostProfiles.systemId} is not null`, inArray(businessSystems.id, live)))
    .orderBy(asc(departments.nameKo), asc(businessSystems.name));
  const byId = new Map<string, ShowbackScopes['departments'][number]>();
  for (const r of rows)
    byId.set(r.departmentId, {
      id: r.departmentId,
      code: r.departmentCode,
      nameKo: r.nameKo,
      nameEn: r.nameEn,
    });
  return {
    departments: [...byId.values()],
    systems: rows.map((r) => ({
      id: r.id,
      code: r.code,
      name: r.name,
      departmentId: r.departmentId,
      hasHistory: Boolean(r.hasHistory),
    })),
  };
}

export type LiveResource = {
  id: string;
  systemId: string;
  name: string;
  kind: string;
  status: string;
  drTier: 'none' | 'backup' | 'replicated';
  vcpu: number;
  ramGb: number;
  storageGb: number;
  instances: number;
  /** what it costs a month on the rate card in force now (lib/catalog/estimate.ts) */
  monthlyKrw: number;
  createdAt: string;
};

/**
 * The resources of these systems that hold capacity (provisioning, active, decommissioning), each
 * priced on the current rate card the way a request's estimate is; by system, then oldest first.
 */
export async function liveResources({
  systemIds,
  now = new Date(),
}: {
  systemIds: string[];
  now?: Date;
}): Promise<{ rateCard: { name: string } | null; items: LiveResource[] }> {
  if (systemIds.length === 0) return { rateCard: null, items: [] };
  const rows = await getDb()
    .select({
      id: resources.id,
      systemId: resources.systemId,
      name: resources.name,
      kind: resources.kind,
      status: resources.status,
      spec: resources.spec,
      drTier: requests.drTier,
      createdAt: resources.createdAt,
    })
    .from(resources)
    .innerJoin(requests, eq(requests.id, resources.requestId))
    .where(
      and(inArray(resources.systemId, systemIds), inArray(resources.status, [...capacityHoldingStatuses])),
    )
    .orderBy(asc(resources.systemId), asc(resources.createdAt), asc(resources.name));
  if (rows.length === 0) return { rateCard: null, items: [] };
  const [options, card] = await Promise.all([getCatalogOptions(), getRateCard(now)]);
  return {
    rateCard: { name: card.name },
    items: rows.map((r) => {
      const fp = footprint(r.kind, r.spec as Record<string, unknown>, options);
      return {
        id: r.id,
        systemId: r.systemId,
        name: r.name,
        kind: r.kind,
        status: r.status,
        drTier: r.drTier,
        vcpu: fp.vcpu,
        ramGb: fp.ramGb,
        storageGb: fp.storageGb,
        instances: fp.instances,
        monthlyKrw: estimateMonthlyKrw(fp, card.prices, r.drTier),
        createdAt: r.createdAt.toISOString(),
      };
    }),
  };
}
