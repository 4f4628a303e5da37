import type { Tx } from '@/db';
import type { requests } from '@/db/schema/requests';
import type { Actor } from '@/lib/auth/actor';
import { reserveCapacity } from '@/lib/capacity/reserve-capacity';
import { enqueue } from '@/lib/jobs/enqueue';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { transitionRequest } from './transitions';

export type ApproveRequestOptions = {
  request: typeof requests.$inferSelect;
  actor: Actor | null;
  detail?: Record<string, unknown>;
};

/**
 * The final approval, however it came about (the last step decided, or a line no rule asks anyone to
 * sign): reserves capacity and quota under row locks — refusing with a 409, and changing nothing, when
 * the request no longer fits — then moves the request to approved, queues its provisioning (or its
 * change) and tells the requester. Runs in the caller's transaction, on a locked request.
 */
export async function approveRequest(
  tx: Tx,
  { request, actor, detail }: ApproveRequestOptions,
): Promise<void> {
  const reserved = await reserveCapacity(tx, { request });
  await transitionRequest(tx, {
    requestId: request.id,
    from: request.status,
    to: 'approved',
    actor,
    action: 'request.approved',
    detail: {
      ...detail,
      reserved: reserved.map((r) => ({
        pool: r.poolId,
        purpose: r.purpose,
        vcpu: r.vcpu,
        ramGb: r.ramGb,
        storageGb: r.storageGb,
      })),
    },
  });
  if (request.kind === 'resize' || request.kind === 'scale_up') {
    await enqueue(tx, 'lifecycle.apply-change', { requestId: request.id }, { singletonKey: request.id });
  } else {
    await enqueue(tx, 'provisioning.create', { requestId: request.id }, { singletonKey: request.id });
  }
  const summary = await loadRequestSummary(tx, request.id);
  await queueMail(tx, {
    template: 'request-approved',
    to: summary.requester,
    dedupeKey: `approved:${request.id}:${request.round}`,
    requestId: request.id,
    data: summary,
  });
}
