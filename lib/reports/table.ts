import type { Locale } from '@/lib/i18n/config';

// The tables of the showback and runway dashboards and of the monthly report. A page renders a
// table's rows; its CSV/XLSX export writes the same rows (lib/reports/export.ts), so a file holds
// exactly the figures on screen.

/** krw: integer KRW; count: an integer; pct: one decimal %; decimal: two decimals; text: display text */
export type ColumnKind = 'text' | 'krw' | 'count' | 'pct' | 'decimal';
/** `label` is the column's heading in the user's language, with its unit */
export type Column = { key: string; kind: ColumnKind; label: string };
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type ReportTable = {
  /** the table's id, also its export's name */
  id: string;
  /** the sheet's name in an XLSX export */
  title: string;
  columns: Column[];
  rows: Row[];
  /** the total row, shown last (tfoot); none for tables that have no meaningful total */
  total: Row | null;
};

const intl = (locale: Locale) => (locale === 'en' ? 'en-US' : 'ko-KR');

/** A cell as the screen shows it: grouped integers, one-decimal %, two-decimal rates, "—" for nothing. */
export function formatCell(kind: ColumnKind, value: Cell, locale: Locale): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  const digits = kind === 'pct' ? 1 : kind === 'decimal' ? 2 : 0;
  return value.toLocaleString(intl(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Rounds half away from zero to `digits` decimals, as the tables and their exports show it. */
export function roundTo(value: number, digits: number): number {
  const f = 10 ** digits;
  return (Math.sign(value) * Math.round(Math.abs(value) * f)) / f;
}

/** The sum of one numeric column. */
export function sumOf(rows: Row[], key: string): number {
  return rows.reduce((s, r) => s + (typeof r[key] === 'number' ? (r[key] as number) : 0), 0);
}
