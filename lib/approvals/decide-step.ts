import { and, asc, eq, inArray, isNull } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db';
import { approvalTokens } from '@/db/schema/approvals';
import { approvalSteps, type requests } from '@/db/schema/requests';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { approveRequest } from '@/lib/requests/approve-request';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';
import { activateStepGroup } from './activate-step-group';
import { voidStepTokens } from './approval-links';
import { getActivePolicy } from './get-active-policy';
import { actorMayDecide } from './step-approvers';

export const decisionInput = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'validation.choice' }),
    comment: z.string().trim().max(2000, { error: 'validation.commentMax' }).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.comment && v.comment.length > 0), {
    error: 'errors.rejectReasonRequired',
    path: ['comment'],
  });
export type DecisionInput = z.input<typeof decisionInput>;

export type DecideStepOptions = {
  actor: Actor;
  requestId: string;
  /** decide this step (an email link names one); otherwise the pending step the actor may decide */
  stepId?: string;
  /** the email link used, marked used in the same transaction as the decision */
  linkTokenId?: string;
  now?: Date;
} & z.output<typeof decisionInput>;

/**
 * 결재 / 반려 — the actor decides the step that awaits them, as its approver or as a substitute in
 * force (대결, recorded as acting for the approver). Approving the last group approves the request and
 * enqueues provisioning; approving a group's last step makes the next group pending (its approvers
 * are mailed); rejecting returns the request to its drafter. Everything in one transaction under a
 * row lock on the request, so two deciders never both win and a rollback leaves no mail or job.
 */
export async function decideStep(options: DecideStepOptions): Promise<{ requestStatus: string }> {
  const { actor } = options;
  requirePermission(actor, 'requests:decide');
  const now = options.now ?? new Date();
  return getDb().transaction(async (tx) => {
    const request = await lockRequest(tx, options.requestId);
    if (request.status !== 'in_approval') {
      throw new AppError('illegal_transition', {
        messageKey: 'requestClosed',
        values: { status: request.status },
      });
    }
    // segregation of duties: nobody decides a step of their own request, not even as a substitute
    if (request.requesterId === actor.id) throw new AppError('forbidden', { messageKey: 'ownRequest' });

    const steps = await tx
      .select()
      .from(approvalSteps)
      .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.round, request.round)))
      .orderBy(asc(approvalSteps.order));
    const candidates = steps.filter(
      (s) => s.status === 'pending' && (options.stepId === undefined || s.id === options.stepId),
    );
    let mine: (typeof steps)[number] | undefined;
    let actingFor: { id: string; name: string } | null = null;
    for (const step of candidates) {
      const may = await actorMayDecide(tx, actor, step, now);
      if (may) {
        mine = step;
        actingFor = may.actingFor;
        break;
      }
    }
    if (!mine) throw new AppError('conflict', { messageKey: 'nothingAwaitsYou' });
    // nor does anyone decide it on the drafter's behalf: a substitute acting for the drafter has no say
    if (actingFor?.id === request.requesterId) throw new AppError('forbidden', { messageKey: 'ownRequest' });

    if (options.linkTokenId) await consumeLinkToken(tx, options.linkTokenId, mine.id, actor.id, now);
    const status = options.decision === 'approve' ? 'approved' : 'rejected';
    await tx
      .update(approvalSteps)
      .set({
        status,
        decidedBy: actor.id,
        actingForUserId: actingFor?.id ?? null,
        decidedAt: now,
        comment: options.comment || null,
      })
      .where(and(eq(approvalSteps.id, mine.id), eq(approvalSteps.status, 'pending')));
    await voidStepTokens(tx, mine.id, now);
    await writeAudit(tx, {
      actor,
      action: `step.${status}`,
      entityType: 'approval_step',
      entityId: mine.id,
      before: { status: 'pending' },
      after: {
        status,
        comment: options.comment ?? null,
        requestId: request.id,
        actingFor: actingFor ? { id: actingFor.id, name: actingFor.name } : null,
        via: options.linkTokenId ? 'email_link' : actor.via,
      },
    });

    if (options.decision === 'reject')
      return reject(tx, { request, steps, decided: mine, actor, now, comment: options.comment ?? '' });

    // the group of this order is done when none of its steps is still pending
    if (steps.some((s) => s.id !== mine.id && s.order === mine.order && s.status === 'pending')) {
      return { requestStatus: request.status };
    }
    const nextOrder = steps.find((s) => s.status === 'waiting' && s.order > mine.order)?.order;
    if (nextOrder !== undefined) {
      const policy = await getActivePolicy(tx);
      await activateStepGroup(tx, {
        requestId: request.id,
        round: request.round,
        order: nextOrder,
        now,
        linkTtlHours: policy.settings.linkTtlHours,
      });
      return { requestStatus: request.status };
    }

    await approveRequest(tx, { request, actor });
    return { requestStatus: 'approved' };
  });
}

/** Marks an email link used, refusing one that is used, void, expired or for another step. */
async function consumeLinkToken(
  tx: Tx,
  tokenId: string,
  stepId: string,
  userId: string,
  now: Date,
): Promise<void> {
  const [link] = await tx
    .update(approvalTokens)
    .set({ usedAt: now })
    .where(
      and(eq(approvalTokens.id, tokenId), isNull(approvalTokens.usedAt), isNull(approvalTokens.voidedAt)),
    )
    .returning();
  if (!link || link.stepId !== stepId || link.userId !== userId || link.expiresAt <= now) {
    throw new AppError('conflict', { messageKey: 'linkNotUsable' });
  }
}

type RejectContext = {
  request: typeof requests.$inferSelect;
  steps: (typeof approvalSteps.$inferSelect)[];
  decided: typeof approvalSteps.$inferSelect;
  actor: Actor;
  now: Date;
  comment: string;
};

/** 반려: the open steps of the round are skipped, the request goes back to its drafter with the reason. */
async function reject(tx: Tx, ctx: RejectContext): Promise<{ requestStatus: string }> {
  const open = ctx.steps.filter(
    (s) => s.id !== ctx.decided.id && (s.status === 'waiting' || s.status === 'pending'),
  );
  if (open.length) {
    await tx
      .update(approvalSteps)
      .set({ status: 'skipped' })
      .where(
        inArray(
          approvalSteps.id,
          open.map((s) => s.id),
        ),
      );
    for (const step of open) await voidStepTokens(tx, step.id, ctx.now);
  }
  await transitionRequest(tx, {
    requestId: ctx.request.id,
    from: ctx.request.status,
    to: 'rejected',
    actor: ctx.actor,
    action: 'request.rejected',
    detail: { reason: ctx.comment },
  });
  const summary = await loadRequestSummary(tx, ctx.request.id);
  await queueMail(tx, {
    template: 'request-rejected',
    to: summary.requester,
    dedupeKey: `rejected:${ctx.request.id}:${ctx.request.round}`,
    requestId: ctx.request.id,
    data: { ...summary, reason: ctx.comment, rejectedBy: ctx.actor.name },
  });
  return { requestStatus: 'rejected' };
}
