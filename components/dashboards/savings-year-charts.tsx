import { useTranslations } from 'next-intl';
import { formatKrwHeadline, formatPct } from '@/lib/dashboards/format';
import { cumulativeColumnKeys, type SavingsTable } from '@/lib/dashboards/savings-table';
import type { Locale } from '@/lib/i18n/config';
import { ChartSection } from './chart-section';
import { ExportLinks } from './export-links';
import { LazySavingsChart } from './lazy-savings-chart';
import type { YearPoint } from './savings-charts';
import { SavingsDataTable } from './savings-data-table';

type Props = {
  /** the per-year table (lib/dashboards/savings-table.ts): the charts draw its rows */
  table: SavingsTable;
  /** the savings over the whole period, for the description */
  savingsPct: number | null;
  /** column headings by key */
  labels: Record<string, string>;
  /** the page's filters as a query string, for the downloads */
  search: string;
  periodText: string;
  locale: Locale;
};

/**
 * The per-year chart (standalone vs shared as bars, savings % as a line) and the cumulative one,
 * each described in words and with its table view; both draw the rows the per-year table shows.
 */
export function SavingsYearCharts({ table, savingsPct, labels, search, periodText, locale }: Props) {
  const t = useTranslations('dashboards.savings');
  const data: YearPoint[] = table.rows.map((r) => ({
    year: String(r.year),
    standaloneKrw: Number(r.standaloneKrw),
    sharedKrw: Number(r.sharedKrw),
    savingsPct: r.savingsPct === null ? null : Number(r.savingsPct),
    cumStandaloneKrw: Number(r.cumStandaloneKrw),
    cumSharedKrw: Number(r.cumSharedKrw),
    cumSavedKrw: Number(r.cumSavedKrw),
  }));
  const withPct = data.filter((d) => d.savingsPct !== null);
  const pcts = withPct.map((d) => d.savingsPct!);
  const last = data.at(-1);
  const yearDesc = withPct.length
    ? t('yearChart.desc', {
        first: withPct[0]!.year,
        last: withPct.at(-1)!.year,
        min: formatPct(Math.min(...pcts), locale),
        max: formatPct(Math.max(...pcts), locale),
        total: formatPct(savingsPct, locale),
      })
    : t('noData');
  const cumDesc = last
    ? t('cumulativeChart.desc', {
        last: last.year,
        saved: formatKrwHeadline(last.cumSavedKrw, locale),
        standalone: formatKrwHeadline(last.cumStandaloneKrw, locale),
        shared: formatKrwHeadline(last.cumSharedKrw, locale),
      })
    : t('noData');
  const series = Object.fromEntries(
    ['standaloneKrw', 'sharedKrw', 'savingsPct', 'cumStandaloneKrw', 'cumSharedKrw', 'cumSavedKrw'].map(
      (k) => [k, t(`series.${k}` as never)],
    ),
  );
  return (
    <>
      <ChartSection
        id="years"
        title={t('yearChart.title')}
        description={yearDesc}
        chart={
          <LazySavingsChart
            kind="year"
            data={data}
            locale={locale}
            text={{ title: t('yearChart.title'), desc: yearDesc, series }}
          />
        }
        table={
          <SavingsDataTable
            id="years-table"
            table={table}
            locale={locale}
            caption={t('yearChart.caption', { period: periodText })}
            labels={labels}
            rowHeader="year"
          />
        }
        actions={<ExportLinks table="years" search={search} title={t('yearChart.title')} />}
      />
      <ChartSection
        id="cumulative"
        deferred
        title={t('cumulativeChart.title')}
        description={cumDesc}
        chart={
          <LazySavingsChart
            kind="cumulative"
            data={data}
            locale={locale}
            text={{ title: t('cumulativeChart.title'), desc: cumDesc, series }}
          />
        }
        table={
          <SavingsDataTable
            id="cumulative-table"
            table={table}
            locale={locale}
            caption={t('cumulativeChart.caption', { period: periodText })}
            labels={labels}
            rowHeader="year"
            only={cumulativeColumnKeys}
            withoutTotal
          />
        }
      />
    </>
  );
}
