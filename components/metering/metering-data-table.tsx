import { ScrollRegion } from '@/components/dashboards/scroll-region';
import type { Locale } from '@/lib/i18n/config';
import {
  type Column,
  formatMeteringCell,
  type MeteringTable,
  type Row,
} from '@/lib/metering/metering-tables';

type Props = {
  id: string;
  table: MeteringTable;
  locale: Locale;
  caption: string;
  captionHidden?: boolean;
  /** column headings by key, with their units */
  labels: Record<string, string>;
  /** the column that names each row */
  rowHeader: string;
};

const numeric = (c: Column) => (c.kind === 'text' ? undefined : 'num');

/**
 * A metering table (lib/metering/metering-tables.ts) as a real table: caption, headings with units, a
 * row header per row, the total in <tfoot>; the exports write the same rows.
 */
export function MeteringDataTable({ id, table, locale, caption, captionHidden, labels, rowHeader }: Props) {
  const cells = (row: Row, total = false) =>
    table.columns.map((c) => {
      const value = row[c.key] ?? null;
      const text = total && value === null ? '' : formatMeteringCell(c.kind, value, locale);
      return c.key === rowHeader ? (
        <th key={c.key} scope="row" className={numeric(c) ?? 'nowrap'}>
          {text}
        </th>
      ) : (
        <td key={c.key} className={numeric(c)}>
          {text}
        </td>
      );
    });
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
                {labels[c.key] ?? c.key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, i) => (
            // rows are in a fixed order (time, rank, saving) and never reordered on the client
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <tr key={i}>{cells(row)}</tr>
          ))}
        </tbody>
        {table.total ? (
          <tfoot>
            <tr className="total-row">{cells(table.total, true)}</tr>
          </tfoot>
        ) : null}
      </table>
    </ScrollRegion>
  );
}
