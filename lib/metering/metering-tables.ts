import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { Rightsizing } from './find-rightsizing';
import type { Consumer, HourLoad } from './get-usage-breakdowns';
import type { Utilisation } from './get-utilisation';

// The tables of the utilisation and rightsizing dashboards, computed once: the page renders these
// rows (charts draw them, table views list them) and the CSV/XLSX exports write the same rows, so a
// file holds exactly the figures on screen. Numbers are rounded here, once.

export type MeteringTableId = 'series' | 'top' | 'hours' | 'resources' | 'departments';
/** int: whole numbers; dec1: one decimal (averages, GB); pct: one-decimal %; krw: integer won */
export type ColumnKind = 'text' | 'int' | 'dec1' | 'pct' | 'krw';
export type Column = { key: string; kind: ColumnKind };
/** Text cells are display text in the user's language; numbers are already rounded as shown. */
export type Cell = string | number | null;
export type Row = Record<string, Cell>;
export type MeteringTable = { id: MeteringTableId; columns: Column[]; rows: Row[]; total: Row | null };
export type Metric = 'vcpu' | 'ramGb' | 'storageGb';
export const METRICS: readonly Metric[] = ['vcpu', 'ramGb', 'storageGb'];

/** A column's heading with its unit, in the user's language, on screen and in the files alike. */
export function meteringColumnLabel(locale: Locale, key: string, metric?: Metric): string {
  const unit = metric ? translator(locale, 'metering')(`units.${metric}` as never) : '';
  return translator(locale, 'metering')(`columns.${key}` as never, { unit } as never);
}

const r1 = (x: number) => Math.round(x * 10) / 10;
const pct = (part: number | null | undefined, whole: number | null | undefined): number | null =>
  part === null || part === undefined || !whole ? null : r1((100 * part) / whole);

/** Capacity, allocated and used of one metric over time; without capacity when a department or system is chosen. */
export function seriesTable(view: Utilisation, metric: Metric, withCapacity: boolean): MeteringTable {
  const columns: Column[] = [
    { key: 'period', kind: 'text' },
    ...(withCapacity ? [{ key: 'capacity', kind: 'int' } as Column] : []),
    { key: 'allocated', kind: 'dec1' },
    { key: 'used', kind: 'dec1' },
    { key: 'usedPct', kind: 'pct' },
    ...(withCapacity ? [{ key: 'allocatedPct', kind: 'pct' } as Column] : []),
  ];
  const rows = view.series.map((p) => {
    const allocated = p.allocated?.[metric] ?? null;
    const used = p.used?.[metric] ?? null;
    return {
      period: p.label,
      ...(withCapacity ? { capacity: p.capacity[metric] } : {}),
      allocated,
      used,
      usedPct: pct(used, allocated),
      ...(withCapacity ? { allocatedPct: pct(allocated, p.capacity[metric]) } : {}),
    } satisfies Row;
  });
  return { id: 'series', columns, rows, total: null };
}

const hoursOf: Record<Metric, [keyof Consumer, keyof Consumer]> = {
  vcpu: ['vcpuHours', 'vcpuUsedHours'],
  ramGb: ['ramGbHours', 'ramUsedGbHours'],
  storageGb: ['storageGbHours', 'storageUsedGbHours'],
};

/** The top consumers by used vCPU-hours, with the chosen metric's hours allocated and used. */
export function topTable(consumers: Consumer[], metric: Metric, locale: Locale): MeteringTable {
  const [alloc, used] = hoursOf[metric];
  const rows = consumers.map((c, i) => ({
    rank: i + 1,
    system: c.name,
    code: c.code,
    department: locale === 'en' ? c.departmentNameEn : c.departmentNameKo,
    allocatedHours: Math.round(Number(c[alloc])),
    usedHours: Math.round(Number(c[used])),
    usedPct: pct(Number(c[used]), Number(c[alloc])),
  }));
  return {
    id: 'top',
    columns: [
      { key: 'rank', kind: 'int' },
      { key: 'system', kind: 'text' },
      { key: 'code', kind: 'text' },
      { key: 'department', kind: 'text' },
      { key: 'allocatedHours', kind: 'int' },
      { key: 'usedHours', kind: 'int' },
      { key: 'usedPct', kind: 'pct' },
    ],
    rows,
    total: null,
  };
}

