import { savingsPct } from '@/lib/costs/round-krw';
import type { SavingsView } from '@/lib/costs/savings-view';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { DepartmentSortKey, SavingsFilters, Sort, SystemSortKey } from './savings-filters';

// The savings dashboard's tables — per year (with the cumulative figures), per department and per
// system — computed once from the engine's answer. The page renders these rows and the CSV/XLSX
// exports write the same rows, so an export holds exactly the figures on screen.

export type ColumnKind = 'text' | 'krw' | 'pct' | 'count';
export type Column = { key: string; kind: ColumnKind };
/** Text cells are display text (already in the user's language); numbers are integers or one-decimal %. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type TableId = 'years' | 'departments' | 'systems';
export type SavingsTable = { id: TableId; columns: Column[]; rows: Row[]; total: Row };
export type SavingsTables = Record<TableId, SavingsTable>;

type System = NonNullable<SavingsView['systems']>[number];
type Names = Map<string, { nameKo: string; nameEn: string }>;

const money = (key: string): Column => ({ key, kind: 'krw' });
const figures: Column[] = [
  money('standaloneKrw'),
  money('sharedKrw'),
  money('savedKrw'),
  { key: 'savingsPct', kind: 'pct' },
];
const leadTime: Column = { key: 'leadTimeSavedDays', kind: 'count' };

export const yearColumns: Column[] = [
  { key: 'year', kind: 'text' },
  { key: 'built', kind: 'count' },
  ...figures,
  money('cumStandaloneKrw'),
  money('cumSharedKrw'),
  money('cumSavedKrw'),
  { key: 'cumSavingsPct', kind: 'pct' },
  leadTime,
];
/** The cumulative chart's table view: the same rows, the running totals only. */
export const cumulativeColumnKeys = [
  'year',
  'cumStandaloneKrw',
  'cumSharedKrw',
  'cumSavedKrw',
  'cumSavingsPct',
];
export const departmentColumns: Column[] = [
  { key: 'department', kind: 'text' },
  { key: 'systems', kind: 'count' },
  ...figures,
  leadTime,
];
export const systemColumns: Column[] = [
  { key: 'code', kind: 'text' },
  { key: 'name', kind: 'text' },
  { key: 'department', kind: 'text' },
  { key: 'movedOn', kind: 'text' },
  { key: 'environment', kind: 'text' },
  { key: 'serverClass', kind: 'text' },
  { key: 'servers', kind: 'count' },
  ...figures,
  leadTime,
];

/** A column's heading (with its unit) in the user's language, on screen and in the exports alike. */
export function columnLabel(locale: Locale, key: string): string {
  return translator(locale, 'dashboards')(`columns.${key}` as never);
}

const sum = <T extends object>(rows: T[], key: keyof T & string) =>
  rows.reduce((s, r) => s + (Number(r[key]) || 0), 0);
const totalsOf = (standaloneKrw: number, sharedKrw: number) => ({
  standaloneKrw,
  sharedKrw,
  savedKrw: standaloneKrw - sharedKrw,
  savingsPct: savingsPct(standaloneKrw, sharedKrw),
});

function compare(a: Cell, b: Cell, locale: Locale): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), locale);
}

/** Sorted by one column (nulls last either way), ties kept in the engine's order. */
function sortRows(rows: Row[], sort: Sort<string>, locale: Locale): Row[] {
  const sign = sort.dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i }))
    .sort((x, y) => {
      const a = x.row[sort.key] ?? null;
      const b = y.row[sort.key] ?? null;
      if (a === null || b === null) return compare(a, b, locale) || x.i - y.i;
      return sign * compare(a, b, locale) || x.i - y.i;
    })
    .map((x) => x.row);
}

export const defaultSystemSort: Sort<SystemSortKey> = { key: 'movedOn', dir: 'asc' };
export const defaultDepartmentSort: Sort<DepartmentSortKey> = { key: 'savedKrw', dir: 'desc' };

/** Systems whose build (their move onto the cloud) falls inside the period, by year. */
function builtInPeriod(view: SavingsView): Map<number, System[]> {
  const built = new Map<number, System[]>();
  for (const s of view.systems ?? []) {
    if (s.movedOn < view.from || s.movedOn > view.to) continue;
    const year = Number(s.movedOn.slice(0, 4));
    built.set(year, [...(built.get(year) ?? []), s]);
  }
  return built;
}

