import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { userRoles, users } from '@/db/schema/org';
import { approvalSteps } from '@/db/schema/requests';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { lockRequest } from '@/lib/requests/transitions';
import { activateStepGroup } from './activate-step-group';
import { voidStepTokens } from './approval-links';
import { approvingRoles } from './approving-roles';
import { getActivePolicy } from './get-active-policy';

export const reassignStepInput = z.object({
  stepId: z.uuid({ error: 'validation.choice' }),
  userId: z.uuid({ error: 'validation.choice' }),
  reason: z.string().trim().min(1, { error: 'validation.required' }).max(500),
});

export type ReassignStepOptions = { actor: Actor } & z.output<typeof reassignStepInput>;

/**
 * An admin moves a stuck pending step to a named person (who must hold an approving role and must not
 * be the drafter). The old links are voided and the new approver is mailed a link of their own.
 */
export async function reassignStep({ actor, stepId, userId, reason }: ReassignStepOptions): Promise<void> {
  requirePermission(actor, 'admin:manage');
  const now = new Date();
  await getDb().transaction(async (tx) => {
    const [step] = await tx.select().from(approvalSteps).where(eq(approvalSteps.id, stepId));
    if (!step) throw new AppError('not_found');
    const request = await lockRequest(tx, step.requestId);
    const [fresh] = await tx.select().from(approvalSteps).where(eq(approvalSteps.id, stepId)).for('update');
    if (request.status !== 'in_approval' || fresh?.status !== 'pending') {
      throw new AppError('illegal_transition', { messageKey: 'stepNotPending' });
    }
    const [target] = await tx
      .select({ id: users.id, active: users.active })
      .from(users)
      .where(eq(users.id, userId));
    const approving = await tx
      .select({ role: userRoles.role })
      .from(userRoles)
      .where(and(eq(userRoles.userId, userId)));
    const canApprove = approving.some((r) => (approvingRoles as readonly string[]).includes(r.role));
    if (!target?.active || !canApprove) {
      throw new AppError('bad_request', {
        messageKey: 'notAnApprover',
        details: { fieldErrors: { userId: ['errors.notAnApprover'] } },
      });
    }
    if (userId === request.requesterId) throw new AppError('forbidden', { messageKey: 'ownRequest' });

    await voidStepTokens(tx, stepId, now);
    await tx
      .update(approvalSteps)
      .set({
        approverUserId: userId,
        approverRole: null,
        approverDepartmentId: null,
        status: 'waiting',
        reminderSentAt: null,
        escalatedAt: null,
      })
      .where(eq(approvalSteps.id, stepId));
    await writeAudit(tx, {
      actor,
      action: 'step.reassigned',
      entityType: 'approval_step',
      entityId: stepId,
      before: {
        approverRole: step.approverRole,
        approverDepartmentId: step.approverDepartmentId,
        approverUserId: step.approverUserId,
      },
      after: { approverUserId: userId, reason, requestId: request.id },
    });
    // pending again, for the new approver only (the other steps of its group are untouched)
    const policy = await getActivePolicy(tx);
    await activateStepGroup(tx, {
      requestId: request.id,
      round: step.round,
      order: step.order,
      now,
      linkTtlHours: policy.settings.linkTtlHours,
    });
  });
}
