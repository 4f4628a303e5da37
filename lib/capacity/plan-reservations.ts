import { asc, eq } from 'drizzle-orm';
import type { Db, Tx } from '@/db';
import { pools } from '@/db/schema/catalog';
import type { departments } from '@/db/schema/org';
import type { requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { isRequestableKind } from '@/lib/catalog/spec-schemas';
import { AppError } from '@/lib/errors/app-error';
import { applyChange, readChangeRequestSpec } from '@/lib/lifecycle/change-spec';
import { type Amounts, type Limits, noAmounts, poolCapacity, type Shortfall, shortfalls } from './fit';

export type PlannedReservation = Amounts & {
  poolId: string;
  purpose: 'primary' | 'dr' | 'change';
  resourceId: string | null;
};

/** What planning reads of a request: enough to plan one not yet stored (lib/capacity/check-fit.ts). */
export type PlanSubject = Pick<
  typeof requests.$inferSelect,
  'kind' | 'spec' | 'drTier' | 'estimateMonthlyKrw' | 'targetResourceId'
>;

/**
 * What a request will hold once approved:
 * - a new resource: its footprint in the primary pool, with its monthly estimate against the budget;
 *   DR tier `replicated` also holds the same footprint in the DR pool (an active–standby copy),
 *   `backup` holds the storage its backups take there;
 * - a resize or scale-up: only the growth over the target's current footprint (a shrink holds
 *   nothing; it frees capacity when it is done), and the monthly increase.
 */
export async function planReservations(tx: Db | Tx, request: PlanSubject): Promise<PlannedReservation[]> {
  const options = await getCatalogOptions(tx);
  const spec = request.spec as Record<string, unknown>;

  if (isRequestableKind(request.kind)) {
    const fp = footprint(request.kind, spec, options);
    const primary = await sitePool(tx, 'primary');
    const planned: PlannedReservation[] = [
      {
        poolId: primary.id,
        purpose: 'primary',
        resourceId: null,
        vcpu: fp.vcpu,
        ramGb: fp.ramGb,
        storageGb: fp.storageGb,
        monthlyKrw: request.estimateMonthlyKrw,
      },
    ];
    if (request.drTier !== 'none') {
      const dr = await sitePool(tx, 'dr');
      const standby = request.drTier === 'replicated';
      planned.push({
        poolId: dr.id,
        purpose: 'dr',
        resourceId: null,
        vcpu: standby ? fp.vcpu : 0,
        ramGb: standby ? fp.ramGb : 0,
        storageGb: fp.storageGb,
        monthlyKrw: 0,
      });
    }
    return planned;
  }

  if (request.kind === 'resize' || request.kind === 'scale_up') {
    if (!request.targetResourceId) return [];
    const [target] = await tx.select().from(resources).where(eq(resources.id, request.targetResourceId));
    if (!target)
      throw new AppError('not_found', { log: `target resource ${request.targetResourceId} missing` });
    const { change } = readChangeRequestSpec(spec);
    const now = footprint(target.kind, target.spec as Record<string, unknown>, options);
    const next = footprint(target.kind, applyChange(target.spec as Record<string, unknown>, change), options);
    const growth = {
      vcpu: Math.max(0, next.vcpu - now.vcpu),
      ramGb: Math.max(0, next.ramGb - now.ramGb),
      storageGb: Math.max(0, next.storageGb - now.storageGb),
      monthlyKrw: Math.max(0, request.estimateMonthlyKrw),
    };
    if (growth.vcpu + growth.ramGb + growth.storageGb + growth.monthlyKrw === 0) return [];
    return [{ poolId: target.poolId, purpose: 'change', resourceId: target.id, ...growth }];
  }
  return [];
}

/** The pool of a site new resources go to (the first by id, while a city has one of each). */
export async function sitePool(tx: Db | Tx, site: 'primary' | 'dr') {
  const [pool] = await tx.select().from(pools).where(eq(pools.site, site)).orderBy(asc(pools.id)).limit(1);
  if (!pool) throw new AppError('rule', { messageKey: 'noPool', log: `no ${site} pool` });
  return pool;
}

/** What is held now in one pool or against one department's quota. */
export type Held = Amounts & { key: string };

/**
 * The dimensions in which a plan does not fit — the rule reserveCapacity enforces under its locks,
 * as a pure function so a read-only check (lib/capacity/check-fit.ts) gives the same answer:
 * every pool must hold what the plan puts in it (vCPU, RAM, storage), and the department's quota
 * what it is charged (everything but the DR standby, the city's insurance), its budget included.
 */
export function planShortfalls(
  planned: PlannedReservation[],
  poolRows: (typeof pools.$inferSelect)[],
  heldByPool: Held[],
  department: Pick<
    typeof departments.$inferSelect,
    'id' | 'nameKo' | 'quotaVcpu' | 'quotaRamGb' | 'quotaStorageGb' | 'quotaMonthlyKrw'
  >,
  heldByDepartment: Amounts | undefined,
): Shortfall[] {
  const missing: Shortfall[] = [];
  for (const pool of poolRows) {
    const asked = sumAmounts(planned.filter((p) => p.poolId === pool.id));
    const held = heldByPool.find((h) => h.key === pool.id) ?? noAmounts();
    missing.push(
      ...shortfalls({ ...asked, monthlyKrw: 0 }, held, poolCapacity(pool), {
        scope: 'pool',
        of: pool.id,
        name: pool.name,
      }),
    );
  }
  missing.push(
    ...shortfalls(
      sumAmounts(planned.filter((p) => p.purpose !== 'dr')),
      heldByDepartment ?? noAmounts(),
      departmentLimits(department),
      { scope: 'quota', of: department.id, name: department.nameKo },
    ),
  );
  return missing;
}

/** A department's quota as limits. */
export function departmentLimits(
  department: Pick<
    typeof departments.$inferSelect,
    'quotaVcpu' | 'quotaRamGb' | 'quotaStorageGb' | 'quotaMonthlyKrw'
  >,
): Limits {
  return {
    vcpu: department.quotaVcpu,
    ramGb: department.quotaRamGb,
    storageGb: department.quotaStorageGb,
    monthlyKrw: department.quotaMonthlyKrw,
  };
}

export function sumAmounts(list: Amounts[]): Amounts {
  const total = noAmounts();
  for (const a of list) {
    total.vcpu += a.vcpu;
    total.ramGb += a.ramGb;
    total.storageGb += a.storageGb;
    total.monthlyKrw += a.monthlyKrw;
  }
  return total;
}
