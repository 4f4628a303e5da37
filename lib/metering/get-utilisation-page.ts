import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import type { Locale } from '@/lib/i18n/config';
import { fieldErrorText } from './field-error-text';
import { type Consumer, type HourLoad, loadByHour, topConsumers } from './get-usage-breakdowns';
import { getUtilisation, type Utilisation } from './get-utilisation';
import {
  hoursTable,
  METRICS,
  type MeteringTable,
  type Metric,
  seriesTable,
  topTable,
} from './metering-tables';
import { listUtilisationScopes, type UtilisationScopes } from './queries';
import { bucketLabel, type Granularity } from './seoul-time';
import {
  checkUtilisationQuery,
  GRANULARITIES,
  type UtilisationInput,
  type UtilisationQuery,
} from './utilisation-input';

// The utilisation dashboard (/dashboards/utilisation and its exports). The URL carries the filters
// with codes people can read: ?granularity=month&from=2016-01&to=2021-12&pool=dc-primary
// &department=TRAFFIC&system=SYS-BIS&metric=vcpu. A bad value is dropped and named, never a 500.

export type UtilisationFilters = {
  granularity?: Granularity;
  from?: string;
  to?: string;
  pool?: string;
  department?: string;
  system?: string;
  metric?: Metric;
};
export type UtilisationField = keyof UtilisationFilters;

export type UtilisationPage = {
  filters: UtilisationFilters;
  /** why each dropped value was, in the user's language */
  errors: Partial<Record<UtilisationField, string>>;
  input: UtilisationInput;
  metric: Metric;
  /** the period shown, as its first and last bucket labels */
  period: { from: string; to: string };
  scopes: UtilisationScopes;
  view: Utilisation;
  consumers: Consumer[];
  hours: HourLoad[];
  /** capacity is a pool's figure: shown only when no department or system narrows the view */
  withCapacity: boolean;
  tables: { series: MeteringTable; top: MeteringTable; hours: MeteringTable };
};

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => {
  const x = Array.isArray(v) ? v[0] : v;
  return x === undefined || x.trim() === '' ? undefined : x.trim().slice(0, 60);
};

export async function getUtilisationPage({
  actor,
  search,
  locale,
  now = new Date(),
}: {
  actor: Actor;
  search: Search;
  locale: Locale;
  now?: Date;
}): Promise<UtilisationPage> {
  requirePermission(actor, 'dashboards:read');
  const scopes = await listUtilisationScopes();
  const filters: UtilisationFilters = {};
  const errors: UtilisationPage['errors'] = {};
  const choice = fieldErrorText(locale, { key: 'validation.choice' });

  // Phase 1: the URL's codes to ids; an unknown one is dropped and named
  const granularity = one(search.granularity);
  if (granularity && (GRANULARITIES as readonly string[]).includes(granularity))
    filters.granularity = granularity as Granularity;
  else if (granularity) errors.granularity = choice;
  const metric = one(search.metric);
  if (metric && (METRICS as readonly string[]).includes(metric)) filters.metric = metric as Metric;
  else if (metric) errors.metric = choice;
  const query: UtilisationQuery = { granularity: filters.granularity };
  const pool = one(search.pool);
  if (pool && scopes.pools.some((p) => p.id === pool)) query.poolId = filters.pool = pool;
  else if (pool) errors.pool = choice;
  const department = one(search.department);
  const dept = department ? scopes.departments.find((d) => d.code === department) : undefined;
  if (dept) {
    filters.department = dept.code;
    query.departmentId = dept.id;
  } else if (department) errors.department = choice;
  const systemCode = one(search.system);
  const system = systemCode ? scopes.systems.find((s) => s.code === systemCode) : undefined;
  if (system && (!dept || system.departmentId === dept.id)) {
    filters.system = system.code;
    query.systemId = system.id;
  } else if (systemCode) errors.system = choice;
  for (const edge of ['from', 'to'] as const) {
    const v = one(search[edge]);
    if (v) query[edge] = filters[edge] = v;
  }

  // Phase 2: the shared rules (period format, order and length); a refused bound falls back to its default
  let checked = checkUtilisationQuery(query, scopes, now);
  for (const [field, error] of Object.entries(checked.errors)) {
    if (field === 'from' || field === 'to') {
      errors[field] = fieldErrorText(locale, error!);
      delete filters[field];
    }
  }
  if (errors.from || errors.to) {
    const kept = { ...query, from: filters.from, to: filters.to };
    checked = checkUtilisationQuery(kept, scopes, now);
  }
  const input = checked.input;
  const chosenMetric = filters.metric ?? 'vcpu';
  const withCapacity = !input.departmentId && !input.systemId;

  // Phase 3: the figures (rollups only) and the tables made from them
  const [view, consumers, hours] = await Promise.all([
    getUtilisation({ actor, input }),
    topConsumers(input),
    loadByHour(input),
  ]);
  const last = view.series.at(-1);
  return {
    filters,
    errors,
    input,
    metric: chosenMetric,
    period: { from: bucketLabel(input.from, input.granularity), to: last?.label ?? '' },
    scopes,
    view,
    consumers,
    hours,
    withCapacity,
    tables: {
      series: seriesTable(view, chosenMetric, withCapacity),
      top: topTable(consumers, chosenMetric, locale),
      hours: hoursTable(hours),
    },
  };
}

/** The filters back as a query string (without `?`), in a stable order; `patch` changes some. */
export function utilisationSearch(
  filters: UtilisationFilters,
  patch: Partial<UtilisationFilters> = {},
): string {
  const f = { ...filters, ...patch };
  const params = new URLSearchParams();
  for (const key of ['granularity', 'from', 'to', 'pool', 'department', 'system', 'metric'] as const) {
    const v = f[key];
    if (v) params.set(key, v);
  }
  return params.toString();
}
