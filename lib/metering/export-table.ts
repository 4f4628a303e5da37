import ExcelJS from 'exceljs';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { Cell, ColumnKind, MeteringTable, Metric } from './metering-tables';
import { meteringColumnLabel } from './metering-tables';

// A metering table as a file, as the savings dashboard does it: CSV (UTF-8 with a BOM, CRLF) and XLSX
// (numbers as numbers, formatted as on screen). Both write the rows of lib/metering/metering-tables.ts
// and the total row last: exactly the figures on screen.

export function exportRows(table: MeteringTable, locale: Locale, metric?: Metric) {
  return {
    header: table.columns.map((c) => meteringColumnLabel(locale, c.key, metric)),
    rows: [...table.rows, ...(table.total ? [table.total] : [])].map((row) =>
      table.columns.map((c) => row[c.key] ?? null),
    ),
  };
}

/** A text cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
const csvCell = (value: Cell) =>
  value === null ? '' : typeof value === 'number' ? String(value) : csvText(value);

export function meteringCsv(table: MeteringTable, locale: Locale, metric?: Metric): string {
  const { header, rows } = exportRows(table, locale, metric);
  const lines = [header.map(csvText), ...rows.map((r) => r.map(csvCell))].map((cells) => cells.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const numFmt: Record<ColumnKind, string | undefined> = {
  int: '#,##0',
  krw: '#,##0',
  dec1: '#,##0.0',
  pct: '0.0',
  text: undefined,
};

/** The sheet's name: the table's title, within Excel's 31 characters and without []:*?/\ */
export function meteringSheetName(table: MeteringTable, locale: Locale): string {
  return translator(
    locale,
    'metering',
  )(`export.sheet.${table.id}` as never)
    .replace(/[[\]:*?/\\]/g, ' ')
    .slice(0, 31);
}

export async function meteringXlsx(
  table: MeteringTable,
  locale: Locale,
  meta: { title: string; metric?: Metric; created?: Date },
): Promise<Buffer> {
  const { header, rows } = exportRows(table, locale, meta.metric);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'D-Cloud Portal';
  workbook.title = meta.title;
  workbook.created = meta.created ?? new Date();
  const sheet = workbook.addWorksheet(meteringSheetName(table, locale), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c, i) => ({
    key: c.key,
    width: Math.max(10, Math.min(40, header[i]!.length * 2 + 2)),
    style: numFmt[c.kind] ? { numFmt: numFmt[c.kind] } : {},
  }));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  if (table.total) sheet.lastRow!.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
