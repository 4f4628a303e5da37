import { and, asc, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { businessSystems, departments } from '@/db/schema/org';
import { resourceEvents, resources } from '@/db/schema/resources';
import { type Actor, seesAllDepartments } from '@/lib/auth/actor';
import type { DrState } from '@/lib/provisioning/providers/types';
import type { ResourceStatus } from './transitions';

function visibleTo(actor: Actor): SQL | undefined {
  return seesAllDepartments(actor) ? undefined : eq(resources.departmentId, actor.departmentId);
}

const columns = {
  id: resources.id,
  kind: resources.kind,
  name: resources.name,
  status: resources.status,
  requestId: resources.requestId,
  systemId: resources.systemId,
  systemName: businessSystems.name,
  departmentId: resources.departmentId,
  departmentName: departments.nameKo,
  departmentNameEn: departments.nameEn,
  spec: resources.spec,
  provider: resources.provider,
  providerRef: resources.providerRef,
  providerState: resources.providerState,
  pool: resources.poolId,
  poolName: pools.name,
  departmentCode: departments.code,
  access: resources.access,
  drState: resources.drState,
  leaseUntil: resources.leaseUntil,
  createdAt: resources.createdAt,
  updatedAt: resources.updatedAt,
};

function base() {
  return getDb()
    .select(columns)
    .from(resources)
    .innerJoin(businessSystems, eq(businessSystems.id, resources.systemId))
    .innerJoin(departments, eq(departments.id, resources.departmentId))
    .innerJoin(pools, eq(pools.id, resources.poolId));
}

type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

function toView(row: Row) {
  return {
    ...row,
    status: row.status as ResourceStatus,
    spec: row.spec as Record<string, unknown>,
    /** how to reach it, as the cloud reports it once active ({ address } for a VM; { apiServer, namespace, group? } for a platform slot) */
    access: (row.access ?? null) as Record<string, string> | null,
    /** replication to the DR site, as last reported (DR tier replicated) */
    drState: (row.drState ?? null) as DrState | null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type ResourceView = ReturnType<typeof toView>;

export type ListResourcesOptions = {
  actor: Actor;
  status?: ResourceStatus[];
  limit: number;
  cursor?: string;
};

/** Resources the actor may see, newest first; the cursor is the creation time of the last item. */
export async function listResources(options: ListResourcesOptions) {
  const filters = [visibleTo(options.actor)];
  if (options.status?.length) filters.push(inArray(resources.status, options.status));
  if (options.cursor) filters.push(lt(resources.createdAt, new Date(options.cursor)));
  const rows = await base()
    .where(and(...filters))
    .orderBy(desc(resources.createdAt))
    .limit(options.limit + 1);
  const page = rows.slice(0, options.limit).map(toView);
  return { items: page, nextCursor: rows.length > options.limit ? page[page.length - 1]!.createdAt : null };
}

export type GetResourceOptions = { actor: Actor; resourceId: string };

/** One resource with its event history, or null when missing or not visible to the actor. */
export async function getResource({ actor, resourceId }: GetResourceOptions) {
  if (!/^[0-9a-f-]{36}$/i.test(resourceId)) return null;
  const [row] = await base().where(and(eq(resources.id, resourceId), visibleTo(actor)));
  if (!row) return null;
  const events = await getDb()
    .select({ at: resourceEvents.at, type: resourceEvents.type, detail: resourceEvents.detail })
    .from(resourceEvents)
    .where(eq(resourceEvents.resourceId, resourceId))
    .orderBy(asc(resourceEvents.id));
  return { ...toView(row), events: events.map((e) => ({ ...e, at: e.at.toISOString() })) };
}
