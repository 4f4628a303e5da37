import { count, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { monthlyReports } from '@/db/schema/reports';
import { auditLog, requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import { accessTokens } from '@/db/schema/tokens';
import { type DemoUser, demoActors, requestSnapshot, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import type { Actor } from '@/lib/auth/actor';
import { closeMonth } from '@/lib/reports/close-month';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { activeVm } from '@/lib/resources/test-fixtures';

// The real objects the access matrix asks about, made through the use cases: everything belongs to
// 교통국 (submitted by staff@), so 복지국's users ask about another department's objects.

export type MatrixObjects = {
  /** a VM request of 교통국 awaiting its department head (the first step) */
  request: string;
  /** a VM request of 교통국 approved by the head, awaiting the IT reviewer */
  requestAtIt: string;
  /** an active VM of 교통국 */
  resource: string;
  /** a month whose report is closed */
  closedMonth: string;
  /** a month that is over but not closed: refused closings must leave it open */
  monthToClose: string;
};

/** The objects a state-changing call that is allowed acts on: a fresh one per call, so it can answer 2xx. */
export type FreshKind = 'request' | 'requestAtIt' | 'resource' | 'monthToClose';

export type Objects = {
  actors: Record<DemoUser, Actor>;
  shared: MatrixObjects;
  fresh: (kind: FreshKind) => Promise<string>;
  /** cancels what the matrix left awaiting an approver, so no inbox of a later test file holds it */
  tidy: () => Promise<void>;
};

const openStatuses: string[] = ['submitted', 'in_approval'];

export async function makeObjects(): Promise<Objects> {
  const actors = await demoActors();
  const approvers = { staff: actors.staff, head: actors.head, it: actors.it };
  const made: string[] = [];
  const request = async () => {
    const { id } = await submitVm(actors.staff);
    made.push(id);
    return id;
  };
  const requestAtIt = async () => {
    const id = await request();
    await decideStep({ actor: actors.head, requestId: id, decision: 'approve' });
    return id;
  };
  // months before the demo's history (2016–2021) that no test has closed yet: 2013-01, 2013-02, …
  // (test files share one database, so a month another file closed is skipped)
  let months = 0;
  const nextMonth = async (): Promise<string> => {
    for (;;) {
      const month = `${2013 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}`;
      months += 1;
      if ((await reportState(month)).length === 0) return month;
    }
  };
  const closedMonth = await nextMonth();
  await closeMonth({ month: closedMonth, actor: actors.planner });

  const shared: MatrixObjects = {
    request: await request(),
    requestAtIt: await requestAtIt(),
    resource: (await activeVm(approvers)).resourceId,
    closedMonth,
    monthToClose: '2012-12',
  };
  const fresh = async (kind: FreshKind) => {
    switch (kind) {
      case 'request':
        return request();
      case 'requestAtIt':
        return requestAtIt();
      case 'resource':
        return (await activeVm(approvers)).resourceId;
      case 'monthToClose':
        return nextMonth();
      default:
        throw new Error(`no fresh ${kind satisfies never}`);
    }
  };
  const tidy = async () => {
    const byId = new Map(Object.values(actors).map((a) => [a.id, a]));
    for (const id of [...made, ...createdDuringMatrix]) {
      const [row] = await getDb()
        .select({ requesterId: requests.requesterId, status: requests.status })
        .from(requests)
        .where(eq(requests.id, id));
      const requester = row && byId.get(row.requesterId);
      if (requester && openStatuses.includes(row.status))
        await cancelRequest({ actor: requester, requestId: id });
    }
  };
  return { actors, shared, fresh, tidy };
}

/** Requests the matrix's allowed calls created through the API (POST /requests, /changes). */
const createdDuringMatrix = new Set<string>();
export function remember(requestId: unknown): void {
  if (typeof requestId === 'string') createdDuringMatrix.add(requestId);
}

// What a refused call must leave unchanged, read straight from the tables.

export const requestState = (id: string) => requestSnapshot(id);

export async function resourceState(id: string) {
  const db = getDb();
  const [row] = await db
    .select({
      status: resources.status,
      leaseUntil: resources.leaseUntil,
      spec: resources.spec,
      updatedAt: resources.updatedAt,
    })
    .from(resources)
    .where(eq(resources.id, id));
  const [changes] = await db.select({ n: count() }).from(requests).where(eq(requests.targetResourceId, id));
  const [audit] = await db.select({ n: count() }).from(auditLog).where(eq(auditLog.entityId, id));
  return { ...row, updatedAt: row?.updatedAt.toISOString(), changes: changes?.n, auditRows: audit?.n };
}

export async function reportState(month: string) {
  const rows = await getDb()
    .select({ closedAt: monthlyReports.closedAt })
    .from(monthlyReports)
    .where(eq(monthlyReports.month, `${month}-01`));
  return rows.map((r) => r.closedAt.toISOString());
}

export async function requestCount() {
  const [row] = await getDb().select({ n: count() }).from(requests);
  return row?.n;
}

export async function tokenCount() {
  const [row] = await getDb().select({ n: count() }).from(accessTokens);
  return row?.n;
}
