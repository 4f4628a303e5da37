import type { Metadata } from 'next';
import '@/components/reports/reports.css';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { ChartSection } from '@/components/dashboards/chart-section';
import { DashboardsNav } from '@/components/metering/dashboards-nav';
import { ExportLinks } from '@/components/reports/export-links';
import { ReportTable } from '@/components/reports/report-table';
import { ShowbackMonthsChart, ShowbackUnitsChart } from '@/components/reports/showback-charts';
import { ShowbackFilterForm } from '@/components/reports/showback-filter-form';
import { ShowbackHeadline } from '@/components/reports/showback-headline';
import { PageHead } from '@/components/ui/page-head';
import { formatKrwHeadline } from '@/lib/dashboards/format';
import { toLocale } from '@/lib/i18n/config';
import { getShowbackPage } from '@/lib/reports/get-showback-page';
import { type ShowbackFilters, showbackSearch } from '@/lib/reports/showback-filters';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('showback');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;
const EXPORT = '/dashboards/showback/export';

// GET /dashboards/showback?from=YYYY-MM&to=YYYY-MM&department=CODE&system=CODE&basis=allocation|usage — 쇼백
export default async function ShowbackPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor('dashboards:read');
  const locale = toLocale(await getLocale());
  const [t, page] = await Promise.all([
    getTranslations('showback'),
    getShowbackPage({ actor, search: await searchParams, locale }),
  ]);
  const { view, tables, filters, period, basis, scopes } = page;
  const search = showbackSearch(filters);
  const href = (patch: Partial<ShowbackFilters>) => {
    const q = showbackSearch(filters, patch);
    return q ? `/dashboards/showback?${q}` : '/dashboards/showback';
  };

  // the scope in words; a system implies its department
  const department = scopes.departments.find((d) => d.id === view.departmentId);
  const system = view.systemId ? view.systems[0] : undefined;
  const deptName = department ? (locale === 'en' ? department.nameEn : department.nameKo) : '';
  const scopeName = system ? `${deptName} · ${system.name}` : department ? deptName : t('allScope');
  const periodText = t('period', { from: period.from, to: period.to });
  const basisText = t(`basis.${basis}`);
  const empty = view.systems.length === 0;

  // the first chart: the level below the scope (departments, or a department's systems)
  const level = department ? 'systems' : 'departments';
  const unitTable = tables[level];
  const unitWord = t(`unitsChart.${level}`);
  const points = unitTable.rows
    .filter((r) => r.byAllocationKrw !== null)
    .map((r) => ({
      name: String(level === 'systems' ? r.name : r.department),
      byAllocationKrw: Number(r.byAllocationKrw),
      byUsageKrw: Number(r.byUsageKrw),
    }));
  const top = points[0];
  const gap = [...points].sort(
    (a, b) => Math.abs(b.byUsageKrw - b.byAllocationKrw) - Math.abs(a.byUsageKrw - a.byAllocationKrw),
  )[0];
  const unitsDesc =
    top && gap
      ? t('unitsChart.desc', {
          unit: unitWord,
          top: top.name,
          amount: formatKrwHeadline(top.byAllocationKrw, locale),
          gap: gap.name,
          gapAmount: formatKrwHeadline(gap.byUsageKrw - gap.byAllocationKrw, locale),
        })
      : t('noData');

  // the second chart: month by month, stacked by the same level
  const monthUnits = tables.months.columns
    .filter((c) => /^u\d+$/.test(c.key))
    .map((c) => ({ key: c.key, name: c.label.replace(/ \([^)]*\)$/, '') }));
  const totals = tables.months.rows.map((r) => Number(r.totalKrw));
  const monthsDesc = tables.months.rows.length
    ? t('months.desc', {
        unit: unitWord,
        basis: basisText,
        first: String(tables.months.rows[0]!.month),
        last: String(tables.months.rows.at(-1)!.month),
        min: formatKrwHeadline(Math.min(...totals), locale),
        max: formatKrwHeadline(Math.max(...totals), locale),
      })
    : t('noData');
  const monthsTitle = t('months.title', { basis: basisText });

  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <DashboardsNav current="showback" />
      <ShowbackFilterForm
        filters={filters}
        errors={page.errors}
        period={period}
        basis={basis}
        scopes={scopes}
        locale={locale}
      />
      <p role="status" className="dash-scope">
        {t('scope', { period: periodText, scope: scopeName, count: view.systems.length })}
      </p>
      {department ? (
        <p className="dash-back">
          {system ? (
            <Link href={href({ system: undefined, department: department.code })}>
              {t('systems.backToDepartment', { department: deptName })}
            </Link>
          ) : (
            <Link href={href({ department: undefined, system: undefined })}>{t('systems.back')}</Link>
          )}
        </p>
      ) : null}
      <ShowbackHeadline view={view} locale={locale} />

      {empty ? <p className="empty">{t('noData')}</p> : null}

      {!system && !empty ? (
        <ChartSection
          id={level}
          title={t(`${level}.title`)}
          description={unitsDesc}
          chart={
            <ShowbackUnitsChart
              data={points}
              locale={locale}
              text={{ title: t(`${level}.title`), desc: unitsDesc }}
              series={{ byAllocationKrw: t('basis.allocation'), byUsageKrw: t('basis.usage') }}
            />
          }
          table={
            <>
              <p className="hint">{t(`${level}.hint`)}</p>
              <ReportTable
                id={`${level}-table`}
                table={unitTable}
                locale={locale}
                caption={t('unitsChart.caption', { unit: unitWord, period: periodText })}
                rowHeader={level === 'systems' ? 'name' : 'department'}
                rowLink={(row) =>
                  level === 'departments'
                    ? `${href({ department: String(row.departmentCode), system: undefined })}#systems-title`
                    : `${href({ system: String(row.code) })}#resources-title`
                }
              />
            </>
          }
          actions={<ExportLinks path={EXPORT} search={search} table={level} title={t(`${level}.title`)} />}
        />
      ) : null}

      {!empty && tables.months.rows.length ? (
        <ChartSection
          id="months"
          title={monthsTitle}
          description={monthsDesc}
          chart={
            <ShowbackMonthsChart
              data={tables.months.rows}
              units={monthUnits}
              locale={locale}
              text={{ title: monthsTitle, desc: monthsDesc }}
            />
          }
          table={
            <ReportTable
              id="months-table"
              table={tables.months}
              locale={locale}
              caption={t('months.caption', { unit: unitWord, basis: basisText, period: periodText })}
              rowHeader="month"
            />
          }
          actions={<ExportLinks path={EXPORT} search={search} table="months" title={monthsTitle} />}
        />
      ) : null}

      {system ? (
        <section aria-labelledby="resources-title" className="dash-section">
          <div className="dash-section__head">
            <h2 id="resources-title">{t('resources.title')}</h2>
            {view.resources.length ? (
              <ExportLinks path={EXPORT} search={search} table="resources" title={t('resources.title')} />
            ) : null}
          </div>
          {view.resources.length ? (
            <>
              <p className="hint">
                {t('resources.lead', {
                  system: system.name,
                  card: view.rateCard?.name ?? t('resources.noneCard'),
                })}
              </p>
              <ReportTable
                id="resources-table"
                table={tables.resources}
                locale={locale}
                caption={t('resources.title')}
                captionHidden
                rowHeader="name"
              />
            </>
          ) : (
            <p className="empty">{t('resources.none', { system: system.name })}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="basis-title" className="dash-section">
        <h2 id="basis-title">{t('basisNote.title')}</h2>
        <ul className="plain-list formulas">
          <li>{t('basisNote.allocation')}</li>
          <li>{t('basisNote.usage')}</li>
          <li>{t('basisNote.rounding')}</li>
        </ul>
      </section>
    </>
  );
}
