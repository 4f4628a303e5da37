import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import type { Locale } from '@/lib/i18n/config';
import { fieldErrorText } from './field-error-text';
import { findRightsizing, type Rightsizing } from './find-rightsizing';
import { departmentsTable, type MeteringTable, resourcesTable } from './metering-tables';
import { listUtilisationScopes, type UtilisationScopes } from './queries';

// The rightsizing dashboard (/dashboards/rightsizing?department=CODE&pool=ID and its exports).

export type RightsizingFilters = { department?: string; pool?: string };

export type RightsizingPage = {
  filters: RightsizingFilters;
  errors: Partial<Record<keyof RightsizingFilters, string>>;
  scopes: UtilisationScopes;
  view: Rightsizing;
  tables: { resources: MeteringTable; departments: MeteringTable };
};

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => {
  const x = Array.isArray(v) ? v[0] : v;
  return x === undefined || x.trim() === '' ? undefined : x.trim().slice(0, 60);
};

export async function getRightsizingPage({
  actor,
  search,
  locale,
  now,
}: {
  actor: Actor;
  search: Search;
  locale: Locale;
  now?: Date;
}): Promise<RightsizingPage> {
  requirePermission(actor, 'dashboards:read');
  const scopes = await listUtilisationScopes();
  const filters: RightsizingFilters = {};
  const errors: RightsizingPage['errors'] = {};
  const department = one(search.department);
  const dept = department ? scopes.departments.find((d) => d.code === department) : undefined;
  if (dept) filters.department = dept.code;
  else if (department) errors.department = fieldErrorText(locale, { key: 'validation.choice' });
  const pool = one(search.pool);
  if (pool && scopes.pools.some((p) => p.id === pool)) filters.pool = pool;
  else if (pool) errors.pool = fieldErrorText(locale, { key: 'validation.choice' });
  const view = await findRightsizing({ actor, now, departmentId: dept?.id, poolId: filters.pool });
  return {
    filters,
    errors,
    scopes,
    view,
    tables: { resources: resourcesTable(view, locale), departments: departmentsTable(view, locale) },
  };
}

export function rightsizingSearch(filters: RightsizingFilters): string {
  const params = new URLSearchParams();
  if (filters.department) params.set('department', filters.department);
  if (filters.pool) params.set('pool', filters.pool);
  return params.toString();
}
