// GET /api/v1/resources/:id — one resource with its event history
import { withApi } from '@/lib/api/with-api';
import { AppError } from '@/lib/errors/app-error';
import { getResource } from '@/lib/resources/queries';

export const GET = withApi<{ id: string }>(
  async ({ actor, params }) => {
    const resource = await getResource({ actor, resourceId: params.id });
    if (!resource) throw new AppError('not_found', { messageKey: 'resourceNotFound' });
    return resource;
  },
  { permission: 'resources:read' },
);
