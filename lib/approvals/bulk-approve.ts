import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { isAppError } from '@/lib/errors/app-error';
import { getRequest } from '@/lib/requests/queries';
import { decideStep } from './decide-step';
import { getActivePolicy } from './get-active-policy';

export const bulkApproveInput = z.object({
  requestIds: z
    .array(z.uuid({ error: 'validation.choice' }))
    .min(1, { error: 'validation.choice' })
    .max(100, { error: 'validation.choice' }),
});

/** Why one item of a bulk approval was not approved. */
export type BulkFailure =
  /** its monthly estimate is above the policy's bulk limit: it must be opened and decided alone */
  | 'over_limit'
  /** no such request, or one the actor may not see: the two are answered alike (no number) */
  | 'not_found'
  /** nothing of it awaits the actor any more: someone decided first, or the request moved on */
  | 'already_decided'
  | 'own_request'
  | 'error';

export type BulkItemResult =
  | { requestId: string; number: string | null; ok: true; requestStatus: string }
  | { requestId: string; number: string | null; ok: false; reason: BulkFailure };

export type BulkApproveOptions = { actor: Actor; now?: Date } & z.output<typeof bulkApproveInput>;

/**
 * 일괄 승인 — approves, one by one, the steps awaiting the actor on several low-cost requests. The
 * limit (policy.settings.bulkApproveMaxMonthlyKrw, inclusive) is checked here again, whatever the
 * screen offered. Each item is decided through decideStep in its own transaction, so a failure
 * (someone decided first) leaves the others approved; the answer lists every item's outcome.
 */
export async function bulkApprove(options: BulkApproveOptions): Promise<{ results: BulkItemResult[] }> {
  const { actor } = options;
  requirePermission(actor, 'requests:decide');
  const ids = [...new Set(options.requestIds)];
  const policy = await getActivePolicy();
  const limit = policy.settings.bulkApproveMaxMonthlyKrw;

  const results: BulkItemResult[] = [];
  for (const requestId of ids) {
    // read as the actor: another department's request is not found, and its number is not told
    const request = await getRequest({ actor, requestId });
    if (!request) {
      results.push({ requestId, number: null, ok: false, reason: 'not_found' });
      continue;
    }
    const { number } = request;
    // the bulk limit is the policy's, not the screen's: an item above it is refused untouched
    if (request.estimate.monthlyKrw > limit) {
      results.push({ requestId, number, ok: false, reason: 'over_limit' });
      continue;
    }
    try {
      const { requestStatus } = await decideStep({
        actor,
        requestId,
        decision: 'approve',
        now: options.now,
      });
      results.push({ requestId, number, ok: true, requestStatus });
    } catch (error) {
      results.push({ requestId, number, ok: false, reason: failureOf(error) });
    }
  }
  return { results };
}

function failureOf(error: unknown): BulkFailure {
  if (isAppError(error)) {
    if (error.messageKey === 'requestClosed' || error.messageKey === 'nothingAwaitsYou')
      return 'already_decided';
    if (error.messageKey === 'ownRequest') return 'own_request';
    if (error.code === 'not_found') return 'not_found';
  }
  console.error('[bulk-approve] an item failed', error);
  return 'error';
}
