// GET /dashboards/savings/export?table=years|departments|systems&format=csv|xlsx&<the page's filters>
// — one savings table as a file, with exactly the rows the dashboard shows for the same URL
import { z } from 'zod';
import { withApi } from '@/lib/api/with-api';
import { getSavingsPage } from '@/lib/dashboards/get-savings-page';
import { savingsCsv, savingsXlsx, sheetName } from '@/lib/dashboards/savings-export';
import { AppError } from '@/lib/errors/app-error';

const exportQuery = z.object({
  table: z.enum(['years', 'departments', 'systems'], { error: 'validation.choice' }),
  format: z.enum(['csv', 'xlsx'], { error: 'validation.choice' }),
});

const filterErrorKey = {
  month: 'validation.date',
  order: 'validation.dateOrder',
  choice: 'validation.choice',
};

export const GET = withApi(
  async ({ req, actor, locale, query }) => {
    const { table, format } = query(exportQuery.passthrough());
    const search = Object.fromEntries(new URL(req.url).searchParams);
    const page = await getSavingsPage({ actor, search, locale });
    // the page drops a bad filter and says so; a file must not quietly hold other figures
    const errors = Object.entries(page.errors);
    if (errors.length)
      throw new AppError('bad_request', {
        details: { fieldErrors: Object.fromEntries(errors.map(([k, v]) => [k, [filterErrorKey[v]]])) },
      });
    const rows = page.tables[table];
    const name = `dcloud-savings-${table}-${page.period.from}_${page.period.to}.${format}`;
    const headers = {
      'content-disposition': `attachment; filename="${name}"`,
      'cache-control': 'private, no-store',
    };
    if (format === 'csv')
      return new Response(savingsCsv(rows, locale), {
        headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
      });
    const file = await savingsXlsx(rows, locale, {
      title: `${sheetName(rows, locale)} ${page.period.from}–${page.period.to}`,
    });
    return new Response(new Uint8Array(file), {
      headers: {
        ...headers,
        'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
    });
  },
  { permission: 'dashboards:read' },
);
