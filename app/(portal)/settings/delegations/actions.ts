'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { createDelegation, createDelegationInput } from '@/lib/approvals/create-delegation';
import { revokeDelegation } from '@/lib/approvals/revoke-delegation';

/** 대결 지정 — name a substitute for a range of Seoul dates. */
export const createDelegationAction = authedAction(
  createDelegationInput,
  async ({ actor, input }) => createDelegation({ actor, ...input }),
  { permission: 'requests:decide' },
);

/** End one of my substitutions now. */
export const revokeDelegationAction = authedAction(
  z.object({ delegationId: z.uuid({ error: 'errors.delegationNotFound' }) }),
  async ({ actor, input }) => {
    await revokeDelegation({ actor, delegationId: input.delegationId });
    return {};
  },
  { permission: 'requests:decide' },
);
