'use server';

import { z } from 'zod';
import { authedAction } from '@/app/_auth/authed-action';
import { decideStep, decisionInput } from '@/lib/approvals/decide-step';
import { AppError } from '@/lib/errors/app-error';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { getRequest } from '@/lib/requests/queries';
import { resubmitRequest, resubmitRequestInput } from '@/lib/requests/resubmit-request';
import { submitRequest, submitRequestInput } from '@/lib/requests/submit-request';

/** 기안 — submit a resource request; the new request's id on success. */
export const submitRequestAction = authedAction(
  submitRequestInput,
  async ({ actor, input }) => {
    const { request } = await submitRequest({ actor, input });
    return { id: request.id };
  },
  { permission: 'requests:create' },
);

const decideActionInput = z.object({ requestId: z.string().max(100) }).and(decisionInput);

/** 결재 / 반려 — decide the step of a request that awaits the caller. */
export const decideAction = authedAction(
  decideActionInput,
  async ({ actor, input }) => {
    // as the API route: a request the caller may not see is answered as one that does not exist
    if (!(await getRequest({ actor, requestId: input.requestId }))) {
      throw new AppError('not_found', { messageKey: 'requestNotFound' });
    }
    return decideStep({ actor, ...input });
  },
  { permission: 'requests:decide' },
);

/** The drafter withdraws a request before provisioning. */
export const cancelRequestAction = authedAction(
  z.object({ requestId: z.string().max(100) }),
  async ({ actor, input }) => {
    await cancelRequest({ actor, requestId: input.requestId });
    return {};
  },
  { permission: 'requests:read' },
);

const resubmitActionInput = z.object({ requestId: z.string().max(100) }).and(resubmitRequestInput);

/** 수정하여 다시 상신 — the drafter revises a rejected request; it starts a new round of approval. */
export const resubmitAction = authedAction(
  resubmitActionInput,
  async ({ actor, input: { requestId, ...input } }) => ({
    request: await resubmitRequest({ actor, requestId, input }),
  }),
  { permission: 'requests:create' },
);
