import { z } from 'zod';
import type { Month } from '@/lib/costs/period';
import { type FilterErrors, MONTH, one, type Search, seoulMonth } from './filters';
import { type RunwayMethod, runwayMethods } from './forecast-runway';

// The runway dashboard's filters as the URL (and the API) carry them:
// /dashboards/runway?pool=dc-primary&months=12&method=compound&threshold=80&asOf=2021-12

export const WINDOW_CHOICES = ['3', '6', '12', '24', '36'] as const;
export const THRESHOLD_CHOICES = ['60', '70', '80', '90', '100'] as const;
/** how far ahead a fill month is looked for */
export const HORIZON_MONTHS = 120;
export const DEFAULT_WINDOW = 12;
export const DEFAULT_THRESHOLD = 100;

/** GET /api/v1/dashboards/runway query; the page reads the same fields leniently. */
export const runwayQuery = z.object({
  pool: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: 'validation.choice' })
    .optional()
    .describe('only this pool (its id, e.g. dc-primary); an unknown one answers 400'),
  months: z
    .enum(WINDOW_CHOICES, { error: 'validation.choice' })
    .optional()
    .describe('N: the months, ending with asOf, the growth is fitted on; default 12'),
  method: z
    .enum(runwayMethods as [RunwayMethod, ...RunwayMethod[]], { error: 'validation.choice' })
    .optional()
    .describe(
      'the growth model the series follows: linear (units a month) or compound (% a month); default linear',
    ),
  threshold: z
    .enum(THRESHOLD_CHOICES, { error: 'validation.choice' })
    .optional()
    .describe('the share of the capacity that counts as full, %; default 100'),
  asOf: z
    .string()
    .trim()
    .regex(MONTH, { error: 'validation.date' })
    .optional()
    .describe(
      'YYYY-MM, not after this month: the last month fitted; default the last month with recorded allocations',
    ),
});

export type RunwayFilters = {
  pool?: string;
  months?: number;
  method?: RunwayMethod;
  threshold?: number;
  asOf?: Month;
};
export type RunwayFilterErrors = FilterErrors<keyof RunwayFilters>;

/** Reads the filters field by field with runwayQuery; each bad value is dropped and named. */
export function parseRunwayFilters(
  search: Search,
  now: Date = new Date(),
): { filters: RunwayFilters; errors: RunwayFilterErrors } {
  const filters: RunwayFilters = {};
  const errors: RunwayFilterErrors = {};
  for (const key of Object.keys(runwayQuery.shape) as (keyof RunwayFilters)[]) {
    const raw = one(search[key]);
    if (raw === undefined) continue;
    const parsed = runwayQuery.shape[key].safeParse(raw);
    if (!parsed.success) {
      errors[key] = key === 'asOf' ? 'month' : 'choice';
      continue;
    }
    const v = parsed.data as string;
    if (key === 'months' || key === 'threshold') filters[key] = Number(v);
    else if (key === 'method') filters.method = v as RunwayMethod;
    else filters[key] = v;
  }
  if (filters.asOf && filters.asOf > seoulMonth(now)) {
    errors.asOf = 'range';
    delete filters.asOf;
  }
  return { filters, errors };
}

/** The filters back as a query string (without `?`), in a stable order; `patch` changes some. */
export function runwaySearch(filters: RunwayFilters, patch: Partial<RunwayFilters> = {}): string {
  const f = { ...filters, ...patch };
  const params = new URLSearchParams();
  for (const key of ['pool', 'months', 'method', 'threshold', 'asOf'] as const) {
    const v = f[key];
    if (v !== undefined && v !== '') params.set(key, String(v));
  }
  return params.toString();
}
