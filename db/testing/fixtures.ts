import { randomBytes } from 'node:crypto';
import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb } from '@/db';
import { businessSystems } from '@/db/schema/org';
import { approvalSteps, auditLog, requests } from '@/db/schema/requests';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';
import { submitRequest, submitRequestInput } from '@/lib/requests/submit-request';

/** The seeded demo accounts (API.md), by the part of their address before the @. */
export const demoEmails = {
  staff: 'staff@dcloud.example', // requester, 교통국
  head: 'head@dcloud.example', // department approver, 교통국
  it: 'it@dcloud.example', // IT reviewer, 정보화담당관
  director: 'director@dcloud.example', // senior approver, 기획조정실
  planner: 'planner@dcloud.example',
  admin: 'admin@dcloud.example',
  welfare: 'welfare@dcloud.example', // requester, 복지국
  welfareHead: 'welfare-head@dcloud.example', // department approver, 복지국
} as const;
export type DemoUser = keyof typeof demoEmails;
export const demoPassword = 'dcloud-demo';

/** A demo user as the use cases see them, loaded by lib/auth/load-actor.ts. */
export async function demoActor(who: DemoUser): Promise<Actor> {
  const actor = await loadActor({ email: demoEmails[who] }, 'session');
  if (!actor) throw new Error(`demo user ${who} is missing: was the database seeded?`);
  return actor;
}

export async function demoActors(): Promise<Record<DemoUser, Actor>> {
  const entries = await Promise.all(
    (Object.keys(demoEmails) as DemoUser[]).map(async (who) => [who, await demoActor(who)] as const),
  );
  return Object.fromEntries(entries) as Record<DemoUser, Actor>;
}

/** A hostname no other test uses. */
export function uniqueName(prefix = 't'): string {
  return `${prefix}-${randomBytes(4).toString('hex')}`;
}

/** The id of a seeded business system (SYS-BIS: 교통국, SYS-RELIEF: 복지국). */
export async function systemId(code: string): Promise<string> {
  const [row] = await getDb()
    .select({ id: businessSystems.id })
    .from(businessSystems)
    .where(eq(businessSystems.code, code));
  if (!row) throw new Error(`no business system ${code}`);
  return row.id;
}

export type SubmitVmOptions = {
  spec?: Record<string, unknown>;
  drTier?: 'none' | 'backup' | 'replicated';
  system?: string;
  idempotencyKey?: string;
};

/** The default VM (2 vCPU · 4 GB, Rocky Linux, 100 GB): 72,000 KRW a month, below the 전결 threshold. */
export const belowThreshold: SubmitVmOptions = {};
/** 16 vCPU · 64 GB, RHEL, 2 TB, replicated to the DR site: 1,857,744 KRW a month, above the threshold. */
export const aboveThreshold: SubmitVmOptions = {
  spec: { flavor: 'c16m64', image: 'rhel-9', diskGb: 2048 },
  drTier: 'replicated',
};

/** Submits a VM request as `actor` for a system of their department, through the use case. */
export async function submitVm(actor: Actor, options: SubmitVmOptions = {}) {
  const input = submitRequestInput.parse({
    catalogItemId: 'vm-standard',
    systemId: await systemId(options.system ?? 'SYS-BIS'),
    spec: { name: uniqueName(), ...options.spec },
    environment: 'dev',
    purpose: '버스 도착 정보 서비스 부하 시험용 서버',
    drTier: options.drTier ?? 'none',
  });
  const { request } = await submitRequest({ actor, input, idempotencyKey: options.idempotencyKey });
  return request;
}

/** Provisioning jobs queued for a request (pg-boss's own table). */
export async function provisioningJobs(requestId: string) {
  const result = await getDb().execute<{ name: string; state: string; singleton_key: string | null }>(
    sql`select name, state, singleton_key from pgboss.job
        where name = 'provisioning.create' and data->>'requestId' = ${requestId}`,
  );
  return result.rows;
}

/**
 * What a user and an auditor can tell about a request, read straight from the tables: its status,
 * its approval line, how many audit rows mention it or its steps, and its queued provisioning jobs.
 */
export async function requestSnapshot(requestId: string) {
  const db = getDb();
  const [request] = await db
    .select({ status: requests.status, updatedAt: requests.updatedAt })
    .from(requests)
    .where(eq(requests.id, requestId));
  const steps = await db
    .select({
      id: approvalSteps.id,
      order: approvalSteps.order,
      status: approvalSteps.status,
      decidedBy: approvalSteps.decidedBy,
      comment: approvalSteps.comment,
    })
    .from(approvalSteps)
    .where(eq(approvalSteps.requestId, requestId))
    .orderBy(asc(approvalSteps.order));
  const [audit] = await db
    .select({ rows: count() })
    .from(auditLog)
    .where(inArray(auditLog.entityId, [requestId, ...steps.map((s) => s.id)]));
  return {
    status: request?.status,
    updatedAt: request?.updatedAt.toISOString(),
    steps,
    auditRows: audit?.rows ?? 0,
    jobs: (await provisioningJobs(requestId)).length,
  };
}

/** Audit rows about one entity, oldest first. */
export async function auditRows(entityId: string) {
  return getDb()
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      before: auditLog.before,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(eq(auditLog.entityId, entityId))
    .orderBy(asc(auditLog.id));
}

/** Awaits `promise` and asserts it failed with an AppError of `code` (and its HTTP status). */
export async function expectAppError(promise: Promise<unknown>, code: ErrorCode, status?: number) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected an AppError ${code}`).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (status !== undefined) expect((error as AppError).status).toBe(status);
  return error as AppError;
}
