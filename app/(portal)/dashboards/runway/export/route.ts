// GET /dashboards/runway/export?table=runway|series&format=csv|xlsx&<the page's filters> — the runway
// table, or one pool's series (pool=ID), as a file with exactly the rows the dashboard shows
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { exportResponse } from '@/lib/reports/export';
import { throwFilterErrors } from '@/lib/reports/filters';
import { getRunwayPage } from '@/lib/reports/get-runway-page';
import { RUNWAY_TABLES } from '@/lib/reports/runway-tables';

const exportQuery = z.object({
  table: z.enum(RUNWAY_TABLES, { error: 'validation.choice' }),
  format: z.enum(['csv', 'xlsx'], { error: 'validation.choice' }),
});

export const GET = withApi(
  async ({ req, actor, locale, query }) => {
    const { table, format } = query(exportQuery.passthrough());
    const page = await getRunwayPage({
      actor,
      search: Object.fromEntries(new URL(req.url).searchParams),
      locale,
    });
    throwFilterErrors(page.errors);
    const { asOf } = page.view;
    if (table === 'runway')
      return exportResponse(
        page.tables.runway,
        format,
        `dcloud-runway-${asOf}`,
        `${page.tables.runway.title} ${asOf}`,
      );
    // a pool's series: the chart it belongs to names its pool
    const pool = page.filters.pool;
    if (!pool) throwFilterErrors({ pool: 'choice' });
    const series = page.tables.series[pool!]!;
    return exportResponse(series, format, `dcloud-runway-${pool}-${asOf}`, `${series.title} ${asOf}`);
  },
  { permission: 'dashboards:read' },
);
