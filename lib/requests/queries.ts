import {
  and,
  asc,
  desc,
  eq,
  exists,
  gte,
  inArray,
  isNull,
  lt,
  lte,
  ne,
  or,
  type SQL,
  sql,
} from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { delegations } from '@/db/schema/approvals';
import { catalogItems } from '@/db/schema/catalog';
import { businessSystems, departments, userRoles, users } from '@/db/schema/org';
import { approvalSteps, requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { seoulDate } from '@/lib/approvals/step-approvers';
import { type Actor, seesAllDepartments } from '@/lib/auth/actor';
import type { RequestStatus } from './transitions';

/** Someone the actor decides as: themselves, or an approver they substitute for today (대결). */
export type DecidingIdentity = {
  id: string;
  roles: string[];
  departmentId: string;
  actingFor: { id: string; name: string } | null;
};

/** The actor and everyone whose substitute they are today. */
export async function decidingIdentities(actor: Actor, now: Date = new Date()): Promise<DecidingIdentity[]> {
  const today = seoulDate(now);
  const owners = await getDb()
    .select({ id: users.id, name: users.name, departmentId: users.departmentId })
    .from(delegations)
    .innerJoin(users, eq(users.id, delegations.userId))
    .where(
      and(
        eq(delegations.substituteId, actor.id),
        isNull(delegations.revokedAt),
        lte(delegations.startsOn, today),
        gte(delegations.endsOn, today),
        eq(users.active, true),
      ),
    );
  const roleRows = owners.length
    ? await getDb()
        .select({ userId: userRoles.userId, role: userRoles.role })
        .from(userRoles)
        .where(
          inArray(
            userRoles.userId,
            owners.map((o) => o.id),
          ),
        )
    : [];
  return [
    { id: actor.id, roles: actor.roles, departmentId: actor.departmentId, actingFor: null },
    ...owners.map((o) => ({
      id: o.id,
      roles: roleRows.filter((r) => r.userId === o.id).map((r) => r.role),
      departmentId: o.departmentId,
      actingFor: { id: o.id, name: o.name },
    })),
  ];
}

/** SQL: the step is pending and one of the identities may decide it. */
export function stepAwaitsActor(identities: DecidingIdentity[]) {
  const matches = identities.map((who) =>
    or(
      eq(approvalSteps.approverUserId, who.id),
      who.roles.length
        ? and(
            inArray(approvalSteps.approverRole, who.roles as never[]),
            or(
              isNull(approvalSteps.approverDepartmentId),
              eq(approvalSteps.approverDepartmentId, who.departmentId),
            ),
          )
        : sql`false`,
    ),
  );
  return and(eq(approvalSteps.status, 'pending'), or(...matches));
}

function identityFor(
  identities: DecidingIdentity[],
  step: { role: string | null; departmentId: string | null; userId: string | null },
): DecidingIdentity | undefined {
  return identities.find((who) =>
    step.userId
      ? step.userId === who.id
      : step.role !== null &&
        who.roles.includes(step.role) &&
        (step.departmentId === null || step.departmentId === who.departmentId),
  );
}

/** What the actor may see: their department's requests (all for IT, planners and admins), and any they sign. */
function visibleTo(actor: Actor, identities: DecidingIdentity[]): SQL | undefined {
  if (seesAllDepartments(actor)) return undefined;
  const signs = getDb()
    .select({ one: sql`1` })
    .from(approvalSteps)
    .where(
      and(
        eq(approvalSteps.requestId, requests.id),
        or(eq(approvalSteps.decidedBy, actor.id), stepAwaitsActor(identities)),
      ),
    );
  return or(eq(requests.departmentId, actor.departmentId), exists(signs));
}

const approverDept = alias(departments, 'approver_dept');
const decider = alias(users, 'decider');
const actingForUser = alias(users, 'acting_for_user');
const approverUser = alias(users, 'approver_user');

export type RequestStep = {
  id: string;
  order: number;
  kind: 'review' | 'consult' | 'approve';
  status: 'waiting' | 'pending' | 'approved' | 'rejected' | 'skipped';
  approver: {
    role: string | null;
    departmentId: string | null;
    departmentName: string | null;
    departmentNameEn: string | null;
    userId: string | null;
    /** the named person's name, when the step names a person */
    userName: string | null;
  };
  decidedBy: { id: string; name: string } | null;
  /** 대결: the approver the decider acted for */
  actingFor: { id: string; name: string } | null;
  decidedAt: string | null;
  pendingSince: string | null;
  comment: string | null;
  round: number;
  ruleName: string | null;
  escalated: boolean;
  awaitsMe: boolean;
  /** set when the step awaits the actor as a substitute: whom they would act for */
  awaitsMeActingFor: { id: string; name: string } | null;
};

async function loadSteps(
  actor: Actor,
  identities: DecidingIdentity[],
  requestIds: string[],
): Promise<Map<string, RequestStep[]>> {
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
      departmentNameEn: approverDept.nameEn,
      userId: approvalSteps.approverUserId,
      userName: approverUser.name,
      decidedById: approvalSteps.decidedBy,
      decidedByName: decider.name,
      decidedAt: approvalSteps.decidedAt,
      pendingSince: approvalSteps.pendingSince,
      comment: approvalSteps.comment,
      round: approvalSteps.round,
      ruleName: approvalSteps.ruleName,
      escalatedAt: approvalSteps.escalatedAt,
      actingForId: approvalSteps.actingForUserId,
      actingForName: actingForUser.name,
      requesterId: requests.requesterId,
    })
    .from(approvalSteps)
    .innerJoin(requests, eq(requests.id, approvalSteps.requestId))
    .leftJoin(approverDept, eq(approverDept.id, approvalSteps.approverDepartmentId))
    .leftJoin(decider, eq(decider.id, approvalSteps.decidedBy))
    .leftJoin(actingForUser, eq(actingForUser.id, approvalSteps.actingForUserId))
    .leftJoin(approverUser, eq(approverUser.id, approvalSteps.approverUserId))
    .where(inArray(approvalSteps.requestId, requestIds))
    .orderBy(asc(approvalSteps.round), asc(approvalSteps.order), asc(approvalSteps.id));
  for (const r of rows) {
    // never on the drafter's own request, nor acting for the drafter
    const who =
      r.status === 'pending' && r.requesterId !== actor.id
        ? identityFor(
            identities.filter((i) => i.actingFor?.id !== r.requesterId),
            r,
          )
        : undefined;
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
        departmentNameEn: r.departmentNameEn,
        userId: r.userId,
        userName: r.userName,
      },
      decidedBy: r.decidedById ? { id: r.decidedById, name: r.decidedByName ?? '' } : null,
      actingFor: r.actingForId ? { id: r.actingForId, name: r.actingForName ?? '' } : null,
      decidedAt: r.decidedAt?.toISOString() ?? null,
      pendingSince: r.pendingSince?.toISOString() ?? null,
      comment: r.comment,
      round: r.round,
      ruleName: r.ruleName,
      escalated: r.escalatedAt !== null,
      awaitsMe: who !== undefined,
      awaitsMeActingFor: who?.actingFor ?? null,
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
  departmentNameEn: departments.nameEn,
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
  round: requests.round,
  policyVersion: requests.policyVersion,
  submittedAt: requests.submittedAt,
  createdAt: requests.createdAt,
  updatedAt: requests.updatedAt,
};

