'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { decommissionResource } from '@/lib/resources/decommission-resource';

/** 반납 — hand a resource back; the cloud deletes it in the background. */
export const decommissionAction = authedAction(
  z.object({ resourceId: z.string().max(100) }),
  async ({ actor, input }) => {
    await decommissionResource({ actor, resourceId: input.resourceId });
    return {};
  },
  { permission: 'resources:read' },
);
