import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { accessTokens } from '@/db/schema/tokens';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors/app-error';

export type RevokeTokenOptions = { actor: Actor; tokenId: string };

/** Revokes one of the actor's own tokens. */
export async function revokeToken({ actor, tokenId }: RevokeTokenOptions): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(eq(accessTokens.id, tokenId), eq(accessTokens.userId, actor.id), isNull(accessTokens.revokedAt)),
      )
      .returning({ id: accessTokens.id });
    if (!row) throw new AppError('not_found');
    await writeAudit(tx, { actor, action: 'token.revoked', entityType: 'access_token', entityId: row.id });
  });
}