/** Load by Seoul hour of day: CPU and RAM in use in % of what is allocated. */
export function hoursTable(load: HourLoad[]): MeteringTable {
  return {
    id: 'hours',
    columns: [
      { key: 'hour', kind: 'text' },
      { key: 'cpuPct', kind: 'pct' },
      { key: 'ramPct', kind: 'pct' },
    ],
    rows: load.map((h) => ({
      hour: `${String(h.hour).padStart(2, '0')}:00`,
      cpuPct: h.cpuPct,
      ramPct: h.ramPct,
    })),
    total: null,
  };
}

/** Every rightsizing suggestion, biggest saving first, with the total. */
export function resourcesTable(view: Rightsizing, locale: Locale): MeteringTable {
  const t = translator(locale, 'metering');
  const rows = view.items.map((i) => ({
    name: i.name,
    system: i.systemName,
    department: locale === 'en' ? i.departmentNameEn : i.departmentNameKo,
    pool: i.poolName,
    current: i.current.label,
    cpuP95Pct: i.cpuP95Pct,
    cpuPeakPct: i.cpuPeakPct,
    ramPeakGb: i.ramPeakGb,
    action: t(`rightsizing.action.${i.action}` as never),
    suggested: i.suggested?.label ?? null,
    currentKrw: i.current.monthlyKrw,
    suggestedKrw: i.suggested?.monthlyKrw ?? 0,
    savingKrw: i.savingKrw,
  }));
  const total: Row = {
    name: t('total' as never),
    system: null,
    department: null,
    pool: null,
    current: null,
    cpuP95Pct: null,
    cpuPeakPct: null,
    ramPeakGb: null,
    action: null,
    suggested: null,
    currentKrw: rows.reduce((s, r) => s + r.currentKrw, 0),
    suggestedKrw: rows.reduce((s, r) => s + r.suggestedKrw, 0),
    savingKrw: view.totalSavingKrw,
  };
  return {
    id: 'resources',
    columns: [
      { key: 'name', kind: 'text' },
      { key: 'system', kind: 'text' },
      { key: 'department', kind: 'text' },
      { key: 'pool', kind: 'text' },
      { key: 'current', kind: 'text' },
      { key: 'cpuP95Pct', kind: 'pct' },
      { key: 'cpuPeakPct', kind: 'pct' },
      { key: 'ramPeakGb', kind: 'dec1' },
      { key: 'action', kind: 'text' },
      { key: 'suggested', kind: 'text' },
      { key: 'currentKrw', kind: 'krw' },
      { key: 'suggestedKrw', kind: 'krw' },
      { key: 'savingKrw', kind: 'krw' },
    ],
    rows,
    total,
  };
}

/** The monthly saving per department (the rightsizing chart), biggest first, with the total. */
export function departmentsTable(view: Rightsizing, locale: Locale): MeteringTable {
  const t = translator(locale, 'metering');
  const by = new Map<string, { department: string; resources: number; idle: number; savingKrw: number }>();
  for (const i of view.items) {
    const row = by.get(i.departmentId) ?? {
      department: locale === 'en' ? i.departmentNameEn : i.departmentNameKo,
      resources: 0,
      idle: 0,
      savingKrw: 0,
    };
    row.resources += 1;
    if (i.action === 'return') row.idle += 1;
    row.savingKrw += i.savingKrw;
    by.set(i.departmentId, row);
  }
  const rows = [...by.values()].sort(
    (a, b) => b.savingKrw - a.savingKrw || a.department.localeCompare(b.department),
  );
  return {
    id: 'departments',
    columns: [
      { key: 'department', kind: 'text' },
      { key: 'resources', kind: 'int' },
      { key: 'idle', kind: 'int' },
      { key: 'savingKrw', kind: 'krw' },
    ],
    rows,
    total: {
      department: t('total' as never),
      resources: view.items.length,
      idle: view.items.filter((i) => i.action === 'return').length,
      savingKrw: view.totalSavingKrw,
    },
  };
}

const intl = (locale: Locale) => (locale === 'en' ? 'en-US' : 'ko-KR');

/** A cell as the screen shows it: grouped integers, one decimal for averages and %, "—" for nothing. */
export function formatMeteringCell(kind: ColumnKind, value: Cell, locale: Locale): string {
  if (value === null || value === '') return '—';
  if (typeof value === 'string') return value;
  const digits = kind === 'dec1' || kind === 'pct' ? 1 : 0;
  return value.toLocaleString(intl(locale), { minimumFractionDigits: digits, maximumFractionDigits: digits });
}
