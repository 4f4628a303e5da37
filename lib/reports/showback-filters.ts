import { z } from 'zod';
import { addMonths, type Month, monthIndex } from '@/lib/costs/period';
import { CODE, type FilterErrors, MAX_PERIOD_MONTHS, MONTH, one, type Search, seoulMonth } from './filters';

// The showback dashboard's filters as the URL carries them:
// /dashboards/showback?from=2021-01&to=2021-12&department=TRAFFIC&system=SYS-BIS&basis=usage

export const SHOWBACK_BASES = ['allocation', 'usage'] as const;
export type ShowbackBasis = (typeof SHOWBACK_BASES)[number];

/** Months are YYYY-MM; department and system are codes; basis draws the monthly chart. */
export type ShowbackFilters = {
  from?: Month;
  to?: Month;
  department?: string;
  system?: string;
  basis?: ShowbackBasis;
};
export type ShowbackFilterErrors = FilterErrors<keyof ShowbackFilters>;

/**
 * The period's own rules, shared by the page and the API: `to` not before `from`, neither after this
 * month, and at most MAX_PERIOD_MONTHS long.
 */
export function periodErrors(
  from: Month | undefined,
  to: Month | undefined,
  now: Date,
): FilterErrors<'from' | 'to'> {
  const errors: FilterErrors<'from' | 'to'> = {};
  const current = seoulMonth(now);
  if (from && from > current) errors.from = 'range';
  if (to && to > current) errors.to = 'range';
  if (!errors.from && !errors.to && from && to) {
    if (from > to) errors.to = 'order';
    else if (monthIndex(to) - monthIndex(from) + 1 > MAX_PERIOD_MONTHS) errors.from = 'range';
  }
  return errors;
}

/** Reads the URL's filters; each bad value is dropped and named in `errors`. */
export function parseShowbackFilters(
  search: Search,
  now: Date = new Date(),
): { filters: ShowbackFilters; errors: ShowbackFilterErrors } {
  const filters: ShowbackFilters = {};
  const errors: ShowbackFilterErrors = {};
  for (const edge of ['from', 'to'] as const) {
    const v = one(search[edge]);
    if (v === undefined) continue;
    if (MONTH.test(v)) filters[edge] = v;
    else errors[edge] = 'month';
  }
  for (const [edge, error] of Object.entries(periodErrors(filters.from, filters.to, now))) {
    errors[edge as 'from' | 'to'] = error;
    delete filters[edge as 'from' | 'to'];
  }
  for (const scope of ['department', 'system'] as const) {
    const v = one(search[scope]);
    if (v === undefined) continue;
    if (CODE.test(v)) filters[scope] = v;
    else errors[scope] = 'choice';
  }
  const basis = one(search.basis);
  if (basis !== undefined) {
    if ((SHOWBACK_BASES as readonly string[]).includes(basis)) filters.basis = basis as ShowbackBasis;
    else errors.basis = 'choice';
  }
  return { filters, errors };
}

/** The filters back as a query string (without `?`), in a stable order; `patch` changes some. */
export function showbackSearch(filters: ShowbackFilters, patch: Partial<ShowbackFilters> = {}): string {
  const f = { ...filters, ...patch };
  const params = new URLSearchParams();
  for (const key of ['from', 'to', 'department', 'system', 'basis'] as const) {
    const v = f[key];
    if (v) params.set(key, v);
  }
  return params.toString();
}

/**
 * The period shown when the URL leaves an end open: 12 months ending with the last month of
 * recorded allocations (this month before any), a lone `from` or `to` keeping its own side.
 */
export function showbackPeriod(
  filters: Pick<ShowbackFilters, 'from' | 'to'>,
  lastHistoryMonth: Month | null,
  now: Date = new Date(),
): { from: Month; to: Month } {
  const current = seoulMonth(now);
  const latest = lastHistoryMonth && lastHistoryMonth < current ? lastHistoryMonth : current;
  if (filters.from && filters.to) return { from: filters.from, to: filters.to };
  if (filters.from) {
    // months as YYYY-MM: the earlier one sorts first
    const [to] = [addMonths(filters.from, 11), current].sort() as [Month];
    return { from: filters.from, to };
  }
  const to = filters.to ?? latest;
  return { from: addMonths(to, -11), to };
}

const month = (what: string) =>
  z.string().trim().regex(MONTH, { error: 'validation.date' }).optional().describe(what);

/** GET /api/v1/dashboards/showback query (the period's own rules: periodErrors). */
export const showbackQuery = z.object({
  from: month('YYYY-MM, included; default: 11 months before `to`'),
  to: month('YYYY-MM, included, not after this month; default: the last month with recorded allocations'),
  departmentId: z
    .uuid({ error: 'validation.choice' })
    .optional()
    .describe('only this department’s systems (an unknown one answers 400)'),
  systemId: z
    .uuid({ error: 'validation.choice' })
    .optional()
    .describe('only this business system, with its live resources (an unknown one answers 400)'),
});
