import Link from 'next/link';
import type { ReactNode } from 'react';
import { ScrollRegion } from '@/components/dashboards/scroll-region';
import type { Locale } from '@/lib/i18n/config';
import { type Cell, type Column, formatCell, type ReportTable as Table } from '@/lib/reports/table';

type Props = {
  id: string;
  table: Table;
  locale: Locale;
  caption: string;
  captionHidden?: boolean;
  /** the column naming each row (a row header) */
  rowHeader: string;
  /** a row header's link (a drill-down) */
  rowLink?: (row: Record<string, Cell>) => string | null;
};

const numeric = (c: Column) => (c.kind === 'text' ? undefined : 'num');

/**
 * One table of lib/reports as a real table: caption, column headings with units, a row header per
 * row, the total in <tfoot>; inside a focusable region that scrolls sideways on narrow screens.
 * The exports write the same rows (lib/reports/export.ts).
 */
export function ReportTable({ id, table, locale, caption, captionHidden, rowHeader, rowLink }: Props) {
  const cell = (column: Column, row: Record<string, Cell>, total = false): ReactNode => {
    const value = row[column.key] ?? null;
    const text = total && value === null ? '' : formatCell(column.kind, value, locale);
    if (column.key !== rowHeader)
      return (
        <td key={column.key} className={numeric(column)}>
          {text}
        </td>
      );
    const link = !total && rowLink ? rowLink(row) : null;
    return (
      <th key={column.key} scope="row" className={numeric(column) ?? 'nowrap'}>
        {link ? <Link href={link}>{text}</Link> : text}
      </th>
    );
  };
  return (
    <ScrollRegion labelledBy={`${id}-caption`}>
      <table id={id} data-table={table.id} className="dash-table">
        <caption id={`${id}-caption`} className={captionHidden ? 'sr-only' : undefined}>
          {caption}
        </caption>
        <thead>
          <tr>
            {table.columns.map((c) => (
              <th key={c.key} scope="col" className={numeric(c)}>
                {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            // rows are keyed by position: a table's rows never reorder on the client
            // biome-ignore lint/suspicious/noArrayIndexKey: static server-rendered rows
            <tr key={i}>{table.columns.map((c) => cell(c, row))}</tr>
          ))}
        </tbody>
        {table.total ? (
          <tfoot>
            <tr className="total-row">{table.columns.map((c) => cell(c, table.total!, true))}</tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}
