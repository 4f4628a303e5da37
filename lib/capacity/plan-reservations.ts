import { asc, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { pools } from '@/db/schema/catalog';
import type { requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { isRequestableKind } from '@/lib/catalog/spec-schemas';
import { AppError } from '@/lib/errors/app-error';
import { applyChange, readChangeRequestSpec } from '@/lib/lifecycle/change-spec';
import type { Amounts } from './fit';

export type PlannedReservation = Amounts & {
  poolId: string;
  purpose: 'primary' | 'dr' | 'change';
  resourceId: string | null;
};

/**
 * What a request will hold once approved:
 * - a new resource: its footprint in the primary pool, with its monthly estimate against the budget;
 *   DR tier `replicated` also holds the same footprint in the DR pool (an active–standby copy),
 *   `backup` holds the storage its backups take there;
 * - a resize or scale-up: only the growth over the target's current footprint (a shrink holds
 *   nothing; it frees capacity when it is done), and the monthly increase.
 */
export async function planReservations(
  tx: Tx,
  request: typeof requests.$inferSelect,
): Promise<PlannedReservation[]> {
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
export async function sitePool(tx: Tx, site: 'primary' | 'dr') {
  const [pool] = await tx.select().from(pools).where(eq(pools.site, site)).orderBy(asc(pools.id)).limit(1);
  if (!pool) throw new AppError('rule', { messageKey: 'noPool', log: `no ${site} pool` });
  return pool;
}
