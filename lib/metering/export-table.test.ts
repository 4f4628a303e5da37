import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoActors } from '@/db/testing/fixtures';
import { parseCsv } from '@/db/testing/parse-csv';
import { meteringCsv, meteringXlsx } from './export-table';
import { getRightsizingPage } from './get-rightsizing-page';
import { getUtilisationPage } from './get-utilisation-page';
import { ingestSamples } from './ingest-samples';
import { type Cell, formatMeteringCell, type MeteringTable, meteringColumnLabel } from './metering-tables';
import { sample, seededSystem } from './test-fixtures';

// The exports write the rows the page renders: each CSV and XLSX cell equals the table's value, and
// formatted as on screen it reads the same; headers are the screen's column labels.

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
  const air = await seededSystem('SYS-AIR');
  const resourceId = randomUUID();
  // two days of five-minute samples in April 2033 for SYS-AIR, busier by day
  const samples = Array.from({ length: 2 * 288 }, (_, i) => {
    const at = new Date(Date.parse('2033-04-04T00:00:00+09:00') + i * 300_000);
    const hour = (i / 12) % 24;
    return sample(at.toISOString(), {
      ...air,
      resourceId,
      cpuPct: hour >= 9 && hour < 18 ? 40 : 5,
      ramUsedGb: 9.5,
    });
  });
  await ingestSamples({ samples, now: new Date('2033-04-10T00:00:00+09:00') });
});

const onScreen = (table: MeteringTable) =>
  [...table.rows, ...(table.total ? [table.total] : [])].map((row) =>
    table.columns.map((c) => formatMeteringCell(c.kind, row[c.key] ?? null, 'ko')),
  );
const fromFile = (table: MeteringTable, rows: (string | number | null)[][]) =>
  rows.map((row) =>
    table.columns.map((c, i) => {
      const v = row[i];
      const cell: Cell =
        v === '' || v === null || v === undefined ? null : c.kind === 'text' ? String(v) : Number(v);
      return formatMeteringCell(c.kind, cell, 'ko');
    }),
  );

async function xlsxRows(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  const out: (string | number | null)[][] = [];
  workbook.worksheets[0]!.eachRow((row) => {
    out.push((row.values as (string | number | null)[]).slice(1));
  });
  return out;
}

async function expectSameAsScreen(table: MeteringTable, metric?: 'vcpu' | 'ramGb' | 'storageGb') {
  expect(table.rows.length).toBeGreaterThan(0);
  const csv = parseCsv(meteringCsv(table, 'ko', metric).replace(/^\uFEFF/, ''));
  expect(csv[0]).toEqual(table.columns.map((c) => meteringColumnLabel('ko', c.key, metric)));
  expect(fromFile(table, csv.slice(1))).toEqual(onScreen(table));
  const xlsx = await xlsxRows(await meteringXlsx(table, 'ko', { title: 'test', metric }));
  expect(xlsx[0]).toEqual(csv[0]);
  const body = xlsx.slice(1).map((r) => table.columns.map((_, i) => r[i] ?? null));
  expect(fromFile(table, body)).toEqual(onScreen(table));
  // numbers stay numbers in the workbook
  const numeric = table.columns.findIndex((c) => c.kind !== 'text');
  expect(typeof body.find((r) => r[numeric] !== null)?.[numeric]).toBe('number');
}

describe('utilisation and rightsizing exports', () => {
  it('write exactly the series, top consumers and hourly load the utilisation page shows', async () => {
    const page = await getUtilisationPage({
      actor: a.planner,
      locale: 'ko',
      search: {
        granularity: 'day',
        from: '2033-04-04',
        to: '2033-04-05',
        system: 'SYS-AIR',
        metric: 'ramGb',
      },
    });
    expect(page.errors).toEqual({});
    expect(page.tables.series.rows).toEqual([
      { period: '2033-04-04', allocated: 16, used: 9.5, usedPct: 59.4 },
      { period: '2033-04-05', allocated: 16, used: 9.5, usedPct: 59.4 },
    ]);
    expect(page.tables.hours.rows[10]).toEqual({ hour: '10:00', cpuPct: 40, ramPct: 59.4 });
    expect(page.tables.top.rows[0]).toMatchObject({
      rank: 1,
      code: 'SYS-AIR',
      allocatedHours: 16 * 48,
      usedHours: 456,
    });
    await expectSameAsScreen(page.tables.series, 'ramGb');
    await expectSameAsScreen(page.tables.top, 'ramGb');
    await expectSameAsScreen(page.tables.hours);
  });

  it('shows the 2016–2021 history by month, capacity included', async () => {
    const page = await getUtilisationPage({
      actor: a.planner,
      locale: 'ko',
      search: { from: '2016-01', to: '2021-12' },
    });
    expect(page.tables.series.rows).toHaveLength(72);
    expect(page.tables.series.columns.map((c) => c.key)).toContain('capacity');
    expect(page.tables.top.rows).toHaveLength(10);
    await expectSameAsScreen(page.tables.series, 'vcpu');
  });

  it('drops a bad filter and says why, in the user’s language', async () => {
    const page = await getUtilisationPage({
      actor: a.planner,
      locale: 'en',
      search: { granularity: 'hour', from: '2026-01-01', to: '2026-03-01', department: 'NOPE' },
    });
    expect(page.errors.department).toBe('Choose from the list.');
    expect(page.errors.from).toContain('31 days');
    expect(page.view.series.length).toBeLessThanOrEqual(31 * 24);
  });

  it('writes the rightsizing tables with their totals', async () => {
    const page = await getRightsizingPage({ actor: a.planner, locale: 'ko', search: {} });
    for (const table of [page.tables.resources, page.tables.departments]) {
      expect(table.total).not.toBeNull();
      const csv = parseCsv(meteringCsv(table, 'ko').replace(/^\uFEFF/, ''));
      expect(fromFile(table, csv.slice(1))).toEqual(onScreen(table));
    }
  });
});
