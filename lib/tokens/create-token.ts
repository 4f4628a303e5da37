import { z } from 'zod';
import { getDb } from '@/db';
import { accessTokens } from '@/db/schema/tokens';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { generateToken, hashToken } from './token-hash';

export const createTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'validation.tokenName' })
    .max(100, { error: 'validation.tokenName' }),
  expiresInDays: z
    .number({ error: 'validation.integer' })
    .int({ error: 'validation.integer' })
    .min(1, { error: 'validation.expiresInDays' })
    .max(365, { error: 'validation.expiresInDays' })
    .default(90),
});
export type CreateTokenInput = z.input<typeof createTokenInput>;

export type CreateTokenOptions = { owner: Actor; actor: Actor } & z.output<typeof createTokenInput>;

/** Creates a personal access token for `owner`; the plain token is returned once and never stored. */
export async function createToken(
  options: CreateTokenOptions,
): Promise<{ id: string; token: string; expiresAt: Date }> {
  const token = generateToken();
  const expiresAt = new Date(Date.now() + options.expiresInDays * 86_400_000);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(accessTokens)
      .values({
        userId: options.owner.id,
        name: options.name,
        tokenHash: hashToken(token),
        prefix: token.slice(0, 10),
        expiresAt,
      })
      .returning({ id: accessTokens.id });
    await writeAudit(tx, {
      actor: options.actor,
      action: 'token.created',
      entityType: 'access_token',
      entityId: row!.id,
      after: { name: options.name, userId: options.owner.id, expiresAt },
    });
    return { id: row!.id, token, expiresAt };
  });
}
