import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { approvalTokens } from '@/db/schema/approvals';
import { approvalSteps, requests } from '@/db/schema/requests';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { getRequest, type RequestStep, type RequestView } from '@/lib/requests/queries';
import { hashToken } from '@/lib/tokens/token-hash';
import { actorMayDecide } from './step-approvers';

/** What an email approval link can be: only a usable one may decide. */
export type ApprovalLinkState = 'usable' | 'used' | 'expired' | 'void' | 'invalid';

export type ApprovalLink =
  | {
      state: 'usable';
      link: { id: string; stepId: string; userId: string; expiresAt: Date };
      /** the person the link was issued to, as the decision will be recorded */
      actor: Actor;
      /** 대결: the approver this person acts for, when they are a substitute in force */
      actingFor: { id: string; name: string } | null;
      request: RequestView;
      step: RequestStep;
    }
  | {
      state: 'used' | 'expired' | 'void';
      /** which request it was about (the number only: enough to find it in the portal) */
      request: { id: string; number: string };
    }
  | { state: 'invalid' };

export type FindApprovalLinkOptions = { token: unknown; now?: Date };

// lib/approvals/approval-links.ts: 'apv_' and 32 random bytes in base64url
const TOKEN_SHAPE = /^apv_[A-Za-z0-9_-]{43}$/;

/**
 * What an email approval link (/approve/<token>) stands for, read without changing anything: mail
 * scanners open links, so this is what GET shows. A token that is malformed or unknown is 'invalid'
 * (never an error); a known one is 'used', 'void' (its step was decided another way, reassigned, or
 * the request moved on), 'expired', or 'usable' with the request and the step it decides.
 */
export async function findApprovalLink({
  token,
  now = new Date(),
}: FindApprovalLinkOptions): Promise<ApprovalLink> {
  if (typeof token !== 'string' || !TOKEN_SHAPE.test(token)) return { state: 'invalid' };
  const [row] = await getDb()
    .select({
      id: approvalTokens.id,
      stepId: approvalTokens.stepId,
      userId: approvalTokens.userId,
      expiresAt: approvalTokens.expiresAt,
      usedAt: approvalTokens.usedAt,
      voidedAt: approvalTokens.voidedAt,
      step: {
        status: approvalSteps.status,
        round: approvalSteps.round,
        approverRole: approvalSteps.approverRole,
        approverDepartmentId: approvalSteps.approverDepartmentId,
        approverUserId: approvalSteps.approverUserId,
      },
      requestId: requests.id,
      requestSeq: requests.seq,
      requestStatus: requests.status,
      requestRound: requests.round,
      requesterId: requests.requesterId,
    })
    .from(approvalTokens)
    .innerJoin(approvalSteps, eq(approvalSteps.id, approvalTokens.stepId))
    .innerJoin(requests, eq(requests.id, approvalSteps.requestId))
    .where(eq(approvalTokens.tokenHash, hashToken(token)));
  if (!row) return { state: 'invalid' };

  const about = { id: row.requestId, number: `REQ-${String(row.requestSeq).padStart(6, '0')}` };
  if (row.usedAt) return { state: 'used', request: about };
  // superseded: decided in the portal or by another approver's link, reassigned, cancelled, …
  const stepOpen =
    row.voidedAt === null &&
    row.step.status === 'pending' &&
    row.requestStatus === 'in_approval' &&
    row.step.round === row.requestRound;
  if (!stepOpen) return { state: 'void', request: about };
  if (row.expiresAt <= now) return { state: 'expired', request: about };

  // the person must still be able to decide this step (still active, still its approver or a
  // substitute in force, never the drafter)
  const actor = await loadActor({ id: row.userId }, 'token');
  if (!actor || actor.id === row.requesterId) return { state: 'void', request: about };
  const may = await actorMayDecide(getDb(), actor, row.step, now);
  if (!may) return { state: 'void', request: about };
  const request = await getRequest({ actor, requestId: row.requestId });
  const step = request?.steps.find((s) => s.id === row.stepId);
  if (!request || !step) return { state: 'void', request: about };

  return {
    state: 'usable',
    link: { id: row.id, stepId: row.stepId, userId: row.userId, expiresAt: row.expiresAt },
    actor,
    actingFor: may.actingFor ? { id: may.actingFor.id, name: may.actingFor.name } : null,
    request,
    step,
  };
}
