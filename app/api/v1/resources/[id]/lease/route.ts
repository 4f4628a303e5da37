// POST /api/v1/resources/:id/lease — 사용 기간 연장: a later lease end, at most 12 months from today
import { withApi } from '@/lib/api/with-api';
import { extendLease, extendLeaseInput } from '@/lib/lifecycle/extend-lease';
import { getResource } from '@/lib/resources/queries';

export const POST = withApi<{ id: string }>(
  async ({ actor, params, body }) => {
    const { leaseUntil } = await body(extendLeaseInput);
    await extendLease({ actor, resourceId: params.id, leaseUntil });
    return getResource({ actor, resourceId: params.id });
  },
  { permission: 'resources:read' },
);
