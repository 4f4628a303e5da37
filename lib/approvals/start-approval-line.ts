import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { approvalSteps, requests } from '@/db/schema/requests';
import type { Actor } from '@/lib/auth/actor';
import { approveRequest } from '@/lib/requests/approve-request';
import { transitionRequest } from '@/lib/requests/transitions';
import { activateStepGroup } from './activate-step-group';
import { getActivePolicy } from './get-active-policy';
import { planLine } from './plan-line';

export type StartApprovalLineOptions = { requestId: string; round: number; actor: Actor; now: Date };

/**
 * Computes the 결재선 of a submitted request from the policy in force, freezes it on the request
 * (steps of this round), and makes its first group pending (mails and links go out with it). A
 * request no rule asks anyone to sign is approved at once. Runs in the caller's transaction, on a
 * request in 'submitted'.
 */
export async function startApprovalLine(tx: Tx, options: StartApprovalLineOptions): Promise<void> {
  const [request] = await tx.select().from(requests).where(eq(requests.id, options.requestId));
  if (!request) throw new Error(`request ${options.requestId} missing`);
  const policy = await getActivePolicy(tx);
  const line = await planLine(tx, {
    policy,
    departmentId: request.departmentId,
    kind: request.kind,
    environment: request.environment,
    monthlyKrw: request.estimateMonthlyKrw,
    leaseUntil: request.leaseUntil,
    now: options.now,
  });
  await tx
    .update(requests)
    .set({ policyVersion: policy.version, round: options.round })
    .where(eq(requests.id, request.id));
  if (line.length === 0) {
    await approveRequest(tx, {
      request: { ...request, round: options.round },
      actor: options.actor,
      detail: { policyVersion: policy.version, reason: 'no step required' },
    });
    return;
  }
  await tx.insert(approvalSteps).values(
    line.map((step) => ({
      ...step,
      requestId: request.id,
      round: options.round,
      status: 'waiting' as const,
    })),
  );
  await transitionRequest(tx, {
    requestId: request.id,
    from: request.status,
    to: 'in_approval',
    actor: options.actor,
    action: 'request.line_frozen',
    detail: { policyVersion: policy.version, round: options.round, steps: line.length },
  });
  await activateStepGroup(tx, {
    requestId: request.id,
    round: options.round,
    order: line[0]!.order,
    now: options.now,
    linkTtlHours: policy.settings.linkTtlHours,
  });
}
