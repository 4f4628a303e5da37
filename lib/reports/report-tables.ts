import { formatDateTime } from '@/lib/format/dates';
import type { Locale } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translate';
import type { MonthlyReportList, ReportFigures } from './report-figures';
import { runwayTable } from './runway-tables';
import { type Column, type ColumnKind, type ReportTable, type Row, roundTo, sumOf } from './table';

// A closed month's tables, made only from its stored figures: the report page, its exports and the
// reports API show the same numbers, whatever happened to the history since.

export type ReportTableId = 'departments' | 'systems' | 'savings' | 'runway';
export const REPORT_TABLES: ReportTableId[] = ['departments', 'systems', 'savings', 'runway'];
export type ReportTables = Record<ReportTableId, ReportTable>;

export function reportTables(figures: ReportFigures, locale: Locale): ReportTables {
  const t = translator(locale);
  const col = (key: string, kind: ColumnKind, label = t(`showback.columns.${key}` as never)): Column => ({
    key,
    kind,
    label,
  });
  const { showback, savings } = figures;
  const deptName = new Map(
    showback.departments.map((d) => [d.departmentId, locale === 'en' ? d.nameEn : d.nameKo]),
  );
  const whole = showback.totals.byAllocationKrw;
  const money = [col('byAllocationKrw', 'krw'), col('byUsageKrw', 'krw'), col('differenceKrw', 'krw')];

  const departmentRows: Row[] = showback.departments.map((d) => ({
    department: deptName.get(d.departmentId)!,
    systems: d.systems,
    byAllocationKrw: d.byAllocationKrw,
    byUsageKrw: d.byUsageKrw,
    differenceKrw: d.byUsageKrw - d.byAllocationKrw,
    sharePct: whole === 0 ? null : roundTo((d.byAllocationKrw / whole) * 100, 1),
  }));
  const systemRows: Row[] = showback.systems.map((s) => ({
    code: s.code,
    name: s.name,
    department: deptName.get(s.departmentId) ?? null,
    byAllocationKrw: s.byAllocationKrw,
    byUsageKrw: s.byUsageKrw,
    differenceKrw: s.byUsageKrw - s.byAllocationKrw,
  }));
  const totals = {
    byAllocationKrw: showback.totals.byAllocationKrw,
    byUsageKrw: showback.totals.byUsageKrw,
    differenceKrw: showback.totals.byUsageKrw - showback.totals.byAllocationKrw,
  };
  const savingsRow = (label: string, s: ReportFigures['savings']['month']): Row => ({
    period: label,
    standaloneKrw: s.standaloneKrw,
    sharedKrw: s.sharedKrw,
    savedKrw: s.savedKrw,
    savingsPct: s.savingsPct,
  });

  return {
    departments: {
      id: 'departments',
      title: t('reports.departments.title'),
      columns: [
        col('department', 'text'),
        col('systems', 'count'),
        ...money,
        col('sharePct', 'pct', t('showback.columns.sharePct.allocation')),
      ],
      rows: departmentRows,
      total: {
        department: t('showback.total'),
        systems: sumOf(departmentRows, 'systems'),
        ...totals,
        sharePct: whole === 0 ? null : 100,
      },
    },
    systems: {
      id: 'systems',
      title: t('reports.systems.title'),
      columns: [col('code', 'text'), col('name', 'text'), col('department', 'text'), ...money],
      rows: systemRows,
      total: { code: null, name: t('showback.total'), department: null, ...totals },
    },
    savings: {
      id: 'savings',
      title: t('reports.savings.title'),
      columns: [
        col('period', 'text', t('reports.columns.period')),
        col('standaloneKrw', 'krw', t('reports.columns.standaloneKrw')),
        col('sharedKrw', 'krw', t('reports.columns.sharedKrw')),
        col('savedKrw', 'krw', t('reports.columns.savedKrw')),
        col('savingsPct', 'pct', t('reports.columns.savingsPct')),
      ],
      rows: [
        savingsRow(t('reports.savings.month', { month: figures.month }), savings.month),
        savingsRow(
          t('reports.savings.cumulative', { from: savings.cumulative.from, to: figures.month }),
          savings.cumulative,
        ),
      ],
      total: null,
    },
    runway: runwayTable(figures.runway, locale),
  };
}

/** The closed months, newest first: when and by whom each was closed, and its showback totals. */
export function reportListTable(list: MonthlyReportList, locale: Locale): ReportTable {
  const t = translator(locale);
  return {
    id: 'reports',
    title: t('reports.list.title'),
    columns: [
      { key: 'month', kind: 'text', label: t('reports.list.month') },
      { key: 'closedAt', kind: 'text', label: t('reports.list.closedAt') },
      { key: 'closedBy', kind: 'text', label: t('reports.list.closedBy') },
      { key: 'byAllocationKrw', kind: 'krw', label: t('showback.columns.byAllocationKrw') },
      { key: 'byUsageKrw', kind: 'krw', label: t('showback.columns.byUsageKrw') },
    ],
    rows: list.items.map((r) => ({
      month: r.month,
      closedAt: formatDateTime(r.closedAt, locale),
      closedBy: r.closedBy?.name ?? t('reports.list.scheduled'),
      byAllocationKrw: r.totals.byAllocationKrw,
      byUsageKrw: r.totals.byUsageKrw,
    })),
    total: null,
  };
}