function yearTable(view: SavingsView, locale: Locale): SavingsTable {
  const t = translator(locale);
  const built = builtInPeriod(view);
  let cumStandalone = 0;
  let cumShared = 0;
  const rows = view.byYear.map((y) => {
    cumStandalone += y.standaloneKrw;
    cumShared += y.sharedKrw;
    const cum = totalsOf(cumStandalone, cumShared);
    const systems = built.get(y.year) ?? [];
    return {
      year: String(y.year),
      built: systems.length,
      standaloneKrw: y.standaloneKrw,
      sharedKrw: y.sharedKrw,
      savedKrw: y.savedKrw,
      savingsPct: y.savingsPct,
      cumStandaloneKrw: cum.standaloneKrw,
      cumSharedKrw: cum.sharedKrw,
      cumSavedKrw: cum.savedKrw,
      cumSavingsPct: cum.savingsPct,
      leadTimeSavedDays: systems.reduce((s, x) => s + x.leadTimeSavedDays, 0),
    };
  });
  const total: Row = {
    year: t('dashboards.total'),
    built: sum(rows, 'built'),
    ...totalsOf(view.standaloneKrw, view.sharedKrw),
    cumStandaloneKrw: null,
    cumSharedKrw: null,
    cumSavedKrw: null,
    cumSavingsPct: null,
    leadTimeSavedDays: view.leadTimeSavedDays,
  };
  return { id: 'years', columns: yearColumns, rows, total };
}

function departmentTable(
  view: SavingsView,
  locale: Locale,
  names: Names,
  sort: Sort<DepartmentSortKey>,
): SavingsTable {
  const t = translator(locale);
  const byDept = new Map<string, System[]>();
  for (const s of view.systems ?? []) byDept.set(s.departmentId, [...(byDept.get(s.departmentId) ?? []), s]);
  const rows = [...byDept].map(([id, systems]) => {
    const name = names.get(id);
    const totals = totalsOf(sum(systems, 'standaloneKrw'), sum(systems, 'sharedKrw'));
    return {
      department: (locale === 'en' ? name?.nameEn : name?.nameKo) ?? systems[0]!.departmentName,
      systems: systems.length,
      ...totals,
      leadTimeSavedDays: sum(systems, 'leadTimeSavedDays'),
    };
  });
  const total: Row = {
    department: t('dashboards.total'),
    systems: view.systemCount,
    ...totalsOf(view.standaloneKrw, view.sharedKrw),
    leadTimeSavedDays: view.leadTimeSavedDays,
  };
  return { id: 'departments', columns: departmentColumns, rows: sortRows(rows, sort, locale), total };
}

function systemTable(
  view: SavingsView,
  locale: Locale,
  names: Names,
  sort: Sort<SystemSortKey>,
): SavingsTable {
  const t = translator(locale);
  const rows = (view.systems ?? []).map((s) => {
    // the first purchase in the period sizes the build (refreshes buy the same class at the then price)
    const sizing = s.standalone.purchases[0]?.sizing;
    const dept = names.get(s.departmentId);
    return {
      code: s.code,
      name: s.name,
      department: (locale === 'en' ? dept?.nameEn : dept?.nameKo) ?? s.departmentName,
      movedOn: s.movedOn.slice(0, 7),
      environment: t(`enums.environment.${s.environment}` as never),
      serverClass: sizing?.serverClass.name ?? null,
      servers: sizing?.servers ?? null,
      standaloneKrw: s.standaloneKrw,
      sharedKrw: s.sharedKrw,
      savedKrw: s.savedKrw,
      savingsPct: s.savingsPct,
      leadTimeSavedDays: s.leadTimeSavedDays,
    };
  });
  const total: Row = {
    code: null,
    name: t('dashboards.total'),
    department: null,
    movedOn: null,
    environment: null,
    serverClass: null,
    servers: sum(rows, 'servers'),
    ...totalsOf(view.standaloneKrw, view.sharedKrw),
    leadTimeSavedDays: view.leadTimeSavedDays,
  };
  return { id: 'systems', columns: systemColumns, rows: sortRows(rows, sort, locale), total };
}

export type SavingsTablesOptions = {
  /** the engine's answer with `detail=systems` */
  view: SavingsView;
  locale: Locale;
  /** department names by id, for English */
  departments: { id: string; nameKo: string; nameEn: string }[];
  filters: Pick<SavingsFilters, 'sort' | 'dsort'>;
};

/** The three tables of the savings dashboard, sorted as the URL asks. */
export function savingsTables({ view, locale, departments, filters }: SavingsTablesOptions): SavingsTables {
  const names: Names = new Map(departments.map((d) => [d.id, d]));
  return {
    years: yearTable(view, locale),
    departments: departmentTable(view, locale, names, filters.dsort ?? defaultDepartmentSort),
    systems: systemTable(view, locale, names, filters.sort ?? defaultSystemSort),
  };
}

/** A cell as the screen shows it: grouped integers, one-decimal %, "—" for nothing. */
export function formatCell(kind: ColumnKind, value: Cell, locale: Locale): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  if (kind === 'pct')
    return value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', {
      minimumFractionDigits: 1,
      maximumFractionDigits: 1,
    });
  return value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', { maximumFractionDigits: 0 });
}
