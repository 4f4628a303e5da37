import ExcelJS from 'exceljs';
import type { Cell, ColumnKind, ReportTable } from './table';

// The tables as files: CSV (UTF-8 with a BOM, so Excel reads the Korean; CRLF; formula-looking text
// quoted with an apostrophe) and XLSX (numbers as numbers, formatted). Both hold the header, the rows
// and the total row of lib/reports/table.ts: exactly the figures on screen.

export type ExportFormat = 'csv' | 'xlsx';

/** The table as the exports write it: a header of column labels, then the rows and the total. */
export function exportRows(table: ReportTable): { header: string[]; rows: Cell[][] } {
  const rows = table.total ? [...table.rows, table.total] : table.rows;
  return {
    header: table.columns.map((c) => c.label),
    rows: rows.map((row) => table.columns.map((c) => row[c.key] ?? null)),
  };
}

/** A text cell that a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
function csvText(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const csvCell = (value: Cell) =>
  value === null ? '' : typeof value === 'number' ? String(value) : csvText(value);

/** RFC 4180 CSV with CRLF line ends, prefixed with a UTF-8 byte order mark. */
export function tableCsv(table: ReportTable): string {
  const { header, rows } = exportRows(table);
  const lines = [header.map(csvText), ...rows.map((r) => r.map(csvCell))].map((cells) => cells.join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const numFmt: Record<ColumnKind, string | undefined> = {
  krw: '#,##0',
  count: '#,##0',
  pct: '0.0',
  decimal: '0.00',
  text: undefined,
};

/** A sheet name within Excel's 31 characters and without []:*?/\ */
export const sheetName = (title: string) => title.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);

/** One worksheet: a bold, frozen header row, the rows, the total row in bold. */
export async function tableXlsx(
  table: ReportTable,
  meta: { title: string; created?: Date },
): Promise<Buffer> {
  const { header, rows } = exportRows(table);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'D-Cloud Portal';
  workbook.title = meta.title;
  workbook.created = meta.created ?? new Date();
  const sheet = workbook.addWorksheet(sheetName(table.title), { views: [{ state: 'frozen', ySplit: 1 }] });
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

/** The download as a Response: the file name says what and which period. */
export async function exportResponse(
  table: ReportTable,
  format: ExportFormat,
  name: string,
  title: string,
): Promise<Response> {
  const headers = {
    'content-disposition': `attachment; filename="${name}.${format}"`,
    'cache-control': 'private, no-store',
  };
  if (format === 'csv')
    return new Response(tableCsv(table), {
      headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
    });
  return new Response(new Uint8Array(await tableXlsx(table, { title })), {
    headers: {
      ...headers,
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
}
