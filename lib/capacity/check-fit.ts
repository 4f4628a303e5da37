import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Db, getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import type { catalogKindEnum } from '@/db/schema/enums';
import { departments } from '@/db/schema/org';
import { requests } from '@/db/schema/requests';
import { type DrTier, estimateMonthlyKrw, footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions, getRateCard } from '@/lib/catalog/queries';
import { isRequestableKind } from '@/lib/catalog/spec-schemas';
import { AppError } from '@/lib/errors/app-error';
import { type Amounts, type Limits, noAmounts, poolCapacity, type Shortfall } from './fit';
import { departmentLimits, type Held, planReservations, planShortfalls, sitePool } from './plan-reservations';

export type CheckFitOptions = {
  departmentId: string;
  kind: (typeof catalogKindEnum.enumValues)[number];
  spec: Record<string, unknown>;
  drTier: DrTier;
  /** the request's monthly estimate; computed on the current rate card when omitted */
  monthlyKrw?: number;
  /** a resize or scale-up: the resource it changes */
  targetResourceId?: string | null;
};

/** What is left in a pool or a department's quota before this request (null: unlimited). */
export type Room = {
  scope: Shortfall['scope'];
  of: string;
  name: string;
  /** the department's English name (quota); the pool's name otherwise */
  nameEn: string;
  available: Limits;
};

export type Fit = {
  /** nothing falls short: final approval would reserve it, unless others take the room first */
  fits: boolean;
  /** the same shortfalls reserveCapacity would refuse with now, pools first */
  shortfalls: Shortfall[];
  /** the room left in each pool the request would use and in the department's quota */
  room: Room[];
};

/**
 * Whether a request would fit if it were approved now: the same plan and the same rule as
 * reserveCapacity (lib/capacity/reserve-capacity.ts), read without locks and reserving nothing.
 * For the request form's live preview and the answer to a submission; final approval decides.
 */
export async function checkFit(options: CheckFitOptions): Promise<Fit> {
  const db = getDb();
  const monthlyKrw = options.monthlyKrw ?? (await estimateNow(options));

  // Phase 1: what the request would hold
  const planned = await planReservations(db, {
    kind: options.kind,
    spec: options.spec,
    drTier: options.drTier,
    estimateMonthlyKrw: monthlyKrw,
    targetResourceId: options.targetResourceId ?? null,
  });
  const poolIds = [...new Set(planned.map((p) => p.poolId))].sort();
  // a request that holds nothing still shows the room of the pool new resources go to
  if (poolIds.length === 0) poolIds.push((await sitePool(db, 'primary')).id);

  // Phase 2: what is held now, read without locks
  const [poolRows, [department], heldByPool, [heldByDepartment]] = await Promise.all([
    db.select().from(pools).where(inArray(pools.id, poolIds)).orderBy(pools.id),
    db.select().from(departments).where(eq(departments.id, options.departmentId)),
    heldTotals(db, inArray(capacityReservations.poolId, poolIds), capacityReservations.poolId),
    heldTotals(
      db,
      and(
        eq(capacityReservations.departmentId, options.departmentId),
        // as reserveCapacity counts it: the DR standby is not the department's consumption
        inArray(capacityReservations.purpose, ['primary', 'change']),
      ),
      capacityReservations.departmentId,
    ),
  ]);
  if (!department) throw new AppError('not_found', { messageKey: 'departmentNotFound' });

  // Phase 3: the same rule as at final approval
  const shortfalls = planShortfalls(planned, poolRows, heldByPool, department, heldByDepartment);
  const room: Room[] = [
    ...poolRows.map((pool) => ({
      scope: 'pool' as const,
      of: pool.id,
      name: pool.name,
      nameEn: pool.name,
      available: left(
        poolCapacity(pool),
        heldByPool.find((h) => h.key === pool.id),
      ),
    })),
    {
      scope: 'quota',
      of: department.id,
      name: department.nameKo,
      nameEn: department.nameEn,
      available: left(departmentLimits(department), heldByDepartment),
    },
  ];
  return { fits: shortfalls.length === 0, shortfalls, room };
}

