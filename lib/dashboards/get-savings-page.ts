import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { getSavingsDashboard, HISTORY_START } from '@/lib/costs/get-savings-dashboard';
import { lastDay } from '@/lib/costs/period';
import type { SavingsView } from '@/lib/costs/savings-view';
import { seoulToday } from '@/lib/format/dates';
import type { Locale } from '@/lib/i18n/config';
import { lastHistoryMonth, listSavingsScopes, type SavingsScopes } from './queries';
import { type FilterErrors, parseSavingsFilters, type SavingsFilters } from './savings-filters';
import { type SavingsTables, savingsTables } from './savings-table';

export type SavingsPage = {
  /** the filters in force (bad ones dropped) and why each dropped one was */
  filters: SavingsFilters;
  errors: FilterErrors;
  /** the months shown, YYYY-MM, defaults filled in */
  period: { from: string; to: string };
  scopes: SavingsScopes;
  /** the engine's answer, with the per-system breakdown and the unit rates */
  view: SavingsView & { systems: NonNullable<SavingsView['systems']> };
  tables: SavingsTables;
};

export type GetSavingsPageOptions = {
  actor: Actor;
  /** the URL's search parameters */
  search: Record<string, string | string[] | undefined>;
  locale: Locale;
  now?: Date;
};

/**
 * The savings dashboard (/dashboards/savings and its exports): the URL's filters, the engine's figures
 * for them and the tables shown. Without a `to`, the period ends with the last month of recorded
 * history (later months count on neither side and would only add empty years).
 */
export async function getSavingsPage({
  actor,
  search,
  locale,
  now = new Date(),
}: GetSavingsPageOptions): Promise<SavingsPage> {
  requirePermission(actor, 'dashboards:read');
  const { filters, errors } = parseSavingsFilters(search);
  const [scopes, lastMonth] = await Promise.all([listSavingsScopes(), lastHistoryMonth(now)]);

  // Phase 1: codes to ids; an unknown code, or a system outside the chosen department, is dropped
  const department = filters.department
    ? scopes.departments.find((d) => d.code === filters.department)
    : undefined;
  if (filters.department && !department) {
    errors.department = 'choice';
    delete filters.department;
  }
  const system = filters.system ? scopes.systems.find((s) => s.code === filters.system) : undefined;
  if (filters.system && (!system || (department && system.departmentId !== department.id))) {
    errors.system = 'choice';
    delete filters.system;
  }

  // Phase 2: the period, defaults filled in (a `to` before the default `from` keeps its own year)
  const today = seoulToday(now).slice(0, 7);
  let from = filters.from ?? HISTORY_START.slice(0, 7);
  let to = filters.to ?? (lastMonth && lastMonth >= from ? lastMonth : today);
  if (from > to) {
    if (filters.from) to = from;
    else from = to;
  }

  // Phase 3: the engine's figures and the tables made from them
  const view = await getSavingsDashboard({
    actor,
    now,
    query: {
      from: `${from}-01`,
      to: lastDay(to),
      departmentId: department?.id,
      systemId: filters.system ? system?.id : undefined,
      detail: ['systems', 'rates'],
    },
  });
  const withSystems = { ...view, systems: view.systems ?? [] };
  return {
    filters,
    errors,
    period: { from, to },
    scopes,
    view: withSystems,
    tables: savingsTables({ view: withSystems, locale, departments: scopes.departments, filters }),
  };
}
