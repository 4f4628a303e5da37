// POST /api/v1/requests/:id/cancel — the drafter withdraws the request before provisioning
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors/app-error';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { getRequest } from '@/lib/requests/queries';

export const POST = withApi<{ id: string }>(
  async ({ actor, params }) => {
    if (!(await getRequest({ actor, requestId: params.id }))) {
      throw new AppError('not_found', { messageKey: 'requestNotFound' });
    }
    await cancelRequest({ actor, requestId: params.id });
    return getRequest({ actor, requestId: params.id });
  },
  { permission: 'requests:read' },
);
