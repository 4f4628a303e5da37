import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Suspense } from 'react';
import { requireActor } from '@/app/_auth/require-actor';
import belowFold from '@/components/dashboards/below-fold.module.css';
import { CostLines } from '@/components/dashboards/cost-lines';
import { ExportLinks } from '@/components/dashboards/export-links';
import { SavingsDataTable, type SortControl } from '@/components/dashboards/savings-data-table';
import { SavingsFilterForm } from '@/components/dashboards/savings-filter-form';
import { SavingsHeadline } from '@/components/dashboards/savings-headline';
import { SavingsInputs } from '@/components/dashboards/savings-inputs';
import { SavingsYearCharts } from '@/components/dashboards/savings-year-charts';
import { SystemBreakdown } from '@/components/dashboards/system-breakdown';
import { WhatIfPanel } from '@/components/dashboards/what-if-panel';
import { DashboardsNav } from '@/components/metering/dashboards-nav';
import { PageHead } from '@/components/ui/page-head';
import { getSavingsPage } from '@/lib/dashboards/get-savings-page';
import {
  DEPARTMENT_SORT_KEYS,
  type SavingsFilters,
  SYSTEM_SORT_KEYS,
  savingsSearch,
} from '@/lib/dashboards/savings-filters';
import {
  columnLabel,
  defaultDepartmentSort,
  defaultSystemSort,
  type SavingsTable,
} from '@/lib/dashboards/savings-table';
import { referenceSet, whatIfFormValues, whatIfLimits } from '@/lib/dashboards/what-if-input';
import { toLocale } from '@/lib/i18n/config';
import { whatIfAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboards.savings');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;

// GET /dashboards/savings?from=YYYY-MM&to=YYYY-MM&department=CODE&system=CODE&sort=&dsort= — 절감 효과
export default async function SavingsDashboardPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor('dashboards:read');
  const locale = toLocale(await getLocale());
  const [t, page] = await Promise.all([
    getTranslations('dashboards.savings'),
    getSavingsPage({ actor, search: await searchParams, locale }),
  ]);
  const { view, tables, filters, period, scopes } = page;
  const labels = Object.fromEntries(
    [...tables.years.columns, ...tables.departments.columns, ...tables.systems.columns].map((c) => [
      c.key,
      columnLabel(locale, c.key),
    ]),
  );
  const search = savingsSearch(filters);
  const href = (patch: Partial<SavingsFilters>) => {
    const q = savingsSearch(filters, patch);
    return q ? `/dashboards/savings?${q}` : '/dashboards/savings';
  };
  const sortControl = (which: 'sort' | 'dsort', keys: readonly string[], current: SortControl['current']) =>
    ({
      keys,
      current,
      href: (key, dir) =>
        `${href({ [which]: { key, dir } })}#${which === 'sort' ? 'systems' : 'departments'}-title`,
      label: (column, dir) => t(`sortBy.${dir}`, { column }),
    }) satisfies SortControl;

  // the scope in words, for the status line and the chart descriptions
  const department = scopes.departments.find((d) => d.code === filters.department);
  const system = filters.system ? view.systems[0] : undefined;
  const scopeName = system
    ? system.name
    : department
      ? locale === 'en'
        ? department.nameEn
        : department.nameKo
      : t('allScope');
  const tableOf = (
    table: SavingsTable,
    id: string,
    caption: string,
    extra: Partial<Parameters<typeof SavingsDataTable>[0]> = {},
  ) => (
    <SavingsDataTable
      id={id}
      table={table}
      locale={locale}
      caption={caption}
      labels={labels}
      rowHeader={table.columns[0]!.key}
      {...extra}
    />
  );

  // the what-if starts from the set in force at the end of the period
  const reference = referenceSet(view.assumptions.sets, view.to);
  const poolNames = new Map(view.assumptions.investments.map((i) => [i.poolId, i.poolName]));
  const periodText = t('period', { from: period.from, to: period.to });

  return (
    <>
      <DashboardsNav current="savings" />
      <PageHead title={t('title')} lead={t('lead')} />
      <SavingsFilterForm
        filters={filters}
        errors={page.errors}
        period={period}
        scopes={scopes}
        locale={locale}
      />
      <p role="status" className="dash-scope">
        {t('scope', { period: periodText, scope: scopeName, count: view.systemCount })}
      </p>
      <SavingsHeadline
        locale={locale}
        figures={{
          standaloneKrw: view.standaloneKrw,
          sharedKrw: view.sharedKrw,
          savedKrw: view.savedKrw,
          savingsPct: view.savingsPct,
          leadTimeSavedDays: view.leadTimeSavedDays,
          builtCount: Number(tables.years.total.built),
        }}
      />

      <SavingsYearCharts
        table={tables.years}
        savingsPct={view.savingsPct}
        labels={labels}
        search={search}
        periodText={periodText}
        locale={locale}
      />

      {/* below the fold: Suspense boundaries (nothing in them suspends), so React hydrates each
          section in a task of its own after the first screen (selective hydration) instead of
          everything in one long task */}
      <Suspense>
        <section aria-labelledby="departments-title" className={`dash-section ${belowFold.deferred}`}>
          <div className="dash-section__head">
            <h2 id="departments-title">{t('departments.title')}</h2>
            <ExportLinks table="departments" search={search} title={t('departments.title')} />
          </div>
          {tables.departments.rows.length === 0 ? (
            <p className="empty">{t('noData')}</p>
          ) : (
            tableOf(
              tables.departments,
              'departments-table',
              t('departments.caption', { period: periodText }),
              {
                captionHidden: true,
                sort: sortControl('dsort', DEPARTMENT_SORT_KEYS, filters.dsort ?? defaultDepartmentSort),
              },
            )
          )}
        </section>

        <Suspense>
          <section aria-labelledby="systems-title" className={`dash-section ${belowFold.deferred}`}>
            <div className="dash-section__head">
              <h2 id="systems-title">{t('systems.title')}</h2>
              <ExportLinks table="systems" search={search} title={t('systems.title')} />
            </div>
            <p className="hint">{t('systems.hint')}</p>
            {tables.systems.rows.length === 0 ? (
              <p className="empty">{t('noData')}</p>
            ) : (
              tableOf(tables.systems, 'systems-table', t('systems.caption', { period: periodText }), {
                captionHidden: true,
                rowHeader: 'name',
                sort: sortControl('sort', SYSTEM_SORT_KEYS, filters.sort ?? defaultSystemSort),
                rowLink: (row) =>
                  typeof row.code === 'string' && scopes.systems.some((s) => s.code === row.code)
                    ? `${href({ system: row.code })}#system-breakdown-title`
                    : null,
              })
            )}
          </section>
        </Suspense>

        {system ? (
          <SystemBreakdown
            system={system}
            departmentName={String(tables.systems.rows[0]?.department ?? system.departmentName)}
            locale={locale}
          />
        ) : null}

        <Suspense>
          <section aria-labelledby="lines-title" className={`dash-section ${belowFold.deferred}`}>
            <h2 id="lines-title">{t('lines.title')}</h2>
            <p className="hint">{t('lines.hint')}</p>
            <CostLines id="scope-lines" lines={view.breakdown} locale={locale} />
          </section>
        </Suspense>

        <Suspense>
          <WhatIfPanel
            key={`${view.from}-${view.to}-${view.departmentId}-${view.systemId}`}
            action={whatIfAction}
            scope={{
              from: view.from,
              to: view.to,
              ...(view.departmentId ? { departmentId: view.departmentId } : {}),
              ...(view.systemId ? { systemId: view.systemId } : {}),
            }}
            initial={whatIfFormValues(reference.assumptions)}
            reference={{ version: reference.version, name: reference.name }}
            serverClasses={reference.assumptions.standalone.serverClasses.map((c) => ({
              id: c.id,
              name: c.name,
            }))}
            pools={Object.keys(reference.assumptions.shared.opexPerYearKrw).map((id) => ({
              id,
              name: poolNames.get(id) ?? id,
            }))}
            limits={whatIfLimits}
            locale={locale}
          />
        </Suspense>

        <Suspense>
          <SavingsInputs view={view} locale={locale} />
        </Suspense>
      </Suspense>
    </>
  );
}
