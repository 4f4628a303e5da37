import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { businessSystems, departments } from '@/db/schema/org';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { seoulToday } from '@/lib/format/dates';
import { computeSavings, type SavingsResult } from './compute-savings';
import { readCostInputsVersion, versionedCache } from './cost-inputs-version';
import { loadCostInputs } from './load-cost-inputs';
import type { SavingsQuery } from './savings-query';
import type { SavingsView } from './savings-view';

/** The dashboards start where D-Cloud did. */
export const HISTORY_START = '2016-01-01';

export type GetSavingsDashboardOptions = { actor: Actor; query: SavingsQuery; now?: Date };

/**
 * The model's results by period and scope, for the inputs' version they were computed from
 * (lib/costs/cost-inputs-version.ts): the model runs once per change of its inputs, not per request.
 * Shared between requests: never mutated.
 */
const computed = versionedCache<SavingsResult>();

/**
 * GET /api/v1/dashboards/savings: the model's savings over a period (default 2016-01 to today),
 * for everything, one department or one system, with the inputs used; the per-system breakdown and
 * the monthly unit rates on request (`detail`).
 */
export async function getSavingsDashboard({
  actor,
  query,
  now = new Date(),
}: GetSavingsDashboardOptions): Promise<SavingsView> {
  requirePermission(actor, 'dashboards:read');
  const period = { from: query.from ?? HISTORY_START, to: query.to ?? seoulToday(now) };
  if (period.from > period.to)
    throw new AppError('bad_request', { details: { fieldErrors: { to: ['validation.dateOrder'] } } });

  // Phase 1: the inputs' version first, so a result cached under it was computed from that state or a later one
  const version = await readCostInputsVersion();
  const key = JSON.stringify([period.from, period.to, query.departmentId ?? null, query.systemId ?? null]);
  let result = computed.get(version, key);
  if (!result) {
    // Phase 2: the scope must exist (an existing department or system without history answers zeros);
    // departments and systems are inputs too, so a cached result vouches for its scope
    const db = getDb();
    if (query.departmentId) {
      const [d] = await db
        .select({ id: departments.id })
        .from(departments)
        .where(eq(departments.id, query.departmentId));
      if (!d) throw new AppError('not_found', { messageKey: 'departmentNotFound' });
    }
    if (query.systemId) {
      const [s] = await db
        .select({ id: businessSystems.id })
        .from(businessSystems)
        .where(eq(businessSystems.id, query.systemId));
      if (!s) throw new AppError('not_found', { messageKey: 'systemNotFound' });
    }

    // Phase 3: the model over the inputs of the period
    const inputs = await loadCostInputs({ period });
    if (inputs.sets.length === 0) throw new AppError('rule', { log: 'no cost assumption set' });
    result = computeSavings({
      inputs,
      period,
      departmentId: query.departmentId,
      systemId: query.systemId,
    });
    computed.set(version, key, result);
  }

  // Phase 4: the answer, with the detail asked for
  const detail = new Set(query.detail ?? []);
  const { unitRates, ...assumptions } = result.assumptions;
  return {
    from: period.from,
    to: period.to,
    departmentId: result.departmentId,
    systemId: result.systemId,
    standaloneKrw: result.standaloneKrw,
    sharedKrw: result.sharedKrw,
    savedKrw: result.savedKrw,
    savingsPct: result.savingsPct,
    leadTimeSavedDays: result.leadTimeSavedDays,
    systemCount: result.systemCount,
    breakdown: result.lines,
    byYear: result.byYear,
    pools: result.pools,
    assumptions: detail.has('rates') ? { ...assumptions, unitRates } : assumptions,
    ...(detail.has('systems') ? { systems: result.systems } : {}),
  };
}
