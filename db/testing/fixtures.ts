import { randomBytes } from 'node:crypto';
import { and, asc, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { getDb } from '@/db';
import { approvalTokens, mailOutbox } from '@/db/schema/approvals';
import { businessSystems, userRoles, users } from '@/db/schema/org';
import { approvalSteps, auditLog, requests } from '@/db/schema/requests';
import { getActivePolicy } from '@/lib/approvals/get-active-policy';
import { type PolicyInput, policyInput } from '@/lib/approvals/policy-schema';
import { savePolicy } from '@/lib/approvals/save-policy';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { AppError, type ErrorCode } from '@/lib/errors/app-error';
import type { RequestStep } from '@/lib/requests/queries';
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

/** The roles a step can name (lib/approvals/policy-schema.ts): their holders are mailed links and may decide. */
const approvingRoles = ['dept_approver', 'it_reviewer', 'senior_approver', 'planner', 'admin'] as const;

/**
 * Deactivates every active account outside the demo city that holds an approving role. The admin and
 * SSO tests create such accounts (a second 교통국 head, an IT planner): left active, they would be
 * mailed and could decide in every file after them. Those files call this when done, and files that
 * assert exactly who is mailed call it first.
 */
export async function retireStrayApprovers(): Promise<void> {
  const db = getDb();
  const stray = await db
    .selectDistinct({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(users.active, true),
        notInArray(users.email, Object.values(demoEmails)),
        inArray(userRoles.role, [...approvingRoles]),
      ),
    );
  if (stray.length === 0) return;
  await db
    .update(users)
    .set({ active: false })
    .where(
      inArray(
        users.id,
        stray.map((u) => u.id),
      ),
    );
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
  /** dev unless given; the default policy adds the IT planner's 협조 for prod */
  environment?: 'dev' | 'staging' | 'prod';
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
    environment: options.environment ?? 'dev',
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

/** The mails written to the outbox about a request, oldest first: template and recipient. */
export async function mailsAbout(requestId: string) {
  return getDb()
    .select({ template: mailOutbox.template, to: mailOutbox.toAddress, text: mailOutbox.text })
    .from(mailOutbox)
    .where(eq(mailOutbox.requestId, requestId))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.toAddress));
}

/** The same mails as [template, recipient] pairs. */
export async function mailList(requestId: string) {
  return (await mailsAbout(requestId)).map((m) => [m.template, m.to] as const);
}

/** How many `mail.send` jobs the queue holds (pg-boss's own table). */
export async function mailJobCount(): Promise<number> {
  const result = await getDb().execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = 'mail.send'`,
  );
  return Number(result.rows[0]?.n);
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

/**
 * Runs `fn` with `policy` in force (saved by the admin through savePolicy), then saves the policy
 * that was in force before again, so the files after this one get the lines they expect.
 */
export async function withPolicy<T>(admin: Actor, policy: PolicyInput, fn: () => Promise<T>): Promise<T> {
  const previous = await getActivePolicy();
  await savePolicy({ actor: admin, policy: policyInput.parse(policy) });
  try {
    return await fn();
  } finally {
    const { name, note, rules, settings } = previous;
    await savePolicy({ actor: admin, policy: { name, note, rules, settings } });
  }
}

/** The links issued for a step, oldest first: who may use each, and whether it still can be. */
export async function approvalLinks(stepId: string) {
  return getDb()
    .select({
      userId: approvalTokens.userId,
      usedAt: approvalTokens.usedAt,
      voidedAt: approvalTokens.voidedAt,
    })
    .from(approvalTokens)
    .where(eq(approvalTokens.stepId, stepId))
    .orderBy(asc(approvalTokens.createdAt));
}

/**
 * An approval line as the request page shows it: [order, kind, approver, status], where the approver
 * is the role a step asks for or, for a step naming a person, which demo user that is. Rows of a
 * parallel group (one order) are sorted by approver, so the result does not depend on row order.
 */
export function lineOf(steps: RequestStep[], actors: Record<DemoUser, Actor>) {
  const approverOf = (step: RequestStep) =>
    step.approver.userId
      ? ((Object.keys(actors) as DemoUser[]).find((who) => actors[who].id === step.approver.userId) ?? '?')
      : (step.approver.role ?? '?');
  return steps
    .map((s) => [s.order, s.kind, approverOf(s), s.status] as const)
    .sort((x, y) => x[0] - y[0] || x[2].localeCompare(y[2]));
}
