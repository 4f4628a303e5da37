// GET /api/v1/resources — resources the caller may see
import { withApi } from '@/lib/api/with-api';
import { listResourcesQuery } from '@/lib/resources/list-resources-query';
import { listResources } from '@/lib/resources/queries';

export const GET = withApi(
  async ({ actor, query }) => listResources({ actor, ...query(listResourcesQuery) }),
  {
    permission: 'resources:read',
  },
);
