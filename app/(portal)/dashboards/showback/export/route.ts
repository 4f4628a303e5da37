// GET /dashboards/showback/export?table=departments|systems|months|resources&format=csv|xlsx&<the page's filters>
// — one showback table as a file, with exactly the rows the dashboard shows for the same URL
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { exportResponse } from '@/lib/reports/export';
import { throwFilterErrors } from '@/lib/reports/filters';
import { getShowbackPage } from '@/lib/reports/get-showback-page';
import { SHOWBACK_TABLES } from '@/lib/reports/showback-tables';

const exportQuery = z.object({
  table: z.enum(SHOWBACK_TABLES, { error: 'validation.choice' }),
  format: z.enum(['csv', 'xlsx'], { error: 'validation.choice' }),
});

export const GET = withApi(
  async ({ req, actor, locale, query }) => {
    const { table, format } = query(exportQuery.passthrough());
    const page = await getShowbackPage({
      actor,
      search: Object.fromEntries(new URL(req.url).searchParams),
      locale,
    });
    // the page drops a bad filter and says so; a file must not quietly hold other figures
    throwFilterErrors(page.errors);
    const { from, to } = page.period;
    return exportResponse(
      page.tables[table],
      format,
      `dcloud-showback-${table}-${from}_${to}`,
      `${page.tables[table].title} ${from}–${to}`,
    );
  },
  { permission: 'dashboards:read' },
);
