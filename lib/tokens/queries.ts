import { desc, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { accessTokens } from '@/db/schema/tokens';
import type { Actor } from '@/lib/auth/actor';

/** The actor's own tokens, newest first (never the hash). */
export async function listTokens(actor: Actor) {
  return getDb()
    .select({
      id: accessTokens.id,
      name: accessTokens.name,
      prefix: accessTokens.prefix,
      createdAt: accessTokens.createdAt,
      expiresAt: accessTokens.expiresAt,
      lastUsedAt: accessTokens.lastUsedAt,
      revokedAt: accessTokens.revokedAt,
    })
    .from(accessTokens)
    .where(eq(accessTokens.userId, actor.id))
    .orderBy(desc(accessTokens.createdAt));
}
