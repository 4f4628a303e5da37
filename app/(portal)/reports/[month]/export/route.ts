// GET /reports/YYYY-MM/export?table=departments|systems|savings|runway&format=csv|xlsx — a closed
// month's table as a file, from the stored figures: exactly what the report shows
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { exportResponse } from '@/lib/reports/export';
import { getMonthlyReport } from '@/lib/reports/get-monthly-report';
import { REPORT_TABLES, reportTables } from '@/lib/reports/report-tables';

const exportQuery = z.object({
  table: z.enum(REPORT_TABLES, { error: 'validation.choice' }),
  format: z.enum(['csv', 'xlsx'], { error: 'validation.choice' }),
});

export const GET = withApi<{ month: string }>(
  async ({ actor, locale, params, query }) => {
    const { table, format } = query(exportQuery);
    const { figures } = await getMonthlyReport({ actor, month: params.month });
    const rows = reportTables(figures, locale)[table];
    return exportResponse(
      rows,
      format,
      `dcloud-report-${figures.month}-${table}`,
      `${rows.title} ${figures.month}`,
    );
  },
  { permission: 'dashboards:read' },
);
