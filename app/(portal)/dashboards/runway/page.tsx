import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import '@/components/reports/reports.css';
import { requireActor } from '@/app/_auth/require-actor';
import { DashboardsNav } from '@/components/metering/dashboards-nav';
import { ExportLinks } from '@/components/reports/export-links';
import { ReportTable } from '@/components/reports/report-table';
import { RunwayAssumptions } from '@/components/reports/runway-assumptions';
import { RunwayFilterForm } from '@/components/reports/runway-filter-form';
import { RunwayHeadline } from '@/components/reports/runway-headline';
import { RunwayPoolSection } from '@/components/reports/runway-pool-section';
import { PageHead } from '@/components/ui/page-head';
import { toLocale } from '@/lib/i18n/config';
import { getRunwayPage } from '@/lib/reports/get-runway-page';
import { runwaySearch } from '@/lib/reports/runway-filters';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('runway');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;
const EXPORT = '/dashboards/runway/export';

// GET /dashboards/runway?pool=ID&months=N&method=linear|compound&threshold=PCT&asOf=YYYY-MM — 용량 전망
export default async function RunwayPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor('dashboards:read');
  const locale = toLocale(await getLocale());
  const [t, page] = await Promise.all([
    getTranslations('runway'),
    getRunwayPage({ actor, search: await searchParams, locale }),
  ]);
  const { view, tables, filters } = page;
  const search = runwaySearch(filters);
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <DashboardsNav current="runway" />
      <RunwayFilterForm filters={filters} errors={page.errors} pools={page.pools} view={view} />
      <p role="status" className="dash-scope">
        {t('scope', {
          asOf: view.asOf,
          months: view.windowMonths,
          method: t(`methods.${view.method}`),
          threshold: view.thresholdPct,
        })}
      </p>
      {view.pools.length === 0 ? <p className="empty">{t('noPools')}</p> : null}
      <RunwayHeadline view={view} />
      {view.pools.map((pool) => (
        <RunwayPoolSection
          key={pool.poolId}
          pool={pool}
          view={view}
          table={tables.series[pool.poolId]!}
          locale={locale}
          actions={
            pool.series.length ? (
              <ExportLinks
                path={EXPORT}
                search={search}
                table="series"
                extra={{ pool: pool.poolId }}
                title={t('chart.title', { pool: pool.poolName })}
              />
            ) : null
          }
        />
      ))}
      <section aria-labelledby="runway-table-title" className="dash-section">
        <div className="dash-section__head">
          <h2 id="runway-table-title">{t('table.title')}</h2>
          <ExportLinks path={EXPORT} search={search} table="runway" title={t('table.title')} />
        </div>
        <ReportTable
          id="runway-table"
          table={tables.runway}
          locale={locale}
          caption={t('table.caption', { asOf: view.asOf })}
          captionHidden
          rowHeader="dimension"
        />
      </section>
      <RunwayAssumptions view={view} locale={locale} />
    </>
  );
}
