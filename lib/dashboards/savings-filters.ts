// The savings dashboard's filters as the URL carries them (/dashboards/savings?from=2016-01&to=2021-12
// &department=ENV&system=SYS-AIR&sort=savedKrw.desc&dsort=department.asc): read leniently, so a bad value is
// reported and dropped instead of failing the page.

export const SYSTEM_SORT_KEYS = [
  'code',
  'name',
  'department',
  'movedOn',
  'standaloneKrw',
  'sharedKrw',
  'savedKrw',
  'savingsPct',
  'leadTimeSavedDays',
] as const;
export const DEPARTMENT_SORT_KEYS = [
  'department',
  'systems',
  'standaloneKrw',
  'sharedKrw',
  'savedKrw',
  'savingsPct',
  'leadTimeSavedDays',
] as const;

export type SortDir = 'asc' | 'desc';
export type Sort<K extends string> = { key: K; dir: SortDir };
export type SystemSortKey = (typeof SYSTEM_SORT_KEYS)[number];
export type DepartmentSortKey = (typeof DEPARTMENT_SORT_KEYS)[number];

/** The filters in force; months are YYYY-MM, department and system are codes. */
export type SavingsFilters = {
  from?: string;
  to?: string;
  department?: string;
  system?: string;
  sort?: Sort<SystemSortKey>;
  dsort?: Sort<DepartmentSortKey>;
};

/** Why a URL value was dropped: `month` (not YYYY-MM), `order` (to before from), `choice` (unknown). */
export type FilterError = 'month' | 'order' | 'choice';
export type FilterErrors = Partial<Record<keyof SavingsFilters, FilterError>>;

type Search = Record<string, string | string[] | undefined>;

const MONTH = /^(20\d\d)-(0[1-9]|1[0-2])$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;

const one = (value: string | string[] | undefined) => {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined || v.trim() === '' ? undefined : v.trim();
};

function sortOf<K extends string>(value: string | undefined, keys: readonly K[]): Sort<K> | null {
  if (!value) return null;
  const [key, dir] = value.split('.');
  if (!keys.includes(key as K) || (dir !== 'asc' && dir !== 'desc')) return null;
  return { key: key as K, dir };
}

/** Reads the URL's filters; each bad value is dropped and named in `errors`. */
export function parseSavingsFilters(search: Search): { filters: SavingsFilters; errors: FilterErrors } {
  const filters: SavingsFilters = {};
  const errors: FilterErrors = {};
  for (const edge of ['from', 'to'] as const) {
    const v = one(search[edge]);
    if (v === undefined) continue;
    if (MONTH.test(v)) filters[edge] = v;
    else errors[edge] = 'month';
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    errors.to = 'order';
    delete filters.to;
  }
  for (const scope of ['department', 'system'] as const) {
    const v = one(search[scope]);
    if (v === undefined) continue;
    if (CODE.test(v)) filters[scope] = v;
    else errors[scope] = 'choice';
  }
  const sort = one(search.sort);
  const sysSort = sortOf(sort, SYSTEM_SORT_KEYS);
  if (sysSort) filters.sort = sysSort;
  else if (sort) errors.sort = 'choice';
  const dsort = one(search.dsort);
  const deptSort = sortOf(dsort, DEPARTMENT_SORT_KEYS);
  if (deptSort) filters.dsort = deptSort;
  else if (dsort) errors.dsort = 'choice';
  return { filters, errors };
}

/** The filters back as a query string (without `?`), in a stable order; `patch` changes some. */
export function savingsSearch(filters: SavingsFilters, patch: Partial<SavingsFilters> = {}): string {
  const f = { ...filters, ...patch };
  const params = new URLSearchParams();
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.department) params.set('department', f.department);
  if (f.system) params.set('system', f.system);
  if (f.sort) params.set('sort', `${f.sort.key}.${f.sort.dir}`);
  if (f.dsort) params.set('dsort', `${f.dsort.key}.${f.dsort.dir}`);
  return params.toString();
}
