import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { MethodForecast, RunwayMethod } from './forecast-runway';
import type { RunwayPool, RunwayView } from './get-runway';
import { type Column, type ColumnKind, type ReportTable, type Row, roundTo } from './table';

// The runway dashboard's tables: one row per pool and dimension with both models' fill months, and
// each pool chart's series (actual months, then the forecast) as its table view. The page, the
// exports and the monthly report all render these rows.

export type RunwayTableId = 'runway' | 'series';
export const RUNWAY_TABLES: RunwayTableId[] = ['runway', 'series'];

/** A fill month as people read it: the month, or why there is none. */
export function fillText(f: MethodForecast, horizonMonths: number, locale: Locale): string {
  const t = translator(locale);
  if (f.status === 'fills' || f.status === 'full')
    return f.status === 'full' ? t('runway.fill.full', { month: f.fillMonth! }) : f.fillMonth!;
  return t(`runway.fill.${f.status}` as never, { months: horizonMonths } as never);
}

const column = (locale: Locale) => {
  const t = translator(locale);
  return (key: string, kind: ColumnKind, label = t(`runway.columns.${key}` as never)): Column => ({
    key,
    kind,
    label,
  });
};

/** One row per pool and dimension: capacity, allocation now, and each model's growth and fill month. */
export function runwayTable(view: RunwayView, locale: Locale): ReportTable {
  const t = translator(locale);
  const col = column(locale);
  const rows: Row[] = view.pools.flatMap((p) =>
    p.dimensions.map((d) => ({
      pool: p.poolName,
      dimension: t(`runway.dimensions.${d.dimension}` as never),
      capacity: d.capacity,
      current: d.current,
      utilisationPct: d.utilisationPct,
      linearGrowth: d.linear.growth === null ? null : roundTo(d.linear.growth, 2),
      linearFill: fillText(d.linear, view.horizonMonths, locale),
      compoundGrowthPct: d.compound.growth === null ? null : roundTo(d.compound.growth * 100, 2),
      compoundFill: fillText(d.compound, view.horizonMonths, locale),
      monthsLeft: d[view.method].monthsLeft,
    })),
  );
  return {
    id: 'runway',
    title: t('runway.table.title'),
    columns: [
      col('pool', 'text'),
      col('dimension', 'text'),
      col('capacity', 'count'),
      col('current', 'count'),
      col('utilisationPct', 'pct'),
      col('linearGrowth', 'decimal'),
      col('linearFill', 'text'),
      col('compoundGrowthPct', 'decimal'),
      col('compoundFill', 'text'),
      col('monthsLeft', 'count', t(`runway.columns.monthsLeft.${view.method}` as never)),
    ],
    rows,
    total: null,
  };
}

/** A pool chart's figures: each month of the window, then the forecast of the chosen method. */
export function seriesTable(pool: RunwayPool, method: RunwayMethod, locale: Locale): ReportTable {
  const t = translator(locale);
  const col = column(locale);
  return {
    id: 'series',
    title: t('runway.series.sheet', { pool: pool.poolName }),
    columns: [
      col('month', 'text'),
      col('kind', 'text'),
      col('vcpuPct', 'pct'),
      col('ramGbPct', 'pct'),
      col('storageGbPct', 'pct'),
    ],
    rows: pool.series.map((s) => ({
      month: s.month,
      kind: t(s.kind === 'actual' ? 'runway.series.actual' : `runway.series.forecast.${method}`),
      vcpuPct: s.vcpuPct,
      ramGbPct: s.ramGbPct,
      storageGbPct: s.storageGbPct,
    })),
    total: null,
  };
}
