// GET /dashboards/utilisation/export?table=series|top|hours&format=csv|xlsx&<the page's filters>
// — one utilisation table as a file, with exactly the rows the dashboard shows for the same URL
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { meteringCsv, meteringSheetName, meteringXlsx } from '@/lib/metering/export-table';
import { badRequestTextBody } from '@/lib/metering/field-error-text';
import { fileResponse } from '@/lib/metering/file-response';
import { getUtilisationPage } from '@/lib/metering/get-utilisation-page';

const exportQuery = z.object({
  table: z.enum(['series', 'top', 'hours'], { error: 'validation.choice' }),
  format: z.enum(['csv', 'xlsx'], { error: 'validation.choice' }),
});

export const GET = withApi(
  async ({ req, actor, locale, query }) => {
    const { table, format } = query(exportQuery.passthrough());
    const page = await getUtilisationPage({
      actor,
      search: Object.fromEntries(new URL(req.url).searchParams),
      locale,
    });
    // the page drops a bad filter and says so; a file must not quietly hold other figures
    if (Object.keys(page.errors).length)
      return Response.json(badRequestTextBody(locale, page.errors), { status: 400 });
    const rows = page.tables[table];
    const metric = table === 'hours' ? undefined : page.metric;
    const name = `dcloud-utilisation-${table}-${page.period.from}_${page.period.to}`.replace(
      /[^0-9A-Za-z_-]+/g,
      '-',
    );
    if (format === 'csv')
      return fileResponse(`${name}.csv`, meteringCsv(rows, locale, metric), 'text/csv; charset=utf-8');
    const title = `${meteringSheetName(rows, locale)} ${page.period.from}–${page.period.to}`;
    return fileResponse(`${name}.xlsx`, await meteringXlsx(rows, locale, { title, metric }));
  },
  { permission: 'dashboards:read' },
);
