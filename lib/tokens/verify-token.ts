import { sql } from 'drizzle-orm';
import type { Actor } from '@/lib/auth/actor';
import { actorColumns, queryActor } from '@/lib/auth/load-actor';
import { hashToken } from './token-hash';

/** How stale a token's "last used" may get: it is written at most once a minute per token, not on every call. */
const LAST_USED_RESOLUTION = '1 minute';

/**
 * Resolves a bearer token to its owner, or null when unknown, revoked or expired (or its owner is
 * deactivated). One statement: the token, its "last used" time, the owner and their roles.
 */
export async function verifyToken(token: string, ip?: string | null): Promise<Actor | null> {
  if (!token.startsWith('dcp_') || token.length > 200) return null;
  return queryActor(
    sql`with token as (
          select id, user_id, last_used_at from access_tokens
          where token_hash = ${hashToken(token)} and revoked_at is null and expires_at > now()
        ), touched as (
          update access_tokens set last_used_at = now() from token
          where access_tokens.id = token.id
            and (token.last_used_at is null or token.last_used_at < now() - interval '${sql.raw(LAST_USED_RESOLUTION)}')
        )
        select ${actorColumns} from token join users u on u.id = token.user_id where u.active`,
    'token',
    ip,
  );
}
