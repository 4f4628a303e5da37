// GET /api/v1/reports/:month — a closed month's report, its figures exactly as stored when it closed
import { withApi } from '@/lib/api/with-api';
import { getMonthlyReport } from '@/lib/reports/get-monthly-report';

export const GET = withApi<{ month: string }>(
  async ({ actor, params }) => getMonthlyReport({ actor, month: params.month }),
  { permission: 'dashboards:read' },
);
