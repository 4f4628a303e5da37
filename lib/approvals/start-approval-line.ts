import { eq } from 'drizzle-orm';
import type { Tx } from '@/db';
import { approvalSteps, requests } from '@/db/schema/requests';
import type { Actor } from '@/lib/auth/actor';
import { getReferenceData, type ReferenceData } from '@/lib/catalog/reference-data';
import { approveRequest } from '@/lib/requests/approve-request';
import { transitionRequest } from '@/lib/requests/transitions';
import { activateStepGroup } from './activate-step-group';
import { activePolicyOf } from './get-active-policy';
import { planLine } from './plan-line';

export type StartApprovalLineOptions = {
  requestId: string;
  round: number;
  actor: Actor;
  now: Date;
  /** the request's row as the caller just wrote it (saves reading it again) */
  request?: typeof requests.$inferSelect;
  /** reference data the caller already read (the policy in force and the department codes) */
  reference?: ReferenceData;
};

/**
 * Computes the 결재선 of a submitted request from the policy in force, freezes it on the request
 * (steps of this round), and makes its first group pending (mails and links go out with it). A
 * request no rule asks anyone to sign is approved at once. Runs in the caller's transaction, on a
 * request in 'submitted'.
 */
export async function startApprovalLine(tx: Tx, options: StartApprovalLineOptions): Promise<void> {
  const request =
    options.request ?? (await tx.select().from(requests).where(eq(requests.id, options.requestId)))[0];
  if (!request) throw new Error(`request ${options.requestId} missing`);
  const reference = options.reference ?? (await getReferenceData(tx));
  const policy = activePolicyOf(reference);
  const line = await planLine(tx, {
    reference,
    policy,
    departmentId: request.departmentId,
    kind: request.kind,
    environment: request.environment,
    monthlyKrw: request.estimateMonthlyKrw,
    leaseUntil: request.leaseUntil,
    now: options.now,
  });
  if (line.length === 0) {
    await tx
      .update(requests)
      .set({ policyVersion: policy.version, round: options.round })
      .where(eq(requests.id, request.id));
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
    set: { policyVersion: policy.version, round: options.round },
  });
  await activateStepGroup(tx, {
    requestId: request.id,
    round: options.round,
    order: line[0]!.order,
    now: options.now,
    linkTtlHours: policy.settings.linkTtlHours,
  });
}
