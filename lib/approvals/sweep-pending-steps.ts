import { and, asc, eq, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { userRoles, users } from '@/db/schema/org';
import { approvalSteps, requests } from '@/db/schema/requests';
import { writeAudit } from '@/lib/audit/write-audit';
import { systemActor } from '@/lib/auth/system-actor';
import { addWorkingHours, workingHoursBetween } from '@/lib/calendar/working-hours';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { getActivePolicy } from './get-active-policy';
import type { PolicySettings } from './policy-schema';
import { type Person, stepApprovers } from './step-approvers';

export type SweepSettings = Pick<PolicySettings, 'reminderWorkingHours' | 'escalationWorkingHours'>;
export type SweepPendingStepsOptions = { now: Date; settings: SweepSettings };
export type SweepResult = { reminded: number; escalated: number };

type Step = typeof approvalSteps.$inferSelect;

/**
 * Reminds and escalates the pending steps of the 결재선 that have waited too long, counted in working
 * hours (lib/calendar/working-hours.ts) since they became pending: after `reminderWorkingHours` their
 * approvers get a reminder, after `escalationWorkingHours` the approvers and every admin (who can
 * reassign the step) are told it is overdue. Each step is claimed and handled in its own transaction,
 * so any number of sweeps may run at once and each mail goes out once.
 */
export async function sweepPendingSteps({ now, settings }: SweepPendingStepsOptions): Promise<SweepResult> {
  // a step is due once it became pending at or before these instants
  const remindBefore = addWorkingHours(now, -settings.reminderWorkingHours);
  const escalateBefore = addWorkingHours(now, -settings.escalationWorkingHours);
  const result: SweepResult = { reminded: 0, escalated: 0 };
  const failures: unknown[] = [];
  for (const step of await dueSteps(later(remindBefore, escalateBefore))) {
    try {
      if (step.pendingSince! <= escalateBefore) {
        if (await notifyStep(step, 'escalated', escalateBefore, now)) result.escalated++;
      } else if (step.reminderSentAt === null) {
        if (await notifyStep(step, 'reminded', remindBefore, now)) result.reminded++;
      }
    } catch (error) {
      // one broken step must not hold back the others; it is tried again on the next sweep
      console.error(`[approvals.sweep] step ${step.id}:`, error);
      failures.push(error);
    }
  }
  if (failures.length > 0)
    throw new AggregateError(failures, `${failures.length} step(s) could not be swept`);
  return result;
}

/** The sweep job (`approvals.sweep`): the policy in force decides the periods. */
export async function sweepWithActivePolicy(): Promise<void> {
  const { settings } = await getActivePolicy();
  const result = await sweepPendingSteps({ now: new Date(), settings });
  if (result.reminded + result.escalated > 0) console.log('[approvals.sweep]', result);
}

const later = (a: Date, b: Date) => (a > b ? a : b);

/** The pending steps of current rounds of requests in approval, not yet escalated, pending since `before`. */
function dueSteps(before: Date): Promise<Step[]> {
  return getDb()
    .select()
    .from(approvalSteps)
    .where(and(...stillDue(before)))
    .orderBy(asc(approvalSteps.pendingSince));
}

/** What must still hold when a step is claimed: a step decided, or pending anew, since it was read is left alone. */
function stillDue(before: Date): SQL[] {
  return [
    eq(approvalSteps.status, 'pending'),
    lte(approvalSteps.pendingSince, before),
    isNull(approvalSteps.escalatedAt),
    sql`exists (select 1 from ${requests} where ${requests.id} = ${approvalSteps.requestId}
        and ${requests.status} = 'in_approval' and ${requests.round} = ${approvalSteps.round})`,
  ];
}

/**
 * One step, one transaction: the atomic claim (only one sweep's UPDATE matches), the audit row, and
 * the mails in the outbox. False when another sweep claimed it first or it is no longer due.
 */
async function notifyStep(
  step: Step,
  what: 'reminded' | 'escalated',
  before: Date,
  now: Date,
): Promise<boolean> {
  return getDb().transaction(async (tx) => {
    const [claimed] = await tx
      .update(approvalSteps)
      .set(what === 'reminded' ? { reminderSentAt: now } : { escalatedAt: now })
      .where(
        and(
          eq(approvalSteps.id, step.id),
          ...stillDue(before),
          what === 'reminded' ? isNull(approvalSteps.reminderSentAt) : undefined,
        ),
      )
      .returning();
    if (!claimed) return false;

    const summary = await loadRequestSummary(tx, claimed.requestId);
    const waitingHours = Math.floor(workingHoursBetween(claimed.pendingSince!, now));
    const approvers = await stepApprovers(tx, claimed, now);
    const admins = what === 'escalated' ? await activeAdmins(tx) : [];
    // segregation of duties: the drafter is never asked to act on their own request
    const recipients = uniqueById([...approvers, ...admins]).filter((p) => p.id !== summary.requester.id);

    await writeAudit(tx, {
      actor: systemActor,
      action: `step.${what}`,
      entityType: 'approval_step',
      entityId: claimed.id,
      before: what === 'reminded' ? { reminderSentAt: null } : { escalatedAt: null },
      after: {
        requestId: claimed.requestId,
        waitingHours,
        recipients: recipients.map((p) => p.id),
      },
    });

    // Mails: the request page is the link (an email approval link is issued only when a step
    // becomes pending, lib/approvals/activate-step-group.ts)
    const base = { ...summary, stepKind: claimed.kind, waitingHours };
    const approverNames = approvers
      .filter((p) => p.actingFor === null)
      .map((p) => p.name)
      .join(', ');
    for (const person of recipients) {
      const to = { email: person.email, name: person.name };
      if (what === 'reminded') {
        await queueMail(tx, {
          template: 'step-reminder',
          to,
          dedupeKey: `reminder:${claimed.id}:${person.id}`,
          requestId: claimed.requestId,
          data: { ...base, approveUrl: summary.requestUrl },
        });
      } else {
        await queueMail(tx, {
          template: 'step-escalated',
          to,
          dedupeKey: `escalated:${claimed.id}:${person.id}`,
          requestId: claimed.requestId,
          data: { ...base, approverNames: approverNames || '-' },
        });
      }
    }
    return true;
  });
}

/** Every active admin: they may reassign an overdue step. */
function activeAdmins(tx: Tx): Promise<Person[]> {
  return tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, 'admin'), eq(users.active, true)));
}

function uniqueById<P extends Person>(people: P[]): P[] {
  return people.filter((p, i) => people.findIndex((q) => q.id === p.id) === i);
}
