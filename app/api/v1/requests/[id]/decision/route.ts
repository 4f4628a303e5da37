// POST /api/v1/requests/:id/decision — approve or reject the step that awaits the caller

import { withApi } from '@/lib/api/with-api';
import { decideStep, decisionInput } from '@/lib/approvals/decide-step';
import { AppError } from '@/lib/errors/app-error';
import { getRequest } from '@/lib/requests/queries';

export const POST = withApi<{ id: string }>(
  async ({ actor, params, body }) => {
    const input = await body(decisionInput);
    if (!(await getRequest({ actor, requestId: params.id }))) {
      throw new AppError('not_found', { messageKey: 'requestNotFound' });
    }
    await decideStep({ actor, requestId: params.id, ...input });
    return getRequest({ actor, requestId: params.id });
  },
  { permission: 'requests:decide' },
);
