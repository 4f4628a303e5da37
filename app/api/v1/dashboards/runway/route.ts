// GET /api/v1/dashboards/runway — 용량 전망: when each pool fills at the current growth, with the assumptions
import { withApi } from '@/lib/api/with-api';
import { runwayForApi } from '@/lib/reports/api';
import { runwayQuery } from '@/lib/reports/runway-filters';

export const GET = withApi(async ({ actor, query }) => runwayForApi({ actor, query: query(runwayQuery) }), {
  permission: 'dashboards:read',
});
