// GET /api/v1/requests/:id — one request with its approval line
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors/app-error';
import { getRequest } from '@/lib/requests/queries';

export const GET = withApi<{ id: string }>(
  async ({ actor, params }) => {
    const request = await getRequest({ actor, requestId: params.id });
    if (!request) throw new AppError('not_found', { messageKey: 'requestNotFound' });
    return request;
  },
  { permission: 'requests:read' },
);
