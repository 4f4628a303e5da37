import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { lastHistoryMonth } from '@/lib/dashboards/queries';
import { seoulMonth, throwFilterErrors } from './filters';
import { getRunway, type RunwayView } from './get-runway';
import { getShowback, type ShowbackView } from './get-showback';
import { reportFigures } from './report-figures';
import type { runwayQuery } from './runway-filters';
import { periodErrors, showbackPeriod, type showbackQuery } from './showback-filters';

// The dashboards' API use cases (GET /api/v1/dashboards/showback and /runway): the query as the
// routes parse it → the same figures the pages show; and their answers as zod schemas for the
// OpenAPI document.

export type ShowbackApiOptions = { actor: Actor; query: z.output<typeof showbackQuery>; now?: Date };

/** Showback for the API's query; a period out of order or out of range answers 400. */
export async function showbackForApi({
  actor,
  query,
  now = new Date(),
}: ShowbackApiOptions): Promise<ShowbackView> {
  throwFilterErrors(periodErrors(query.from, query.to, now));
  const period = showbackPeriod(query, await lastHistoryMonth(now), now);
  return getShowback({ actor, ...period, departmentId: query.departmentId, systemId: query.systemId, now });
}

export type RunwayApiOptions = { actor: Actor; query: z.output<typeof runwayQuery>; now?: Date };

/** The runway for the API's query; an unknown pool or a month to come answers 400. */
export async function runwayForApi({
  actor,
  query,
  now = new Date(),
}: RunwayApiOptions): Promise<RunwayView> {
  if (query.asOf && query.asOf > seoulMonth(now)) throwFilterErrors({ asOf: 'range' });
  return getRunway({
    actor,
    now,
    filters: {
      pool: query.pool,
      asOf: query.asOf,
      method: query.method,
      months: query.months ? Number(query.months) : undefined,
      threshold: query.threshold ? Number(query.threshold) : undefined,
    },
  });
}

const krw = z.number().int().describe('integer KRW');
const totals = { byAllocationKrw: krw, byUsageKrw: krw };

/** The answer of GET /api/v1/dashboards/showback. */
export const showbackView = z.object({
  from: z.string().describe('YYYY-MM'),
  to: z.string().describe('YYYY-MM'),
  departmentId: z.string().nullable(),
  systemId: z.string().nullable(),
  totals: z.object({ ...totals, rateCardMonthlyKrw: krw }),
  departments: z.array(
    z.object({
      departmentId: z.string(),
      code: z.string(),
      nameKo: z.string(),
      nameEn: z.string(),
      systems: z.number().int(),
      ...totals,
      rateCardMonthlyKrw: krw,
    }),
  ),
  systems: z.array(
    z.object({
      systemId: z.string(),
      code: z.string(),
      name: z.string(),
      departmentId: z.string(),
      hasHistory: z.boolean().describe('the cost model has a history for it'),
      ...totals,
      resources: z.number().int(),
      rateCardMonthlyKrw: krw.describe('its live resources a month on the current rate card'),
    }),
  ),
  departmentMonths: z.array(z.object({ month: z.string(), departmentId: z.string(), ...totals })),
  systemMonths: z.array(z.object({ month: z.string(), systemId: z.string(), ...totals })),
  resources: z.array(
    z.object({
      id: z.string(),
      systemId: z.string(),
      name: z.string(),
      kind: z.string(),
      status: z.string(),
      drTier: z.enum(['none', 'backup', 'replicated']),
      vcpu: z.number(),
      ramGb: z.number(),
      storageGb: z.number(),
      instances: z.number(),
      monthlyKrw: krw,
      createdAt: z.string(),
    }),
  ),
  rateCard: z.object({ name: z.string() }).nullable(),
  basis: z.object({ allocation: z.string(), usage: z.string() }),
});

/** The answer of GET /api/v1/dashboards/runway: the same shape a monthly report stores. */
export const runwayView = reportFigures.shape.runway;
