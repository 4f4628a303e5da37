import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { verifyCredentials } from '@/lib/auth/verify-credentials';
import { AppError } from '@/lib/errors/app-error';
import { createToken, createTokenInput } from './create-token';

/** POST /api/v1/tokens body: credentials for local accounts, or nothing beyond a name with a session. */
export const issueTokenInput = z.object({
  email: z.email({ error: 'validation.email' }).max(254).optional(),
  password: z.string().min(1).max(200).optional(),
  name: createTokenInput.shape.name.optional(),
  expiresInDays: createTokenInput.shape.expiresInDays,
});

export type IssueTokenOptions = {
  input: z.output<typeof issueTokenInput>;
  session: Actor | null;
  ip: string | null;
};

/** Issues a token to whoever proves who they are: a local account's password, or a browser session. */
export async function issueToken({ input, session, ip }: IssueTokenOptions) {
  let owner = session;
  if (input.email !== undefined || input.password !== undefined) {
    const userId = await verifyCredentials({ email: input.email ?? '', password: input.password ?? '' });
    owner = userId ? await loadActor({ id: userId }, 'session', ip) : null;
    if (!owner) throw new AppError('unauthenticated', { messageKey: 'invalidCredentials' });
  }
  if (!owner) throw new AppError('unauthenticated');
  return createToken({
    owner,
    actor: owner,
    name: input.name ?? 'api',
    expiresInDays: input.expiresInDays,
  });
}
