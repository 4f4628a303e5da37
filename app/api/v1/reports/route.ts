// GET /api/v1/reports — the closed months; POST /api/v1/reports { month } — 월 마감 (201 closed now, 200 already closed)
import { withApi } from '@/lib/api/with-api';
import { closeMonth } from '@/lib/reports/close-month';
import { getMonthlyReport, listMonthlyReports } from '@/lib/reports/get-monthly-report';
import { closeMonthInput } from '@/lib/reports/report-figures';

export const GET = withApi(async ({ actor }) => listMonthlyReports({ actor }), {
  permission: 'dashboards:read',
});

export const POST = withApi(
  async ({ actor, body }) => {
    const { month } = await body(closeMonthInput);
    const { created } = await closeMonth({ month, actor });
    return Response.json(await getMonthlyReport({ actor, month }), { status: created ? 201 : 200 });
  },
  { permission: 'reports:close' },
);
