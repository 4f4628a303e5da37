import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { departments } from '@/db/schema/org';
import type { requests } from '@/db/schema/requests';
import { AppError } from '@/lib/errors/app-error';
import { type Amounts, noAmounts, poolCapacity, type Shortfall, shortfalls } from './fit';
import { type PlannedReservation, planReservations } from './plan-reservations';

export type ReserveCapacityOptions = { request: typeof requests.$inferSelect };

/**
 * Reserves what an approved request takes — in its pool, in the DR pool for a DR tier, and against
 * its department's quota — in the caller's transaction (the final approval's). The pools and the
 * department are locked in a fixed order (pools by id, then the department) before the held totals
 * are read, so concurrent approvals queue behind each other and can never overbook; the loser of a
 * race is refused with a 409 naming what does not fit, and its approval does not happen.
 */
export async function reserveCapacity(
  tx: Tx,
  { request }: ReserveCapacityOptions,
): Promise<PlannedReservation[]> {
  const planned = await planReservations(tx, request);
  if (planned.length === 0) return [];

  // Phase 1: lock, always in the same order, so two approvals cannot deadlock
  const poolIds = [...new Set(planned.map((p) => p.poolId))].sort();
  const lockedPools = await tx
    .select()
    .from(pools)
    .where(inArray(pools.id, poolIds))
    .orderBy(asc(pools.id))
    .for('update');
  const [department] = await tx
    .select()
    .from(departments)
    .where(eq(departments.id, request.departmentId))
    .for('update');
  if (!department) throw new AppError('not_found', { log: `department ${request.departmentId} missing` });

  // Phase 2: what is held now, read under the locks
  const heldByPool = await heldTotals(
    tx,
    inArray(capacityReservations.poolId, poolIds),
    capacityReservations.poolId,
  );
  const [heldByDepartment] = await heldTotals(
    tx,
    and(
      eq(capacityReservations.departmentId, request.departmentId),
      // the standby at the DR site is the city's insurance, not the department's consumption
      inArray(capacityReservations.purpose, ['primary', 'change']),
    ),
    capacityReservations.departmentId,
  );

  // Phase 3: refuse what does not fit, naming every shortfall
  const missing: Shortfall[] = [];
  for (const pool of lockedPools) {
    const asked = sum(planned.filter((p) => p.poolId === pool.id));
    const held = heldByPool.find((h) => h.key === pool.id) ?? { key: pool.id, ...noAmounts() };
    missing.push(
      ...shortfalls({ ...asked, monthlyKrw: 0 }, held, poolCapacity(pool), {
        scope: 'pool',
        of: pool.id,
        name: pool.name,
      }),
    );
  }
  const charged = sum(planned.filter((p) => p.purpose !== 'dr'));
  missing.push(
    ...shortfalls(
      charged,
      heldByDepartment ?? noAmounts(),
      {
        vcpu: department.quotaVcpu,
        ramGb: department.quotaRamGb,
        storageGb: department.quotaStorageGb,
        monthlyKrw: department.quotaMonthlyKrw,
      },
      { scope: 'quota', of: department.id, name: department.nameKo },
    ),
  );
  if (missing.length > 0) throw capacityRefusal(missing);

  // Phase 4: hold it
  await tx
    .insert(capacityReservations)
    .values(
      planned.map((p) => ({
        requestId: request.id,
        resourceId: p.resourceId,
        poolId: p.poolId,
        departmentId: request.departmentId,
        purpose: p.purpose,
        vcpu: p.vcpu,
        ramGb: p.ramGb,
        storageGb: p.storageGb,
        monthlyKrw: p.monthlyKrw,
      })),
    )
    .onConflictDoNothing();
  return planned;
}

/** The 409 for a request that does not fit: the first shortfall in the message, all of them in details. */
export function capacityRefusal(missing: Shortfall[]): AppError {
  const first = missing[0]!;
  return new AppError('capacity', {
    messageKey: first.scope === 'pool' ? 'capacityPool' : 'capacityQuota',
    values: {
      name: first.name,
      dimension: first.dimension,
      requested: first.requested,
      available: first.available,
    },
    details: { shortfalls: missing },
    log: `capacity refused: ${JSON.stringify(missing)}`,
  });
}

function sum(list: Amounts[]): Amounts {
  const total = noAmounts();
  for (const a of list) {
    total.vcpu += a.vcpu;
    total.ramGb += a.ramGb;
    total.storageGb += a.storageGb;
    total.monthlyKrw += a.monthlyKrw;
  }
  return total;
}

async function heldTotals(
  tx: Tx,
  where: ReturnType<typeof and>,
  key: typeof capacityReservations.poolId | typeof capacityReservations.departmentId,
): Promise<(Amounts & { key: string })[]> {
  return tx
    .select({
      key: sql<string>`${key}::text`,
      vcpu: sql<number>`coalesce(sum(${capacityReservations.vcpu}), 0)::int`,
      ramGb: sql<number>`coalesce(sum(${capacityReservations.ramGb}), 0)::int`,
      storageGb: sql<number>`coalesce(sum(${capacityReservations.storageGb}), 0)::int`,
      monthlyKrw: sql<number>`coalesce(sum(${capacityReservations.monthlyKrw}), 0)::bigint`,
    })
    .from(capacityReservations)
    .where(and(where, eq(capacityReservations.status, 'held')))
    .groupBy(key)
    .then((rows) => rows.map((r) => ({ ...r, monthlyKrw: Number(r.monthlyKrw) })));
}
