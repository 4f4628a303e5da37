import { and, asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { approvalSteps } from '@/db/schema/requests';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { enqueue } from '@/lib/jobs/enqueue';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';

export const decisionInput = z
  .object({
    decision: z.enum(['approve', 'reject'], { error: 'validation.choice' }),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((v) => v.decision === 'approve' || (v.comment && v.comment.length > 0), {
    error: 'errors.rejectReasonRequired',
    path: ['comment'],
  });
export type DecisionInput = z.input<typeof decisionInput>;

export type DecideStepOptions = { actor: Actor; requestId: string } & z.output<typeof decisionInput>;

function actorMayDecide(actor: Actor, step: typeof approvalSteps.$inferSelect): boolean {
  if (step.approverUserId) return step.approverUserId === actor.id;
  return (
    step.approverRole !== null &&
    actor.roles.includes(step.approverRole) &&
    (step.approverDepartmentId === null || step.approverDepartmentId === actor.departmentId)
  );
}

/**
 * 결재 / 반려 — the actor decides the step of the request that awaits them. Approving the last step
 * approves the request and enqueues provisioning in the same transaction; rejecting returns it to
 * the drafter. Serialised per request by a row lock, so two approvers never both win.
 */
export async function decideStep(options: DecideStepOptions): Promise<{ requestStatus: string }> {
  const { actor } = options;
  requirePermission(actor, 'requests:decide');
  return getDb().transaction(async (tx) => {
    const request = await lockRequest(tx, options.requestId);
    if (request.status !== 'in_approval') {
      throw new AppError('illegal_transition', {
        messageKey: 'requestClosed',
        values: { status: request.status },
      });
    }
    const steps = await tx
      .select()
      .from(approvalSteps)
      .where(eq(approvalSteps.requestId, request.id))
      .orderBy(asc(approvalSteps.order));
    const pending = steps.filter((s) => s.status === 'pending');
    const mine = pending.find((s) => actorMayDecide(actor, s));
    if (!mine) throw new AppError('conflict', { messageKey: 'nothingAwaitsYou' });
    // segregation of duties: nobody decides a step of their own request
    if (request.requesterId === actor.id) throw new AppError('forbidden', { messageKey: 'ownRequest' });

    const now = new Date();
    const status = options.decision === 'approve' ? 'approved' : 'rejected';
    await tx
      .update(approvalSteps)
      .set({ status, decidedBy: actor.id, decidedAt: now, comment: options.comment ?? null })
      .where(and(eq(approvalSteps.id, mine.id), eq(approvalSteps.status, 'pending')));
    await writeAudit(tx, {
      actor,
      action: `step.${status}`,
      entityType: 'approval_step',
      entityId: mine.id,
      before: { status: 'pending' },
      after: { status, comment: options.comment ?? null, requestId: request.id },
    });

    if (options.decision === 'reject') {
      const open = steps.filter(
        (s) => s.id !== mine.id && (s.status === 'waiting' || s.status === 'pending'),
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
      }
      await transitionRequest(tx, {
        requestId: request.id,
        from: request.status,
        to: 'rejected',
        actor,
        action: 'request.rejected',
        detail: { reason: options.comment },
      });
      return { requestStatus: 'rejected' };
    }

    // the group of this order is done when none of its steps is still pending
    const stillPending = pending.filter((s) => s.id !== mine.id && s.order === mine.order);
    if (stillPending.length > 0) return { requestStatus: request.status };
    const nextOrder = steps.find((s) => s.status === 'waiting' && s.order > mine.order)?.order;
    if (nextOrder !== undefined) {
      await tx
        .update(approvalSteps)
        .set({ status: 'pending', pendingSince: now })
        .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.order, nextOrder)));
      return { requestStatus: request.status };
    }

    await transitionRequest(tx, {
      requestId: request.id,
      from: request.status,
      to: 'approved',
      actor,
      action: 'request.approved',
    });
    await enqueue(tx, 'provisioning.create', { requestId: request.id }, { singletonKey: request.id });
    return { requestStatus: 'approved' };
  });
}
