import { and, eq, gt, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { accessTokens } from '@/db/schema/tokens';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { hashToken } from './token-hash';

/** Resolves a bearer token to its owner, or null when unknown, revoked or expired. */
export async function verifyToken(token: string, ip?: string | null): Promise<Actor | null> {
  if (!token.startsWith('dcp_') || token.length > 200) return null;
  const db = getDb();
  const [row] = await db
    .update(accessTokens)
    .set({ lastUsedAt: new Date() })
    .where(
      and(
        eq(accessTokens.tokenHash, hashToken(token)),
        isNull(accessTokens.revokedAt),
        gt(accessTokens.expiresAt, new Date()),
      ),
    )
    .returning({ userId: accessTokens.userId });
  if (!row) return null;
  return loadActor({ id: row.userId }, 'token', ip);
}