/** The monthly estimate of a new resource on the current rate card (a change is priced by its caller). */
async function estimateNow(options: CheckFitOptions): Promise<number> {
  const [catalog, card] = await Promise.all([getCatalogOptions(), getRateCard()]);
  return estimateMonthlyKrw(footprint(options.kind, options.spec, catalog), card.prices, options.drTier);
}

function left(limits: Limits, held: Amounts = noAmounts()): Limits {
  const minus = (limit: number | null, taken: number) => (limit === null ? null : Math.max(0, limit - taken));
  return {
    vcpu: minus(limits.vcpu, held.vcpu),
    ramGb: minus(limits.ramGb, held.ramGb),
    storageGb: minus(limits.storageGb, held.storageGb),
    monthlyKrw: minus(limits.monthlyKrw, held.monthlyKrw),
  };
}

async function heldTotals(
  db: Db,
  where: ReturnType<typeof and>,
  key: typeof capacityReservations.poolId | typeof capacityReservations.departmentId,
): Promise<Held[]> {
  const rows = await db
    .select({
      key: sql<string>`${key}::text`,
      vcpu: sql<number>`coalesce(sum(${capacityReservations.vcpu}), 0)::int`,
      ramGb: sql<number>`coalesce(sum(${capacityReservations.ramGb}), 0)::int`,
      storageGb: sql<number>`coalesce(sum(${capacityReservations.storageGb}), 0)::int`,
      monthlyKrw: sql<number>`coalesce(sum(${capacityReservations.monthlyKrw}), 0)::bigint`,
    })
    .from(capacityReservations)
    .where(and(where, eq(capacityReservations.status, 'held')))
    .groupBy(key);
  return rows.map((r) => ({ ...r, monthlyKrw: Number(r.monthlyKrw) }));
}

/** The fit a submission answers with (POST /api/v1/requests): whether it fits now, and what falls short. */
export type FitSummary = { fits: boolean; shortfalls: Shortfall[] };

/** What fitOfRequest needs of a stored request: its id, or the view a use case just answered with. */
export type FitSubject =
  | string
  | {
      id: string;
      departmentId: string;
      kind: (typeof catalogKindEnum.enumValues)[number];
      spec: Record<string, unknown>;
      drTier: DrTier;
      estimate: { monthlyKrw: number };
    };

/**
 * checkFit for a request as it is stored — a new resource, or a change of one (its target read from
 * the request). The request exists already, so a check that cannot be made (no pool configured, say)
 * answers null rather than an error. Given the request's view, a new resource's fit reads no request row.
 */
export async function fitOfRequest(subject: FitSubject): Promise<FitSummary | null> {
  const requestId = typeof subject === 'string' ? subject : subject.id;
  try {
    const options = await fitOptions(subject);
    if (!options) return null;
    const { fits, shortfalls } = await checkFit(options);
    return { fits, shortfalls };
  } catch (error) {
    console.warn(`[check-fit] no fit for request ${requestId}:`, error);
    return null;
  }
}

async function fitOptions(subject: FitSubject): Promise<CheckFitOptions | null> {
  if (typeof subject !== 'string' && isRequestableKind(subject.kind)) {
    return {
      departmentId: subject.departmentId,
      kind: subject.kind,
      spec: subject.spec,
      drTier: subject.drTier,
      monthlyKrw: subject.estimate.monthlyKrw,
      targetResourceId: null,
    };
  }
  const requestId = typeof subject === 'string' ? subject : subject.id;
  const [request] = await getDb().select().from(requests).where(eq(requests.id, requestId));
  if (!request) return null;
  return {
    departmentId: request.departmentId,
    kind: request.kind,
    spec: request.spec as Record<string, unknown>,
    drTier: request.drTier,
    monthlyKrw: request.estimateMonthlyKrw,
    targetResourceId: request.targetResourceId,
  };
}
