import { z } from 'zod';
import { type Granularity, nextBucket, seoulDay, seoulMidnight } from './seoul-time';

// The utilisation query (API and dashboard alike): a period, a granularity and a scope. Bounds are
// YYYY-MM (a whole month), YYYY-MM-DD (a whole Seoul day) or an ISO-8601 instant with offset; `to`
// includes its month or day, an instant is exclusive. Each granularity has a longest period, so a
// request can never ask for an unbounded number of points.

export const GRANULARITIES = ['hour', 'day', 'month'] as const;

/** The longest period per granularity, in days (hourly: 31 days = 744 points). */
export const MAX_DAYS: Record<Granularity, number> = { hour: 31, day: 732, month: 366 * 25 };

/** The query string of GET /api/v1/dashboards/utilisation (its OpenAPI parameters come from here). */
export const utilisationQuery = z.object({
  from: z
    .string()
    .max(40)
    .optional()
    .describe(
      'YYYY-MM, YYYY-MM-DD (Seoul) or an ISO-8601 instant; default: 2016-01 (month), 30 days (day), 24 hours (hour) before `to`',
    ),
  to: z
    .string()
    .max(40)
    .optional()
    .describe('YYYY-MM or YYYY-MM-DD, included; or an ISO-8601 instant, excluded; default: now'),
  granularity: z
    .enum(GRANULARITIES, { error: 'validation.choice' })
    .optional()
    .describe(`hour (≤ ${MAX_DAYS.hour} days), day (≤ ${MAX_DAYS.day} days) or month; default month`),
  poolId: z.string().max(100).optional().describe('only this pool'),
  departmentId: z.string().max(100).optional().describe('only this department’s resources (uuid)'),
  systemId: z.string().max(100).optional().describe('only this business system’s resources (uuid)'),
});
export type UtilisationQuery = z.infer<typeof utilisationQuery>;

/** A checked query: an exclusive instant range aligned to whole buckets, and a scope of known ids. */
export type UtilisationInput = {
  from: Date;
  to: Date;
  granularity: Granularity;
  poolId?: string;
  departmentId?: string;
  systemId?: string;
};

/** Why a value was refused: a catalogue key and its values (validation.* or metering.errors.*). */
export type FieldError = { key: string; values?: Record<string, string | number> };
export type FieldErrors = Partial<Record<keyof UtilisationQuery, FieldError>>;

/** What the scope can be: the ids that exist. */
export type ScopeIds = {
  pools: { id: string }[];
  departments: { id: string }[];
  systems: { id: string; departmentId: string }[];
};

const MONTH = /^(\d{4})-(\d{2})$/;
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;
export const HISTORY_START_MONTH = '2016-01';

function realDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= 2000 && y <= 2099 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A bound as an instant: the start of its month or day for `from`, the end for `to`; null when malformed. */
export function parseBound(value: string, edge: 'from' | 'to'): Date | null {
  const v = value.trim();
  const month = MONTH.exec(v);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (!realDay(y, m, 1)) return null;
    const start = seoulMidnight(`${v}-01`);
    return edge === 'from' ? start : nextBucket(start, 'month');
  }
  const day = DAY.exec(v);
  if (day) {
    if (!realDay(Number(day[1]), Number(day[2]), Number(day[3]))) return null;
    const start = seoulMidnight(v);
    return edge === 'from' ? start : nextBucket(start, 'day');
  }
  if (INSTANT.test(v)) {
    const at = new Date(v);
    if (
      Number.isNaN(at.getTime()) ||
      !realDay(Number(v.slice(0, 4)), Number(v.slice(5, 7)), Number(v.slice(8, 10)))
    )
      return null;
    return at;
  }
  return null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Checks a query against the rules and the scopes that exist. Every bad value is named in `errors`
 * (the API answers 400 with all of them; the dashboard drops them and says why) and left out of
 * `input`, whose missing parts take their defaults.
 */
export function checkUtilisationQuery(
  raw: UtilisationQuery,
  scopes: ScopeIds,
  now: Date = new Date(),
): { input: UtilisationInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const granularity: Granularity = raw.granularity ?? 'month';

  // Phase 1: the scope, by ids that exist (a system must belong to the chosen department)
  const scope: Pick<UtilisationInput, 'poolId' | 'departmentId' | 'systemId'> = {};
  if (raw.poolId !== undefined) {
    if (scopes.pools.some((p) => p.id === raw.poolId)) scope.poolId = raw.poolId;
    else errors.poolId = { key: 'validation.choice' };
  }
  if (raw.departmentId !== undefined) {
    if (UUID.test(raw.departmentId) && scopes.departments.some((d) => d.id === raw.departmentId))
      scope.departmentId = raw.departmentId;
    else errors.departmentId = { key: 'validation.choice' };
  }
  if (raw.systemId !== undefined) {
    const system = UUID.test(raw.systemId) ? scopes.systems.find((s) => s.id === raw.systemId) : undefined;
    if (system && (!scope.departmentId || system.departmentId === scope.departmentId))
      scope.systemId = raw.systemId;
    else errors.systemId = { key: 'validation.choice' };
  }

  // Phase 2: the period, defaults filled in, aligned to whole buckets
  const parsed = {
    from: raw.from ? parseBound(raw.from, 'from') : undefined,
    to: raw.to ? parseBound(raw.to, 'to') : undefined,
  };
  if (parsed.from === null) errors.from = { key: 'validation.date' };
  if (parsed.to === null) errors.to = { key: 'validation.date' };
  const to = alignUp(parsed.to ?? nextBucket(alignDown(now, granularity), granularity), granularity);
  const defaultFrom =
    granularity === 'month'
      ? seoulMidnight(`${HISTORY_START_MONTH}-01`)
      : new Date(to.getTime() - (granularity === 'day' ? 30 : 1) * 86_400_000);
  let from = alignDown(parsed.from ?? defaultFrom, granularity);
  if (parsed.from && parsed.to && from >= to) errors.to = { key: 'validation.dateOrder' };
  // an empty period (a `to` before the default start) shows its last bucket
  if (from >= to) from = alignDown(new Date(to.getTime() - 1), granularity);
  const maxMs = MAX_DAYS[granularity] * 86_400_000;
  // the limit applies to the period asked for, before its ends are widened to whole buckets
  const asked = (parsed.to ?? to).getTime() - (parsed.from ?? from).getTime();
  if (asked > maxMs) {
    errors[parsed.from ? 'from' : 'to'] = {
      key: `metering.errors.tooLong.${granularity}`,
      values: { max: MAX_DAYS[granularity] },
    };
    // the dashboard shows the longest period allowed, ending at `to`
    from = alignUp(new Date(to.getTime() - maxMs), granularity);
  }
  return { input: { from, to, granularity, ...scope }, errors };
}

function alignDown(at: Date, granularity: Granularity): Date {
  if (granularity === 'hour') return new Date(Math.floor(at.getTime() / 3_600_000) * 3_600_000);
  const day = seoulMidnight(seoulDay(at));
  return granularity === 'day' ? day : seoulMidnight(`${seoulDay(at).slice(0, 7)}-01`);
}

function alignUp(at: Date, granularity: Granularity): Date {
  const down = alignDown(at, granularity);
  return down.getTime() === at.getTime() ? at : nextBucket(down, granularity);
}
