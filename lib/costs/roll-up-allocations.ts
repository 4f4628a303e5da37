import { and, asc, eq, gte, inArray, lt, notInArray, or, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { type CostRecordSource, systemAllocationsMonthly } from '@/db/schema/costs';
import { requests } from '@/db/schema/requests';
import { resourceEvents, resources } from '@/db/schema/resources';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { AppError } from '@/lib/errors/app-error';
import { seoulToday } from '@/lib/format/dates';
import type { ResourceStatus } from '@/lib/resources/transitions';
import { deriveCostProfiles } from './derive-cost-profiles';
import { monthAllocations, type ResourceTimeline, seoulMonthBounds, type Units } from './month-allocations';
import { firstDay, type Month } from './period';

// 자원 집계: the portal's live resources rolled into system_allocations_monthly, the table showback,
// the runway, the month's report and the savings read, so they show the cloud as it runs and not only
// the recorded history. Recomputes only the rows it made (source `resources`): a recorded row
// (`history`: the demo's 2016–2021, or an import) is never overwritten, so its figures stay as they were.

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
/** events that change a resource's size: the spec from then on is in their detail */
const resizeEvents = ['resize.applied', 'scale_up.applied', 'scale_up.reverted'];
/** events after which a resource no longer holds capacity (failed, or deleted in the cloud) */
const endEvents = ['failed', 'decommissioned', 'decommission.failed'];
const endedStatuses = ['failed', 'decommissioned'] as const satisfies ResourceStatus[];
const RESOURCES: CostRecordSource = 'resources';

export type RollUpAllocationsOptions = {
  /** YYYY-MM, a Seoul month; not after this one */
  month: Month;
  now?: Date;
  /** run inside the caller's transaction */
  tx?: Tx;
};

export type RollUpAllocationsResult = {
  month: Month;
  /** systems with an allocation from their resources this month */
  systems: number;
  /** rows written or changed (0 when the month was already up to date) */
  written: number;
  /** rows of systems that no longer held anything this month, removed */
  removed: number;
  /** systems that got their cost profile now (their first allocation) */
  profilesCreated: string[];
};

/**
 * Computes `month`'s allocation of every business system from its resources (lib/costs/month-allocations.ts)
 * and writes it, keyed by (system, month): running it again changes nothing. A system without a cost
 * profile gets one with its first allocation (lib/costs/derive-cost-profiles.ts). Concurrent runs for one
 * month queue on an advisory lock, so the last to write read everything the first wrote.
 */
export async function rollUpAllocations(options: RollUpAllocationsOptions): Promise<RollUpAllocationsResult> {
  const { month, now = new Date() } = options;
  if (!MONTH.test(month))
    throw new AppError('bad_request', { details: { fieldErrors: { month: ['validation.date'] } } });
  if (month > seoulToday(now).slice(0, 7))
    throw new AppError('rule', {
      log: `${month} has not begun`,
      details: { fieldErrors: { month: ['errors.rule'] } },
    });
  const run = (tx: Tx) => rollUp(tx, month);
  return options.tx ? run(options.tx) : getDb().transaction(run);
}

async function rollUp(tx: Tx, month: Month): Promise<RollUpAllocationsResult> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`system_allocations_monthly:${month}`}))`);
  const { start, end } = seoulMonthBounds(month);

  // Phase 1: the resources that may have held capacity in the month, their size changes and their end
  const rows = await tx
    .select({
      id: resources.id,
      systemId: resources.systemId,
      poolId: resources.poolId,
      kind: resources.kind,
      status: resources.status,
      spec: resources.spec,
      createdAt: resources.createdAt,
      updatedAt: resources.updatedAt,
      requestSpec: requests.spec,
      environment: requests.environment,
    })
    .from(resources)
    .innerJoin(requests, eq(requests.id, resources.requestId))
    // a resource that ended was last updated when it ended, or later
    .where(
      and(
        lt(resources.createdAt, end),
        or(notInArray(resources.status, [...endedStatuses]), gte(resources.updatedAt, start)),
      ),
    )
    .orderBy(asc(resources.createdAt), asc(resources.id));
  const events = rows.length
    ? await tx
        .select({
          resourceId: resourceEvents.resourceId,
          at: resourceEvents.at,
          type: resourceEvents.type,
          detail: resourceEvents.detail,
        })
        .from(resourceEvents)
        .where(
          and(
            inArray(
              resourceEvents.resourceId,
              rows.map((r) => r.id),
            ),
            inArray(resourceEvents.type, [...resizeEvents, ...endEvents]),
            lt(resourceEvents.at, end),
          ),
        )
        .orderBy(asc(resourceEvents.at), asc(resourceEvents.id))
    : [];
  const options = await getCatalogOptions(tx);
  const eventsOf = new Map<string, EventRow[]>();
  for (const e of events) {
    const own = eventsOf.get(e.resourceId) ?? [];
    own.push(e);
    eventsOf.set(e.resourceId, own);
  }
  const timelines = rows.map((r) => timelineOf(r, eventsOf.get(r.id) ?? [], options));
  const bySystem = monthAllocations(timelines, month);
  // a system whose resources held less than half a unit of anything this month (a build that failed
  // within minutes) has nothing to show or to size a standalone build for
  for (const [systemId, m] of bySystem)
    if (Object.values(m.allocation).every((v) => v === 0)) bySystem.delete(systemId);
  const systemIds = [...bySystem.keys()];

  // Phase 2: cost profiles — made for systems without one, a derived one's peak raised to the month's
  const profilesCreated = await deriveCostProfiles({ tx, bySystem, resources: rows });

  // Phase 3: the month's rows — written where they differ, recorded rows left alone, stale ones removed
  const values = systemIds.map((systemId) => ({
    systemId,
    month: firstDay(month),
    ...bySystem.get(systemId)!.allocation,
    source: RESOURCES,
  }));
  const t = systemAllocationsMonthly;
  const written = values.length
    ? await tx
        .insert(t)
        .values(values)
        .onConflictDoUpdate({
          target: [t.systemId, t.month],
          set: {
            vcpu: sql`excluded.vcpu`,
            ramGb: sql`excluded.ram_gb`,
            storageGb: sql`excluded.storage_gb`,
            platformSlots: sql`excluded.platform_slots`,
          },
          setWhere: sql`${t.source} = ${RESOURCES} and (${t.vcpu}, ${t.ramGb}, ${t.storageGb}, ${t.platformSlots})
            is distinct from (excluded.vcpu, excluded.ram_gb, excluded.storage_gb, excluded.platform_slots)`,
        })
        .returning({ systemId: t.systemId })
    : [];
  const removed = await tx
    .delete(t)
    .where(
      and(
        eq(t.month, firstDay(month)),
        eq(t.source, RESOURCES),
        systemIds.length ? notInArray(t.systemId, systemIds) : undefined,
      ),
    )
    .returning({ systemId: t.systemId });
  return {
    month,
    systems: systemIds.length,
    written: written.length,
    removed: removed.length,
    profilesCreated,
  };
}

type ResourceRow = {
  id: string;
  systemId: string;
  poolId: string;
  kind: string;
  status: string;
  spec: unknown;
  createdAt: Date;
  updatedAt: Date;
  requestSpec: unknown;
  environment: 'dev' | 'staging' | 'prod';
};
type EventRow = { at: Date; type: string; detail: unknown };

/** A resource's span and sizes: the request's spec from its start, then each applied change's. */
function timelineOf(r: ResourceRow, events: EventRow[], options: CatalogOptions): ResourceTimeline {
  const units = (spec: unknown): Units => {
    const fp = footprint(r.kind, (spec ?? {}) as Record<string, unknown>, options);
    return { vcpu: fp.vcpu, ramGb: fp.ramGb, storageGb: fp.storageGb, platformSlots: fp.instances };
  };
  const resizes = events.filter((e) => resizeEvents.includes(e.type) && specOf(e.detail));
  const ends = events.filter((e) => endEvents.includes(e.type));
  return {
    systemId: r.systemId,
    from: r.createdAt,
    until: (endedStatuses as readonly string[]).includes(r.status) ? (ends.at(-1)?.at ?? r.updatedAt) : null,
    sizes: [
      { at: r.createdAt, units: units(resizes.length ? r.requestSpec : r.spec) },
      ...resizes.map((e) => ({ at: e.at, units: units(specOf(e.detail)) })),
    ],
  };
}

const specOf = (detail: unknown) =>
  detail && typeof detail === 'object' && 'spec' in detail && detail.spec && typeof detail.spec === 'object'
    ? detail.spec
    : null;

/** The `costs.roll-up-allocations` job: the given month, or this one in Seoul. */
export async function rollUpAllocationsJob(payload: { month?: string }): Promise<void> {
  await rollUpAllocations({ month: payload.month ?? seoulToday().slice(0, 7) });
}
