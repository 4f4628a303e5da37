import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as runwayExport } from '@/app/(portal)/dashboards/runway/export/route';
import { GET as showbackExport } from '@/app/(portal)/dashboards/showback/export/route';
import { GET as reportExport } from '@/app/(portal)/reports/[month]/export/route';
import { demoActor } from '@/db/testing/fixtures';
import { type ApiError, apiToken } from '@/db/testing/http';
import { runInRequestScope } from '@/db/testing/next-request-scope';
import { parseCsv } from '@/db/testing/parse-csv';
import type { Actor } from '@/lib/auth/actor';
import { closeMonth } from './close-month';
import { exportRows, tableCsv, tableXlsx } from './export';
import { getMonthlyReport } from './get-monthly-report';
import { getRunwayPage } from './get-runway-page';
import { getShowbackPage } from './get-showback-page';
import { reportTables } from './report-tables';
import type { Cell, ReportTable } from './table';

async function readXlsx(file: ArrayBuffer | Buffer): Promise<(string | number)[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: (string | number)[][] = [];
  sheet.eachRow({ includeEmpty: false }, (r) => {
    const values: (string | number)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const v = r.getCell(c).value;
      values.push(v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v));
    }
    rows.push(values);
  });
  return rows;
}

/** The body as sent, byte order mark included (Response.text() drops it). */
const textOf = async (res: Response) =>
  new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer());

/** What the screen shows and a file must hold: each cell's value, numbers as numbers, nothing as ''. */
const screen = (table: ReportTable) => {
  const { header, rows } = exportRows(table);
  return [header, ...rows.map((r) => r.map((c: Cell) => (c === null ? '' : c)))];
};
const asCsv = (rows: (string | number)[][]) =>
  rows.map((r) => r.map((c) => (typeof c === 'number' ? String(c) : c.replace(/^'(?=[=+\-@])/, ''))));

async function download(
  handler: (req: Request, ctx: { params: Promise<never> }) => Promise<Response>,
  path: string,
  token: string,
  params: unknown = {},
) {
  const req = new Request(new URL(path, 'http://localhost:3000'), {
    headers: { authorization: `Bearer ${token}` },
  });
  return runInRequestScope(req, () => handler(req, { params: Promise.resolve(params as never) }));
}

describe('showback, runway and report exports', () => {
  let planner: Actor;
  let token: string;
  beforeAll(async () => {
    planner = await demoActor('planner');
    token = await apiToken('planner');
  });

  it.each([
    {
      label: 'all departments',
      search: { from: '2021-01', to: '2021-12' },
      tables: ['departments', 'months'],
    },
    {
      label: 'one department by usage',
      search: { from: '2020-07', to: '2021-06', department: 'TRAFFIC', basis: 'usage' },
      tables: ['systems', 'months'],
    },
  ] as const)(
    'writes the showback rows on screen for $label, in CSV and XLSX',
    async ({ search, tables }) => {
      const page = await getShowbackPage({ actor: planner, search, locale: 'ko' });
      for (const id of tables) {
        const table = page.tables[id];
        expect(table.rows.length).toBeGreaterThan(0);
        expect(asCsv(parseCsv(tableCsv(table).slice(1)))).toEqual(asCsv(screen(table)));
        expect(await readXlsx(await tableXlsx(table, { title: 't' }))).toEqual(screen(table));
        // and the route answers the same file for the page's URL
        const q = new URLSearchParams({ ...search, table: id, format: 'csv' } as Record<string, string>);
        const res = await download(showbackExport, `/dashboards/showback/export?${q}`, token);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toContain('text/csv');
        expect(await textOf(res)).toBe(tableCsv(table));
      }
      // the months table adds up to the units table, month by month and in all
      const units = page.tables[tables[0]];
      expect(page.tables.months.total!.totalKrw).toBe(
        units.total![search.basis === 'usage' ? 'byUsageKrw' : 'byAllocationKrw'],
      );
    },
  );

  it('writes the runway table and a pool’s series as on screen', async () => {
    const search = { asOf: '2021-12', months: '12', method: 'compound', threshold: '90', pool: 'dc-primary' };
    // the export answers in the caller's language: Korean without a cookie or Accept-Language
    const page = await getRunwayPage({ actor: planner, search, locale: 'ko' });
    for (const [id, table] of [
      ['runway', page.tables.runway],
      ['series', page.tables.series['dc-primary']!],
    ] as const) {
      expect(table.rows.length).toBeGreaterThan(0);
      const q = new URLSearchParams({ ...search, table: id, format: 'xlsx' });
      const res = await download(runwayExport, `/dashboards/runway/export?${q}`, token);
      expect(res.status).toBe(200);
      expect(await readXlsx(await res.arrayBuffer())).toEqual(screen(table));
    }
  });

  it('writes a closed month’s tables from its stored figures', async () => {
    await closeMonth({ month: '2021-06', actor: planner });
    const { figures } = await getMonthlyReport({ actor: planner, month: '2021-06' });
    const tables = reportTables(figures, 'ko');
    for (const id of ['departments', 'systems', 'savings', 'runway'] as const) {
      const res = await download(reportExport, `/reports/2021-06/export?table=${id}&format=csv`, token, {
        month: '2021-06',
      });
      expect(res.status).toBe(200);
      expect(await textOf(res)).toBe(tableCsv(tables[id]));
    }
  });

  it.each([
    {
      label: 'a malformed month',
      path: '/dashboards/showback/export?table=months&format=csv&from=2021-13',
      field: 'from',
    },
    {
      label: 'an unknown department',
      path: '/dashboards/showback/export?table=departments&format=csv&department=NOPE',
      field: 'department',
    },
    {
      label: 'a month to come',
      path: '/dashboards/showback/export?table=months&format=csv&to=2099-01',
      field: 'to',
    },
    {
      label: 'an unknown table',
      path: '/dashboards/showback/export?table=secrets&format=csv',
      field: 'table',
    },
  ])('answers 400 to $label in a showback export', async ({ path, field }) => {
    const res = await download(showbackExport, path, token);
    expect(res.status).toBe(400);
    const body = (await res.json()) as ApiError;
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details!.fieldErrors).toHaveProperty([field]);
  });

  it.each([
    {
      label: 'a threshold out of range',
      path: '/dashboards/runway/export?table=runway&format=csv&threshold=150',
      field: 'threshold',
    },
    {
      label: 'an unknown pool',
      path: '/dashboards/runway/export?table=runway&format=csv&pool=dc-moon',
      field: 'pool',
    },
    {
      label: 'a series without its pool',
      path: '/dashboards/runway/export?table=series&format=csv',
      field: 'pool',
    },
  ])('answers 400 to $label in a runway export', async ({ path, field }) => {
    const res = await download(runwayExport, path, token);
    expect(res.status).toBe(400);
    expect(((await res.json()) as ApiError).error.details!.fieldErrors).toHaveProperty([field]);
  });
});
