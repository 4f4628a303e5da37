import Link from 'next/link';
import type { ReactNode } from 'react';
import type { SortDir } from '@/lib/dashboards/savings-filters';
import { type Cell, type Column, formatCell, type SavingsTable } from '@/lib/dashboards/savings-table';
import type { Locale } from '@/lib/i18n/config';
import { ScrollRegion } from './scroll-region';

export type SortControl = {
  /** the column keys that sort */
  keys: readonly string[];
  current: { key: string; dir: SortDir };
  /** the URL that sorts by a column in a direction */
  href: (key: string, dir: SortDir) => string;
  /** the sort link's text for screen readers ("절감액 기준 내림차순으로 정렬") */
  label: (column: string, dir: SortDir) => string;
};

type Props = {
  id: string;
  table: SavingsTable;
  locale: Locale;
  caption: string;
  /** column headings by key (with their units) */
  labels: Record<string, string>;
  /** show only these columns, in this order (a chart's table view); all when absent */
  only?: string[];
  /** the column that names each row (a row header) */
  rowHeader: string;
  sort?: SortControl;
  /** a row header's link, e.g. a system's breakdown */
  rowLink?: (row: Record<string, Cell>) => string | null;
  captionHidden?: boolean;
  /** leave the total row out (the cumulative view has none) */
  withoutTotal?: boolean;
};

const kindClass = (c: Column) => (c.kind === 'text' ? undefined : 'num');

/**
 * One of the savings tables (lib/dashboards/savings-table.ts) as a real table: a caption, column
 * headings with units, a row header per row, the total in <tfoot>; optionally sortable by links that
 * keep the other filters (aria-sort on the sorted column). Scrolls sideways inside a focusable region.
 */
export function SavingsDataTable(props: Props) {
  const { id, table, locale, caption, labels, only, rowHeader, sort, rowLink, captionHidden } = props;
  const columns = only
    ? only.map((key) => table.columns.find((c) => c.key === key)!).filter(Boolean)
    : table.columns;
  // the total row: no link, and a column without a total stays empty
  const cell = (column: Column, row: Record<string, Cell>, header: boolean, total = false): ReactNode => {
    const value = row[column.key] ?? null;
    const text = total && value === null ? '' : formatCell(column.kind, value, locale);
    const link = header && !total && rowLink ? rowLink(row) : null;
    // prefetch off: each link is this dynamic page again with other filters, not worth fetching ahead
    const content = link ? (
      <Link href={link} prefetch={false}>
        {text}
      </Link>
    ) : (
      text
    );
    return header ? (
      <th key={column.key} scope="row" className={kindClass(column) ?? 'nowrap'}>
        {content}
      </th>
    ) : (
      <td key={column.key} className={kindClass(column)}>
        {content}
      </td>
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
            {columns.map((c) => {
              const label = labels[c.key] ?? c.key;
              const sorted = sort?.current.key === c.key ? sort.current.dir : null;
              const sortable = sort?.keys.includes(c.key);
              const next: SortDir =
                sorted === 'desc' ? 'asc' : sorted === 'asc' ? 'desc' : c.kind === 'text' ? 'asc' : 'desc';
              return (
                <th
                  key={c.key}
                  scope="col"
                  className={kindClass(c)}
                  aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {sort && sortable ? (
                    <Link
                      href={sort.href(c.key, next)}
                      prefetch={false}
                      className="sort-link"
                      aria-label={sort.label(label, next)}
                    >
                      {label}
                      <span aria-hidden="true" className="sort-link__mark">
                        {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}
                      </span>
                    </Link>
                  ) : (
                    label
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            // the first column (year, department, system code) is unique in each table
            <tr key={String(row[table.columns[0]!.key])}>
              {columns.map((c) => cell(c, row, c.key === rowHeader))}
            </tr>
          ))}
        </tbody>
        {props.withoutTotal ? null : (
          <tfoot>
            <tr className="total-row">
              {columns.map((c) => cell(c, table.total, c.key === rowHeader, true))}
            </tr>
          </tfoot>
        )}
      </table>
    </ScrollRegion>
  );
}
