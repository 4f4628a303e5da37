// GET /api/v1/dashboards/savings — the shared cloud's savings against standalone builds, with its inputs
import { withApi } from '@/lib/api/with-api';
import { getSavingsDashboard } from '@/lib/costs/get-savings-dashboard';
import { savingsQuery } from '@/lib/costs/savings-query';

export const GET = withApi(
  async ({ actor, query }) => getSavingsDashboard({ actor, query: query(savingsQuery) }),
  {
    permission: 'dashboards:read',
  },
);
