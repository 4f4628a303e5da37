import { and, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { approvalSteps } from '@/db/schema/requests';
import { voidStepTokens } from '@/lib/approvals/approval-links';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';
import { lockRequest, transitionRequest } from './transitions';

export type CancelRequestOptions = { actor: Actor; requestId: string };

/** The drafter withdraws a request before provisioning starts. */
export async function cancelRequest({ actor, requestId }: CancelRequestOptions): Promise<void> {
  await getDb().transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (request.requesterId !== actor.id) {
      if (request.departmentId !== actor.departmentId && !actor.roles.includes('admin')) {
        throw new AppError('not_found', { messageKey: 'requestNotFound' });
      }
      throw new AppError('forbidden', { messageKey: 'onlyRequesterCancels' });
    }
    await transitionRequest(tx, {
      requestId,
      from: request.status,
      to: 'cancelled',
      actor,
      action: 'request.cancelled',
    });
    const open = await tx
      .update(approvalSteps)
      .set({ status: 'skipped' })
      .where(
        and(eq(approvalSteps.requestId, requestId), inArray(approvalSteps.status, ['waiting', 'pending'])),
      )
      .returning({ id: approvalSteps.id });
    // no email link can act on a withdrawn request
    const now = new Date();
    for (const step of open) await voidStepTokens(tx, step.id, now);
  });
}
