import { and, eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { approvalSteps } from '@/db/schema/requests';
import { appUrl } from '@/lib/config/runtime';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { issueApprovalToken } from './approval-links';
import { stepApprovers } from './step-approvers';

export type ActivateStepGroupOptions = {
  requestId: string;
  round: number;
  order: number;
  now: Date;
  linkTtlHours: number;
};

/**
 * Makes one group of the line pending and tells everyone who can act on it: each approver, and each
 * substitute in force (대결), gets a mail with an approval link of their own. Runs in the caller's
 * transaction, so the mails exist only if the step really became pending.
 */
export async function activateStepGroup(tx: Tx, options: ActivateStepGroupOptions): Promise<void> {
  const steps = await tx
    .update(approvalSteps)
    .set({ status: 'pending', pendingSince: options.now })
    .where(
      and(
        eq(approvalSteps.requestId, options.requestId),
        eq(approvalSteps.round, options.round),
        eq(approvalSteps.order, options.order),
        eq(approvalSteps.status, 'waiting'),
      ),
    )
    .returning();
  if (steps.length === 0) return;
  const summary = await loadRequestSummary(tx, options.requestId);
  for (const step of steps) {
    for (const person of await stepApprovers(tx, step, options.now)) {
      // segregation of duties: the drafter is never asked to sign their own request
      if (person.id === summary.requester.id || person.actingFor?.id === summary.requester.id) continue;
      const { token, expiresAt } = await issueApprovalToken(tx, {
        stepId: step.id,
        userId: person.id,
        ttlHours: options.linkTtlHours,
        now: options.now,
      });
      await queueMail(tx, {
        template: 'step-pending',
        to: { email: person.email, name: person.name },
        // one mail per activation: a step reassigned back to someone who had a link gets a fresh one
        dedupeKey: `pending:${step.id}:${person.id}:${options.now.getTime()}`,
        requestId: options.requestId,
        data: {
          ...summary,
          stepKind: step.kind,
          approveUrl: `${appUrl()}/approve/${token}`,
          expiresAt: expiresAt.toISOString(),
          actingForName: person.actingFor?.name,
        },
      });
    }
  }
}
