import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { requests } from '@/db/schema/requests';
import { startApprovalLine } from '@/lib/approvals/start-approval-line';
import type { Actor } from '@/lib/auth/actor';
import { estimateMonthlyKrw, footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions, getRateCard } from '@/lib/catalog/queries';
import { isRequestableKind, specSchemas } from '@/lib/catalog/spec-schemas';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import { getRequest, type RequestView } from './queries';
import { submitRequestInput } from './submit-request';
import { lockRequest, transitionRequest } from './transitions';

/** What a drafter may revise before resubmitting: the spec, environment, purpose, lease and DR tier. */
export const resubmitRequestInput = z.object({
  spec: z.record(z.string(), z.unknown(), { error: 'validation.required' }),
  environment: z.enum(['dev', 'staging', 'prod'], { error: 'validation.choice' }),
  purpose: submitRequestInput.shape.purpose,
  leaseUntil: submitRequestInput.shape.leaseUntil,
  drTier: z.enum(['none', 'backup', 'replicated'], { error: 'validation.choice' }).default('none'),
});
export type ResubmitRequestInput = z.input<typeof resubmitRequestInput>;

export type ResubmitRequestOptions = {
  actor: Actor;
  requestId: string;
  input: z.output<typeof resubmitRequestInput>;
};

/**
 * 재상신 — the drafter revises a rejected (반려) request and submits it again: the estimate is frozen
 * anew, and a new line (round + 1) is computed from the policy in force. Earlier rounds stay as history.
 */
export async function resubmitRequest({
  actor,
  requestId,
  input,
}: ResubmitRequestOptions): Promise<RequestView> {
  const [options, rateCard] = await Promise.all([getCatalogOptions(), getRateCard()]);
  await getDb().transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (request.requesterId !== actor.id) {
      if (request.departmentId !== actor.departmentId)
        throw new AppError('not_found', { messageKey: 'requestNotFound' });
      throw new AppError('forbidden', { messageKey: 'onlyRequesterResubmits' });
    }
    if (request.status !== 'rejected')
      throw new AppError('illegal_transition', { messageKey: 'notRejected' });
    if (!isRequestableKind(request.kind)) throw new AppError('rule');
    const parsed = specSchemas(options)[request.kind].safeParse(input.spec);
    if (!parsed.success) throw new AppError('bad_request', { details: zodDetails(parsed.error, ['spec']) });
    const spec = parsed.data as Record<string, unknown>;
    const estimate = estimateMonthlyKrw(
      footprint(request.kind, spec, options),
      rateCard.prices,
      input.drTier,
    );
    await tx
      .update(requests)
      .set({
        spec,
        environment: input.environment,
        purpose: input.purpose,
        leaseUntil: input.leaseUntil ?? null,
        drTier: input.drTier,
        estimateMonthlyKrw: estimate,
        rateCardId: rateCard.id,
        submittedAt: new Date(),
      })
      .where(eq(requests.id, requestId));
    await transitionRequest(tx, {
      requestId,
      from: 'rejected',
      to: 'submitted',
      actor,
      action: 'request.resubmitted',
      detail: { round: request.round + 1, estimateMonthlyKrw: estimate },
    });
    await startApprovalLine(tx, { requestId, round: request.round + 1, actor, now: new Date() });
  });
  return (await getRequest({ actor, requestId }))!;
}
