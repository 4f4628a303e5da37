import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { lastHistoryMonth } from '@/lib/dashboards/queries';
import type { Locale } from '@/lib/i18n/config';
import type { Search } from './filters';
import { getShowback, type ShowbackView } from './get-showback';
import { listShowbackScopes, type ShowbackScopes } from './queries';
import {
  parseShowbackFilters,
  type ShowbackBasis,
  type ShowbackFilterErrors,
  type ShowbackFilters,
  showbackPeriod,
} from './showback-filters';
import { type ShowbackTables, showbackTables } from './showback-tables';

export type ShowbackPage = {
  /** the filters in force (bad ones dropped) and why each dropped one was */
  filters: ShowbackFilters;
  errors: ShowbackFilterErrors;
  /** the months shown, defaults filled in */
  period: { from: string; to: string };
  basis: ShowbackBasis;
  scopes: ShowbackScopes;
  view: ShowbackView;
  tables: ShowbackTables;
};

export type GetShowbackPageOptions = { actor: Actor; search: Search; locale: Locale; now?: Date };

/**
 * The showback dashboard (/dashboards/showback and its exports): the URL's filters, the figures for
 * them and the tables shown. An unknown department or system, or a system outside the chosen
 * department, is dropped and named.
 */
export async function getShowbackPage({
  actor,
  search,
  locale,
  now = new Date(),
}: GetShowbackPageOptions): Promise<ShowbackPage> {
  requirePermission(actor, 'dashboards:read');
  const { filters, errors } = parseShowbackFilters(search, now);
  const [scopes, lastMonth] = await Promise.all([listShowbackScopes(), lastHistoryMonth(now)]);

  // Phase 1: codes to ids
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

  // Phase 2: the figures and the tables made from them
  const period = showbackPeriod(filters, lastMonth, now);
  const basis = filters.basis ?? 'allocation';
  const view = await getShowback({
    actor,
    from: period.from,
    to: period.to,
    departmentId: department?.id ?? null,
    systemId: filters.system ? (system?.id ?? null) : null,
    scopes,
    now,
  });
  return { filters, errors, period, basis, scopes, view, tables: showbackTables({ view, basis, locale }) };
}
