'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { createToken, createTokenInput } from '@/lib/tokens/create-token';
import { revokeToken } from '@/lib/tokens/revoke-token';

/** A personal access token for the signed-in user; the plain token is answered once. */
export const createTokenAction = authedAction(
  createTokenInput,
  async ({ actor, input }) => {
    const { token, expiresAt } = await createToken({ owner: actor, actor, ...input });
    return { token, expiresAt: expiresAt.toISOString() };
  },
  { permission: 'tokens:manage' },
);

export const revokeTokenAction = authedAction(
  z.object({ tokenId: z.uuid({ error: 'errors.not_found' }) }),
  async ({ actor, input }) => {
    await revokeToken({ actor, tokenId: input.tokenId });
    return {};
  },
  { permission: 'tokens:manage' },
);
