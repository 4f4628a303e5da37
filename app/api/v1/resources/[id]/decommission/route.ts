// POST /api/v1/resources/:id/decommission — 반납: the cloud deletes the resource in the background
import { withApi } from '@/lib/api/with-api';
import { decommissionResource } from '@/lib/resources/decommission-resource';
import { getResource } from '@/lib/resources/queries';

export const POST = withApi<{ id: string }>(
  async ({ actor, params }) => {
    await decommissionResource({ actor, resourceId: params.id });
    return Response.json(await getResource({ actor, resourceId: params.id }), { status: 202 });
  },
  { permission: 'resources:read' },
);
