import ExcelJS from 'exceljs';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import { type Cell, type Column, columnLabel, type SavingsTable } from './savings-table';

// The savings tables as files: CSV (UTF-8 with a BOM, so Excel reads the Korean) and XLSX (integer
// KRW cells as numbers formatted #,##0). Both hold the rows of lib/dashboards/savings-table.ts,
// the total row last: exactly the figures on screen.

export type ExportFormat = 'csv' | 'xlsx';

/** The table's rows as the export writes them: a header of labels, then the rows and the total. */
export function exportRows(table: SavingsTable, locale: Locale): { header: string[]; rows: Cell[][] } {
  return {
    header: table.columns.map((c) => columnLabel(locale, c.key)),
    rows: [...table.rows, table.total].map((row) => table.columns.map((c) => row[c.key] ?? null)),
  };
}

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function csvCell(value: Cell): string {
  if (value === null) return '';
  return typeof value === 'number' ? String(value) : csvText(value);
}

/** RFC 4180 CSV with CRLF line ends, prefixed with a UTF-8 byte order mark. */
export function savingsCsv(table: SavingsTable, locale: Locale): string {
  const { header, rows } = exportRows(table, locale);
  const lines = [header.map(csvText), ...rows.map((r) => r.map(csvCell))].map((cells) => cells.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const numFmt: Record<Column['kind'], string | undefined> = {
  krw: '#,##0',
  count: '#,##0',
  pct: '0.0',
  text: undefined,
};

/** The sheet's name: the table's title, within Excel's 31 characters and without []:*?/\ */
export function sheetName(table: SavingsTable, locale: Locale): string {
  const title = translator(locale, 'dashboards')(`export.sheet.${table.id}` as never);
  return title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
}

/** One worksheet: a bold header row (frozen), the rows, the total row in bold. */
export async function savingsXlsx(
  table: SavingsTable,
  locale: Locale,
  meta: { title: string; created?: Date },
): Promise<Buffer> {
  const { header, rows } = exportRows(table, locale);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'D-Cloud Portal';
  workbook.title = meta.title;
  workbook.created = meta.created ?? new Date();
  const sheet = workbook.addWorksheet(sheetName(table, locale), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  sheet.columns = table.columns.map((c, i) => ({
    key: c.key,
    width: Math.max(10, Math.min(40, header[i]!.length * 2 + 2)),
    style: numFmt[c.kind] ? { numFmt: numFmt[c.kind] } : {},
  }));
  sheet.addRow(header).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.lastRow!.font = { bold: true };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
