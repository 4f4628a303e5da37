'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { checkFit } from '@/lib/capacity/check-fit';

/** The form's live fit: would this request fit the pool and the drafter's department quota now? */
export const checkFitAction = authedAction(
  z.object({
    kind: z.enum(['vm', 'platform_slot', 'volume']),
    spec: z.record(z.string(), z.unknown()),
    drTier: z.enum(['none', 'backup', 'replicated']),
  }),
  async ({ actor, input }) => checkFit({ departmentId: actor.departmentId, ...input }),
  { permission: 'requests:create' },
);
