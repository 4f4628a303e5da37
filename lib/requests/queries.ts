import { and, asc, desc, eq, exists, inArray, isNull, lt, ne, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { catalogItems } from '@/db/schema/catalog';
import { businessSystems, departments, users } from '@/db/schema/org';
import { approvalSteps, requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { type Actor, seesAllDepartments } from '@/lib/auth/actor';
import type { RequestStatus } from './transitions';

/** Rows of steps the actor may decide: their role in the step's department, or named personally. */
export function stepAwaitsActor(actor: Actor) {
  const roleMatch =
    actor.roles.length > 0
      ? and(
          inArray(approvalSteps.approverRole, actor.roles),
          or(
            isNull(approvalSteps.approverDepartmentId),
            eq(approvalSteps.approverDepartmentId, actor.departmentId),
          ),
        )
      : undefined;
  return and(
    eq(approvalSteps.status, 'pending'),
    or(eq(approvalSteps.approverUserId, actor.id), roleMatch ?? sql`false`),
  );
}

/** What the actor may see: their own department's requests, or everything for IT, planners and admins. */
function visibleTo(actor: Actor): SQL | undefined {
  if (seesAllDepartments(actor)) return undefined;
  return eq(requests.departmentId, actor.departmentId);
}

const approverDept = alias(departments, 'approver_dept');
const decider = alias(users, 'decider');

export type RequestStep = {
  id: string;
  order: number;
  kind: 'review' | 'consult' | 'approve';
  status: 'waiting' | 'pending' | 'approved' | 'rejected' | 'skipped';
  approver: {
    role: string | null;
    departmentId: string | null;
    departmentName: string | null;
    userId: string | null;
  };
  decidedBy: { id: string; name: string } | null;
  decidedAt: string | null;
  pendingSince: string | null;
  comment: string | null;
  awaitsMe: boolean;
};

async function loadSteps(actor: Actor, requestIds: string[]): Promise<Map<string, RequestStep[]>> {
  const byRequest = new Map<string, RequestStep[]>();
  if (requestIds.length === 0) return byRequest;
  const rows = await getDb()
    .select({
      id: approvalSteps.id,
      requestId: approvalSteps.requestId,
      order: approvalSteps.order,
      kind: approvalSteps.kind,
      status: approvalSteps.status,
      role: approvalSteps.approverRole,
      departmentId: approvalSteps.approverDepartmentId,
      departmentName: approverDept.nameKo,
      userId: approvalSteps.approverUserId,
      decidedById: approvalSteps.decidedBy,
      decidedByName: decider.name,
      decidedAt: approvalSteps.decidedAt,
      pendingSince: approvalSteps.pendingSince,
      comment: approvalSteps.comment,
      requesterId: requests.requesterId,
    })
    .from(approvalSteps)
    .innerJoin(requests, eq(requests.id, approvalSteps.requestId))
    .leftJoin(approverDept, eq(approverDept.id, approvalSteps.approverDepartmentId))
    .leftJoin(decider, eq(decider.id, approvalSteps.decidedBy))
    .where(inArray(approvalSteps.requestId, requestIds))
    .orderBy(asc(approvalSteps.order));
  for (const r of rows) {
    const awaitsMe =
      r.status === 'pending' &&
      r.requesterId !== actor.id &&
      (r.userId === actor.id ||
        (r.role !== null &&
          actor.roles.includes(r.role) &&
          (r.departmentId === null || r.departmentId === actor.departmentId)));
    const list = byRequest.get(r.requestId) ?? [];
    list.push({
      id: r.id,
      order: r.order,
      kind: r.kind,
      status: r.status,
      approver: {
        role: r.role,
        departmentId: r.departmentId,
        departmentName: r.departmentName,
        userId: r.userId,
      },
      decidedBy: r.decidedById ? { id: r.decidedById, name: r.decidedByName ?? '' } : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      pendingSince: r.pendingSince?.toISOString() ?? null,
      comment: r.comment,
      awaitsMe,
    });
    byRequest.set(r.requestId, list);
  }
  return byRequest;
}

const requestColumns = {
  id: requests.id,
  seq: requests.seq,
  status: requests.status,
  departmentId: requests.departmentId,
  departmentName: departments.nameKo,
  requesterId: requests.requesterId,
  requesterName: users.name,
  systemId: requests.systemId,
  systemName: businessSystems.name,
  catalogItemId: requests.catalogItemId,
  catalogItemName: catalogItems.nameKo,
  catalogItemNameEn: catalogItems.nameEn,
  kind: requests.kind,
  spec: requests.spec,
  environment: requests.environment,
  purpose: requests.purpose,
  leaseUntil: requests.leaseUntil,
  drTier: requests.drTier,
  estimateMonthlyKrw: requests.estimateMonthlyKrw,
  failureReason: requests.failureReason,
  submittedAt: requests.submittedAt,
  createdAt: requests.createdAt,
  updatedAt: requests.updatedAt,
};

type RequestRow = { [K in keyof typeof requestColumns]: (typeof requestColumns)[K]['_']['data'] } & {
  departmentName: string;
  requesterName: string;
  systemName: string;
  catalogItemName: string;
  catalogItemNameEn: string;
};

function baseQuery() {
  return getDb()
    .select(requestColumns)
    .from(requests)
    .innerJoin(departments, eq(departments.id, requests.departmentId))
    .innerJoin(users, eq(users.id, requests.requesterId))
    .innerJoin(businessSystems, eq(businessSystems.id, requests.systemId))
    .innerJoin(catalogItems, eq(catalogItems.id, requests.catalogItemId));
}

function toView(row: RequestRow, steps: RequestStep[], resourceIds: string[]) {
  return {
    id: row.id,
    number: `REQ-${String(row.seq).padStart(6, '0')}`,
    status: row.status as RequestStatus,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    requesterId: row.requesterId,
    requesterName: row.requesterName,
    systemId: row.systemId,
    systemName: row.systemName,
    catalogItemId: row.catalogItemId,
    catalogItemName: row.catalogItemName,
    catalogItemNameEn: row.catalogItemNameEn,
    kind: row.kind,
    spec: row.spec as Record<string, unknown>,
    environment: row.environment,
    purpose: row.purpose,
    leaseUntil: row.leaseUntil,
    drTier: row.drTier,
    estimate: { monthlyKrw: row.estimateMonthlyKrw },
    failureReason: row.failureReason,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    steps,
    resourceIds,
  };
}
export type RequestView = ReturnType<typeof toView>;

async function resourceIdsFor(requestIds: string[]) {
  const map = new Map<string, string[]>();
  if (requestIds.length === 0) return map;
  const rows = await getDb()
    .select({ id: resources.id, requestId: resources.requestId })
    .from(resources)
    .where(inArray(resources.requestId, requestIds));
  for (const r of rows) map.set(r.requestId, [...(map.get(r.requestId) ?? []), r.id]);
  return map;
}

export type GetRequestOptions = { actor: Actor; requestId: string };

/** One request with its approval line, or null when it does not exist or the actor may not see it. */
export async function getRequest({ actor, requestId }: GetRequestOptions): Promise<RequestView | null> {
  if (!/^[0-9a-f-]{36}$/i.test(requestId)) return null;
  const [row] = await baseQuery().where(and(eq(requests.id, requestId), visibleTo(actor)));
  if (!row) return null;
  const [steps, resourceIds] = await Promise.all([loadSteps(actor, [row.id]), resourceIdsFor([row.id])]);
  return toView(row as RequestRow, steps.get(row.id) ?? [], resourceIds.get(row.id) ?? []);
}

export type ListRequestsOptions = {
  actor: Actor;
  status?: RequestStatus[];
  mine?: boolean;
  pendingForMe?: boolean;
  limit: number;
  cursor?: number;
};

/** Requests visible to the actor, newest first, with keyset pagination on the request number. */
export async function listRequests(options: ListRequestsOptions) {
  const { actor } = options;
  const filters: (SQL | undefined)[] = [visibleTo(actor)];
  if (options.status?.length) filters.push(inArray(requests.status, options.status));
  if (options.mine) filters.push(eq(requests.requesterId, actor.id));
  if (options.pendingForMe) {
    filters.length = 0; // an approver sees what awaits them even outside their department
    filters.push(ne(requests.requesterId, actor.id));
    filters.push(
      exists(
        getDb()
          .select({ one: sql`1` })
          .from(approvalSteps)
          .where(and(eq(approvalSteps.requestId, requests.id), stepAwaitsActor(actor))),
      ),
    );
    if (options.status?.length) filters.push(inArray(requests.status, options.status));
  }
  if (options.cursor !== undefined) filters.push(lt(requests.seq, options.cursor));
  const rows = (await baseQuery()
    .where(and(...filters))
    .orderBy(desc(requests.seq))
    .limit(options.limit + 1)) as RequestRow[];
  const page = rows.slice(0, options.limit);
  const ids = page.map((r) => r.id);
  const [steps, resourceIds] = await Promise.all([loadSteps(actor, ids), resourceIdsFor(ids)]);
  return {
    items: page.map((r) => toView(r, steps.get(r.id) ?? [], resourceIds.get(r.id) ?? [])),
    nextCursor: rows.length > options.limit ? String(page[page.length - 1]!.seq) : null,
  };
}
