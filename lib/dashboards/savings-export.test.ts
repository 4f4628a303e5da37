import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@/db/testing/parse-csv';
import { appErrorOf, demoActor } from '@/lib/admin/test-helpers';
import type { Actor } from '@/lib/auth/actor';
import { getSavingsDashboard } from '@/lib/costs/get-savings-dashboard';
import { savingsQuery } from '@/lib/costs/savings-query';
import { getSavingsPage, type SavingsPage } from './get-savings-page';
import { exportRows, savingsCsv, savingsXlsx } from './savings-export';
import type { Cell, SavingsTable } from './savings-table';

/** What the screen and the exports must agree on: each cell's value, numbers as numbers, nothing as ''. */
const asExported = (cell: Cell) => (cell === null ? '' : cell);

async function readXlsx(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: { values: (string | number)[]; formats: (string | undefined)[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const values: (string | number)[] = [];
    const formats: (string | undefined)[] = [];
    for (let c = 1; c <= sheet.columnCount; c++) {
      const cell = row.getCell(c);
      const v = cell.value;
      values.push(v === null || v === undefined ? '' : typeof v === 'number' ? v : String(v));
      formats.push(cell.numFmt);
    }
    rows.push({ values, formats });
  });
  return { name: sheet.name, rows };
}

describe('savings exports', () => {
  let planner: Actor;
  let page: SavingsPage;

  beforeAll(async () => {
    planner = await demoActor('planner@dcloud.example');
    page = await getSavingsPage({ actor: planner, search: { from: '2016-01', to: '2021-12' }, locale: 'ko' });
  });

  const tables = () => [page.tables.years, page.tables.departments, page.tables.systems] as SavingsTable[];

  it('holds the documented 2016–2021 figures in the per-year table', () => {
    const years = page.tables.years;
    expect(years.rows.map((r) => r.year)).toEqual(['2016', '2017', '2018', '2019', '2020', '2021']);
    expect(years.rows[0]).toMatchObject({
      built: 14,
      standaloneKrw: 397_912_181,
      sharedKrw: 186_126_247,
      savedKrw: 211_785_934,
      savingsPct: 53.2,
    });
    expect(years.rows.at(-1)).toMatchObject({
      cumStandaloneKrw: 6_122_314_952,
      cumSharedKrw: 3_526_116_202,
      cumSavedKrw: 2_596_198_750,
      cumSavingsPct: 42.4,
    });
    expect(years.total).toMatchObject({
      year: '합계',
      built: 78,
      standaloneKrw: 6_122_314_952,
      sharedKrw: 3_526_116_202,
      savedKrw: 2_596_198_750,
      savingsPct: 42.4,
      leadTimeSavedDays: 8_268,
    });
  });

  it('totals every table to the API’s figures for the same period', async () => {
    const api = await getSavingsDashboard({
      actor: planner,
      query: savingsQuery.parse({ from: '2016-01', to: '2021-12' }),
    });
    for (const table of tables()) {
      expect(table.total, table.id).toMatchObject({
        standaloneKrw: api.standaloneKrw,
        sharedKrw: api.sharedKrw,
        savedKrw: api.savedKrw,
        savingsPct: api.savingsPct,
        leadTimeSavedDays: api.leadTimeSavedDays,
      });
      // the rows add up to the total
      for (const key of ['standaloneKrw', 'sharedKrw', 'savedKrw', 'leadTimeSavedDays'])
        expect(
          table.rows.reduce((s, r) => s + Number(r[key]), 0),
          `${table.id}.${key}`,
        ).toBe(table.total[key]);
    }
    expect(page.tables.systems.rows).toHaveLength(78);
    expect(page.tables.departments.total.systems).toBe(api.systemCount);
  });

  it.each(['years', 'departments', 'systems'] as const)('writes the %s table to CSV row for row', (id) => {
    const table = page.tables[id];
    const csv = savingsCsv(table, 'ko');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual(exportRows(table, 'ko').header);
    const expected = [...table.rows, table.total].map((r) =>
      table.columns.map((c) => String(asExported(r[c.key] ?? null))),
    );
    expect(rows).toEqual(expected);
  });

  it.each(['years', 'departments', 'systems'] as const)(
    'writes the %s table to XLSX row for row',
    async (id) => {
      const table = page.tables[id];
      const { name, rows } = await readXlsx(await savingsXlsx(table, 'ko', { title: 'test' }));
      expect(name).toBeTruthy();
      const [header, ...body] = rows;
      expect(header!.values).toEqual(exportRows(table, 'ko').header);
      const expected = [...table.rows, table.total].map((r) =>
        table.columns.map((c) => asExported(r[c.key] ?? null)),
      );
      expect(body.map((r) => r.values)).toEqual(expected);
      // integer KRW as numbers formatted #,##0; percentages with one decimal
      table.columns.forEach((c, i) => {
        if (c.kind === 'krw') expect(body[0]!.formats[i], c.key).toBe('#,##0');
        if (c.kind === 'pct') expect(body[0]!.formats[i], c.key).toBe('0.0');
      });
    },
  );

  it('follows the filters and the sort of the page', async () => {
    const env = await getSavingsPage({
      actor: planner,
      search: { from: '2019-01', to: '2021-12', department: 'ENV', sort: 'savedKrw.desc' },
      locale: 'en',
    });
    expect(env.errors).toEqual({});
    expect(env.tables.years.rows.map((r) => r.year)).toEqual(['2019', '2020', '2021']);
    expect(new Set(env.tables.systems.rows.map((r) => r.department))).toEqual(
      new Set(['Environment and Water Bureau']),
    );
    const saved = env.tables.systems.rows.map((r) => Number(r.savedKrw));
    expect(saved).toEqual([...saved].sort((a, b) => b - a));
    const [header, ...rows] = parseCsv(savingsCsv(env.tables.systems, 'en').slice(1));
    expect(header).toContain('Saved (KRW)');
    expect(rows.slice(0, -1).map((r) => r[0])).toEqual(env.tables.systems.rows.map((r) => r.code));
  });

  it('drops and names a filter it cannot use', async () => {
    const bad = await getSavingsPage({
      actor: planner,
      search: { from: '2016-13', department: 'NOPE', system: 'SYS-AIR' },
      locale: 'ko',
    });
    expect(bad.errors).toEqual({ from: 'month', department: 'choice' });
    expect(bad.filters).toEqual({ system: 'SYS-AIR' });
    expect(bad.tables.systems.rows.map((r) => r.code)).toEqual(['SYS-AIR']);
  });

  it('neutralises a text cell a spreadsheet would run as a formula', () => {
    const table: SavingsTable = {
      id: 'systems',
      columns: [
        { key: 'name', kind: 'text' },
        { key: 'savedKrw', kind: 'krw' },
      ],
      rows: [{ name: '=HYPERLINK("http://x")', savedKrw: -5 }],
      total: { name: '합계', savedKrw: -5 },
    };
    const [, first] = parseCsv(savingsCsv(table, 'ko').slice(1));
    expect(first).toEqual(['\'=HYPERLINK("http://x")', '-5']);
  });

  it('is not for requesters', async () => {
    const staff = await demoActor('staff@dcloud.example');
    expect((await appErrorOf(getSavingsPage({ actor: staff, search: {}, locale: 'ko' }))).code).toBe(
      'forbidden',
    );
  });
});
