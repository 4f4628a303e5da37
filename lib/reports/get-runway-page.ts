import type { Actor } from '@/lib/auth/actor';
import type { Locale } from '@/lib/i18n/config';
import type { Search } from './filters';
import { getRunway, type RunwayView } from './get-runway';
import { parseRunwayFilters, type RunwayFilterErrors, type RunwayFilters } from './runway-filters';
import { runwayTable, seriesTable } from './runway-tables';
import type { ReportTable } from './table';

export type RunwayPage = {
  filters: RunwayFilters;
  errors: RunwayFilterErrors;
  /** every pool, for the filter form */
  pools: { id: string; name: string }[];
  /** the forecast for the pools in scope */
  view: RunwayView;
  tables: { runway: ReportTable; series: Record<string, ReportTable> };
};

export type GetRunwayPageOptions = { actor: Actor; search: Search; locale: Locale; now?: Date };

/** The runway dashboard (/dashboards/runway and its exports): an unknown pool is dropped and named. */
export async function getRunwayPage({
  actor,
  search,
  locale,
  now,
}: GetRunwayPageOptions): Promise<RunwayPage> {
  const { filters, errors } = parseRunwayFilters(search, now);
  const all = await getRunway({ actor, filters: { ...filters, pool: undefined }, now });
  if (filters.pool && !all.pools.some((p) => p.poolId === filters.pool)) {
    errors.pool = 'choice';
    delete filters.pool;
  }
  const view = { ...all, pools: all.pools.filter((p) => !filters.pool || p.poolId === filters.pool) };
  return {
    filters,
    errors,
    pools: all.pools.map((p) => ({ id: p.poolId, name: p.poolName })),
    view,
    tables: {
      runway: runwayTable(view, locale),
      series: Object.fromEntries(view.pools.map((p) => [p.poolId, seriesTable(p, view.method, locale)])),
    },
  };
}
