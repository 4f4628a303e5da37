import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ChartSection } from '@/components/dashboards/chart-section';
import type { Locale } from '@/lib/i18n/config';
import type { RunwayPool, RunwayView } from '@/lib/reports/get-runway';
import type { ReportTable as Table } from '@/lib/reports/table';
import { ReportTable } from './report-table';
import { RunwayChart } from './runway-chart';

type Props = {
  pool: RunwayPool;
  view: RunwayView;
  /** the chart's table view (lib/reports/runway-tables.ts seriesTable) */
  table: Table;
  locale: Locale;
  actions?: ReactNode;
};

/** The dimension that reaches the threshold first on the chosen model, in words. */
type T = (key: string, values?: Record<string, string | number>) => string;

export function firstToFill(pool: RunwayPool, view: RunwayView, t: T) {
  const filling = pool.dimensions
    .filter((d) => d[view.method].monthsLeft !== null)
    .sort((a, b) => a[view.method].monthsLeft! - b[view.method].monthsLeft!)[0];
  if (!filling) return { text: t('chart.none', { months: view.horizonMonths }), filling };
  const f = filling[view.method];
  const dimension = t(`dimensions.${filling.dimension}`);
  return {
    filling,
    text:
      f.status === 'full'
        ? t('chart.full', { dimension })
        : t('chart.first', { dimension, month: f.fillMonth!, months: f.monthsLeft! }),
  };
}

/** One pool's chart of allocation against capacity with its forecast, described in words, with its table view. */
export function RunwayPoolSection({ pool, view, table, locale, actions }: Props) {
  const t = useTranslations('runway');
  const title = t('chart.title', { pool: pool.poolName });
  if (pool.series.length === 0)
    return (
      <section aria-labelledby={`pool-${pool.poolId}-title`} className="dash-section">
        <h2 id={`pool-${pool.poolId}-title`}>{title}</h2>
        <p className="empty">{t('chart.noHistory')}</p>
      </section>
    );
  const desc = t('chart.desc', {
    from: pool.series[0]!.month,
    asOf: view.asOf,
    method: t(`methods.${view.method}`),
    threshold: view.thresholdPct,
    summary: firstToFill(pool, view, t).text,
  });
  return (
    <ChartSection
      id={`pool-${pool.poolId}`}
      title={title}
      description={desc}
      chart={
        <RunwayChart
          series={pool.series}
          thresholdPct={view.thresholdPct}
          locale={locale}
          text={{
            title,
            desc,
            threshold: t('chart.threshold'),
            names: {
              vcpuPct: t('dimensions.vcpu'),
              ramGbPct: t('dimensions.ramGb'),
              storageGbPct: t('dimensions.storageGb'),
            },
          }}
        />
      }
      table={
        <ReportTable
          id={`pool-${pool.poolId}-table`}
          table={table}
          locale={locale}
          caption={t('series.caption', { pool: pool.poolName })}
          rowHeader="month"
        />
      }
      actions={actions}
    />
  );
}