type RequestRow = { [K in keyof typeof requestColumns]: (typeof requestColumns)[K]['_']['data'] } & {
  departmentName: string;
  departmentNameEn: string;
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
    departmentNameEn: row.departmentNameEn,
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
    round: row.round,
    policyVersion: row.policyVersion,
    /** the line of the current round */
    steps: steps.filter((step) => step.round === row.round),
    /** earlier rounds (반려 then resubmitted), oldest first */
    history: steps.filter((step) => step.round < row.round),
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
  const identities = await decidingIdentities(actor);
  const [row] = await baseQuery().where(and(eq(requests.id, requestId), visibleTo(actor, identities)));
  if (!row) return null;
  const [steps, resourceIds] = await Promise.all([
    loadSteps(actor, identities, [row.id]),
    resourceIdsFor([row.id]),
  ]);
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
  const identities = await decidingIdentities(actor);
  const filters: (SQL | undefined)[] = [visibleTo(actor, identities)];
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
          .where(and(eq(approvalSteps.requestId, requests.id), stepAwaitsActor(identities))),
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
  const [steps, resourceIds] = await Promise.all([loadSteps(actor, identities, ids), resourceIdsFor(ids)]);
  return {
    items: page.map((r) => toView(r, steps.get(r.id) ?? [], resourceIds.get(r.id) ?? [])),
    nextCursor: rows.length > options.limit ? String(page[page.length - 1]!.seq) : null,
  };
}
