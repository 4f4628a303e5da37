import { AppError } from '@/lib/errors/app-error';
import { type DecisionInput, decideStep, decisionInput } from './decide-step';
import { type ApprovalLink, findApprovalLink } from './find-approval-link';

export type DecideByLinkOptions = {
  /** the token of /approve/<token>, as received */
  token: unknown;
  /** where the POST came from, for the audit row */
  ip?: string | null;
  now?: Date;
} & DecisionInput;

export type DecideByLinkResult =
  | {
      ok: true;
      decision: 'approve' | 'reject';
      requestStatus: string;
      request: { id: string; number: string };
      actingFor: { id: string; name: string } | null;
    }
  /** the link cannot decide (any more): nothing was changed */
  | { ok: false; state: Exclude<ApprovalLink['state'], 'usable'>; request?: { id: string; number: string } };

/**
 * 결재 by email link (the POST of /approve/<token>): the link itself authenticates this one decision
 * of this one step by the person it was issued to. The link is checked again here, and decideStep
 * marks it used in the same transaction as the decision, so a replay, a second tab or a race with
 * the portal can decide at most once. A comment is required to reject (ZodError otherwise).
 */
export async function decideByLink(options: DecideByLinkOptions): Promise<DecideByLinkResult> {
  const input = decisionInput.parse({ decision: options.decision, comment: options.comment });
  const now = options.now ?? new Date();
  const link = await findApprovalLink({ token: options.token, now });
  if (link.state !== 'usable') return refused(link);

  try {
    const { requestStatus } = await decideStep({
      actor: { ...link.actor, ip: options.ip ?? null },
      requestId: link.request.id,
      stepId: link.link.stepId,
      linkTokenId: link.link.id,
      decision: input.decision,
      comment: input.comment,
      now,
    });
    return {
      ok: true,
      decision: input.decision,
      requestStatus,
      request: { id: link.request.id, number: link.request.number },
      actingFor: link.actingFor,
    };
  } catch (error) {
    // lost a race (the link was used in another tab, the step decided in the portal meanwhile):
    // report what the link is now; the transaction rolled back, so nothing changed
    if (error instanceof AppError && ['conflict', 'illegal_transition', 'forbidden'].includes(error.code)) {
      const after = await findApprovalLink({ token: options.token, now });
      if (after.state !== 'usable') return refused(after);
    }
    throw error;
  }
}

function refused(link: Exclude<ApprovalLink, { state: 'usable' }>): DecideByLinkResult {
  return link.state === 'invalid'
    ? { ok: false, state: 'invalid' }
    : { ok: false, state: link.state, request: link.request };
}
