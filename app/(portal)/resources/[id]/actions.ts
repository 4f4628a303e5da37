'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { extendLease } from '@/lib/lifecycle/extend-lease';
import { changeRequestInput, requestChange } from '@/lib/lifecycle/request-change';
import { decommissionResource } from '@/lib/resources/decommission-resource';

const resourceId = z.string().max(100);

/** 반납 — hand a resource back; the cloud deletes it in the background. */
export const decommissionAction = authedAction(
  z.object({ resourceId }),
  async ({ actor, input }) => {
    await decommissionResource({ actor, resourceId: input.resourceId });
    return {};
  },
  { permission: 'resources:read' },
);

/** 변경 신청 — a resize or a scale-up of this resource; the new request's id on success. */
export const requestChangeAction = authedAction(
  changeRequestInput.extend({ resourceId }),
  async ({ actor, input: { resourceId, ...input } }) => {
    const request = await requestChange({ actor, resourceId, input });
    return { id: request.id };
  },
  { permission: 'requests:create' },
);

/** 사용 기간 연장 — a later lease end (YYYY-MM-DD); checked by extendLease. */
export const extendLeaseAction = authedAction(
  z.object({ resourceId, leaseUntil: z.string().max(20) }),
  async ({ actor, input }) => extendLease({ actor, ...input }),
  { permission: 'resources:read' },
);
