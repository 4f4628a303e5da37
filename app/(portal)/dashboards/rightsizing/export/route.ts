// GET /dashboards/rightsizing/export?table=resources|departments&format=csv|xlsx&<the page's filters>
// — one rightsizing table as a file, with exactly the rows the dashboard shows for the same URL
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { meteringCsv, meteringSheetName, meteringXlsx } from '@/lib/metering/export-table';
import { badRequestTextBody } from '@/lib/metering/field-error-text';
import { fileResponse } from '@/lib/metering/file-response';
import { getRightsizingPage } from '@/lib/metering/get-rightsizing-page';

const exportQuery = z.object({
  table: z.enum(['resources', 'departments'], { error: 'validation.choice' }),
  format: z.enum(['csv', 'xlsx'], { error: 'validation.choice' }),
});

export const GET = withApi(
  async ({ req, actor, locale, query }) => {
    const { table, format } = query(exportQuery.passthrough());
    const page = await getRightsizingPage({
      actor,
      search: Object.fromEntries(new URL(req.url).searchParams),
      locale,
    });
    if (Object.keys(page.errors).length)
      return Response.json(badRequestTextBody(locale, page.errors), { status: 400 });
    const rows = page.tables[table];
    const name = `dcloud-rightsizing-${table}-${page.view.to.slice(0, 10)}`;
    if (format === 'csv')
      return fileResponse(`${name}.csv`, meteringCsv(rows, locale), 'text/csv; charset=utf-8');
    return fileResponse(
      `${name}.xlsx`,
      await meteringXlsx(rows, locale, { title: meteringSheetName(rows, locale) }),
    );
  },
  { permission: 'dashboards:read' },
);
