import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '@/db';
import { approvalTokens } from '@/db/schema/approvals';
import { generateToken, hashToken } from '@/lib/tokens/token-hash';

/**
 * Issues an email approval link token bound to one step and one person. Only its hash is stored;
 * the plain token goes into the mail and nowhere else.
 */
export async function issueApprovalToken(
  tx: Tx,
  options: { stepId: string; userId: string; ttlHours: number; now: Date },
): Promise<{ token: string; expiresAt: Date }> {
  const token = generateToken().replace(/^dcp_/, 'apv_');
  const expiresAt = new Date(options.now.getTime() + options.ttlHours * 3_600_000);
  await tx.insert(approvalTokens).values({
    stepId: options.stepId,
    userId: options.userId,
    tokenHash: hashToken(token),
    expiresAt,
  });
  return { token, expiresAt };
}

/** Voids every open link of a step: once it is decided (any way) or reassigned, no link can act on it. */
export async function voidStepTokens(tx: Tx, stepId: string, now: Date): Promise<void> {
  await tx
    .update(approvalTokens)
    .set({ voidedAt: now })
    .where(
      and(eq(approvalTokens.stepId, stepId), isNull(approvalTokens.usedAt), isNull(approvalTokens.voidedAt)),
    );
}
