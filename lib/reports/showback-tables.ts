import { formatDate } from '@/lib/format/dates';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { ShowbackView } from './get-showback';
import type { ShowbackBasis } from './showback-filters';
import { type Column, type ColumnKind, type ReportTable, type Row, roundTo, sumOf } from './table';

// The showback dashboard's tables, computed once from the view: per department, per system, per
// month (one column per department, or per system inside a department) and a system's resources.
// The page renders these rows; the exports write the same rows.

export type ShowbackTableId = 'departments' | 'systems' | 'months' | 'resources';
export const SHOWBACK_TABLES: ShowbackTableId[] = ['departments', 'systems', 'months', 'resources'];
export type ShowbackTables = Record<ShowbackTableId, ReportTable>;

const basisKey = { allocation: 'byAllocationKrw', usage: 'byUsageKrw' } as const;

/** share of the whole, %, one decimal; null when the whole is nothing */
const share = (part: number, whole: number) => (whole === 0 ? null : roundTo((part / whole) * 100, 1));

export type ShowbackTablesOptions = { view: ShowbackView; basis: ShowbackBasis; locale: Locale };

/** The four tables, sorted by the chosen basis, largest first (ties by name). */
export function showbackTables({ view, basis, locale }: ShowbackTablesOptions): ShowbackTables {
  const t = translator(locale);
  const col = (key: string, kind: ColumnKind, label = t(`showback.columns.${key}` as never)): Column => ({
    key,
    kind,
    label,
  });
  const chosen = basisKey[basis];
  const deptName = (d: { nameKo: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.nameKo);
  const departments = new Map(view.departments.map((d) => [d.departmentId, d]));
  const whole = view.totals[chosen];
  const byChosen = <T extends { byAllocationKrw: number; byUsageKrw: number }>(a: T, b: T) =>
    b[chosen] - a[chosen];
  const money = [
    col('byAllocationKrw', 'krw'),
    col('byUsageKrw', 'krw'),
    col('differenceKrw', 'krw'),
    col('sharePct', 'pct', t(`showback.columns.sharePct.${basis}` as never)),
  ];
  const totals = {
    byAllocationKrw: view.totals.byAllocationKrw,
    byUsageKrw: view.totals.byUsageKrw,
    differenceKrw: view.totals.byUsageKrw - view.totals.byAllocationKrw,
    sharePct: whole === 0 ? null : 100,
    rateCardMonthlyKrw: view.totals.rateCardMonthlyKrw,
  };

  // Phase 1: per department and per system over the period
  const departmentRows: Row[] = [...view.departments].sort(byChosen).map((d) => ({
    department: deptName(d),
    departmentCode: d.code,
    systems: d.systems,
    byAllocationKrw: d.byAllocationKrw,
    byUsageKrw: d.byUsageKrw,
    differenceKrw: d.byUsageKrw - d.byAllocationKrw,
    sharePct: share(d[chosen], whole),
    rateCardMonthlyKrw: d.rateCardMonthlyKrw,
  }));
  const systemRows: Row[] = [...view.systems].sort(byChosen).map((s) => {
    const d = departments.get(s.departmentId);
    return {
      code: s.code,
      name: s.name,
      department: d ? deptName(d) : null,
      byAllocationKrw: s.hasHistory ? s.byAllocationKrw : null,
      byUsageKrw: s.hasHistory ? s.byUsageKrw : null,
      differenceKrw: s.hasHistory ? s.byUsageKrw - s.byAllocationKrw : null,
      sharePct: s.hasHistory ? share(s[chosen], whole) : null,
      resources: s.resources,
      rateCardMonthlyKrw: s.rateCardMonthlyKrw,
    };
  });

  // Phase 2: month by month, one column per department (or per system within a department)
  const scoped = view.departmentId !== null;
  const units = scoped
    ? [...view.systems]
        .filter((s) => s.hasHistory)
        .sort(byChosen)
        .map((s) => ({ id: s.systemId, label: s.name }))
    : [...view.departments].sort(byChosen).map((d) => ({ id: d.departmentId, label: deptName(d) }));
  const cells = new Map<string, number>();
  for (const r of scoped ? view.systemMonths : view.departmentMonths)
    cells.set(`${r.month}|${'systemId' in r ? r.systemId : r.departmentId}`, r[chosen]);
  const months = [
    ...new Set((scoped ? view.systemMonths : view.departmentMonths).map((r) => r.month)),
  ].sort();
  const monthColumns = units.map((u, i) => col(`u${i}`, 'krw', `${u.label} (${t('showback.units.krw')})`));
  const monthRows: Row[] = months.map((month) => {
    const row: Row = { month };
    units.forEach((u, i) => {
      row[`u${i}`] = cells.get(`${month}|${u.id}`) ?? 0;
    });
    row.totalKrw = units.reduce((s, _, i) => s + Number(row[`u${i}`]), 0);
    return row;
  });
  const monthTotal: Row = { month: t('showback.total') };
  for (const c of [...monthColumns, col('totalKrw', 'krw')]) monthTotal[c.key] = sumOf(monthRows, c.key);

  // Phase 3: the chosen system's live resources on the current rate card
  const resourceRows: Row[] = view.resources.map((r) => ({
    name: r.name,
    kind: t(`enums.kind.${r.kind}` as never),
    status: t(`enums.resourceStatus.${r.status}` as never),
    vcpu: r.vcpu,
    ramGb: r.ramGb,
    storageGb: r.storageGb,
    drTier: t(`enums.drTier.${r.drTier}` as never),
    createdAt: formatDate(r.createdAt, locale),
    monthlyKrw: r.monthlyKrw,
  }));

  return {
    departments: {
      id: 'departments',
      title: t('showback.departments.title'),
      columns: [
        col('department', 'text'),
        col('systems', 'count'),
        ...money,
        col('rateCardMonthlyKrw', 'krw'),
      ],
      rows: departmentRows,
      total: { department: t('showback.total'), systems: sumOf(departmentRows, 'systems'), ...totals },
    },
    systems: {
      id: 'systems',
      title: t('showback.systems.title'),
      columns: [
        col('code', 'text'),
        col('name', 'text'),
        col('department', 'text'),
        ...money,
        col('resources', 'count'),
        col('rateCardMonthlyKrw', 'krw'),
      ],
      rows: systemRows,
      total: {
        code: null,
        name: t('showback.total'),
        department: null,
        ...totals,
        resources: sumOf(systemRows, 'resources'),
      },
    },
    months: {
      id: 'months',
      title: t(`showback.months.sheet.${basis}` as never),
      columns: [col('month', 'text'), ...monthColumns, col('totalKrw', 'krw')],
      rows: monthRows,
      total: monthTotal,
    },
    resources: {
      id: 'resources',
      title: t('showback.resources.title'),
      columns: [
        col('name', 'text', t('showback.columns.resourceName')),
        col('kind', 'text'),
        col('status', 'text'),
        col('vcpu', 'count'),
        col('ramGb', 'count'),
        col('storageGb', 'count'),
        col('drTier', 'text'),
        col('createdAt', 'text'),
        col('monthlyKrw', 'krw'),
      ],
      rows: resourceRows,
      total: {
        name: t('showback.total'),
        kind: null,
        status: null,
        vcpu: sumOf(resourceRows, 'vcpu'),
        ramGb: sumOf(resourceRows, 'ramGb'),
        storageGb: sumOf(resourceRows, 'storageGb'),
        drTier: null,
        createdAt: null,
        monthlyKrw: sumOf(resourceRows, 'monthlyKrw'),
      },
    },
  };
}
