import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { delegations } from '@/db/schema/approvals';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';

export type RevokeDelegationOptions = { actor: Actor; delegationId: string };

/** Ends one of the actor's own substitutions now. */
export async function revokeDelegation({ actor, delegationId }: RevokeDelegationOptions): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(delegations)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(delegations.id, delegationId),
          eq(delegations.userId, actor.id),
          isNull(delegations.revokedAt),
        ),
      )
      .returning({ id: delegations.id });
    if (!row) throw new AppError('not_found', { messageKey: 'delegationNotFound' });
    await writeAudit(tx, { actor, action: 'delegation.revoked', entityType: 'delegation', entityId: row.id });
  });
}
