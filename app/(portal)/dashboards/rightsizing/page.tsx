import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { ChartSection } from '@/components/dashboards/chart-section';
import { DashboardsNav } from '@/components/metering/dashboards-nav';
import { MeteringExportLinks } from '@/components/metering/export-links';
import { MeteringBarChart } from '@/components/metering/metering-charts';
import { MeteringDataTable } from '@/components/metering/metering-data-table';
import { UtilisationFilterForm } from '@/components/metering/utilisation-filter-form';
import { PageHead } from '@/components/ui/page-head';
import { formatKrwHeadline } from '@/lib/dashboards/format';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { getRightsizingPage, rightsizingSearch } from '@/lib/metering/get-rightsizing-page';
import { type MeteringTable, meteringColumnLabel } from '@/lib/metering/metering-tables';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metering.rightsizing');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;

// GET /dashboards/rightsizing?department=CODE&pool=ID — 적정 규모 권고: idle and oversized resources
export default async function RightsizingPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor('dashboards:read');
  const locale = toLocale(await getLocale());
  const [t, page] = await Promise.all([
    getTranslations('metering'),
    getRightsizingPage({ actor, search: await searchParams, locale }),
  ]);
  const { view, tables } = page;
  const search = rightsizingSearch(page.filters);
  const labels = (table: MeteringTable) =>
    Object.fromEntries(table.columns.map((c) => [c.key, meteringColumnLabel(locale, c.key)]));
  const idle = view.items.filter((i) => i.action === 'return').length;
  const top = tables.departments.rows[0];
  const chartDesc = top
    ? t('rightsizing.chart.desc', {
        department: String(top.department),
        saving: formatKrwHeadline(Number(top.savingKrw), locale),
        total: formatKrwHeadline(view.totalSavingKrw, locale),
      })
    : t('rightsizing.none');
  const windowText = t('rightsizing.window', {
    days: view.windowDays,
    p95: view.thresholds.cpuP95Pct,
    idle: view.thresholds.idlePct,
    target: view.thresholds.targetPct,
    hours: view.thresholds.minHours,
  });
  return (
    <>
      <DashboardsNav current="rightsizing" />
      <PageHead title={t('rightsizing.title')} lead={t('rightsizing.lead')} />
      <UtilisationFilterForm
        filters={page.filters}
        errors={page.errors}
        granularity="month"
        period={{ from: '', to: '' }}
        scopes={page.scopes}
        locale={locale}
        action="/dashboards/rightsizing"
        fields={['pool', 'department']}
      />
      <p role="status" className="dash-scope">
        {windowText}
      </p>
      <section aria-labelledby="rightsizing-headline-title" className="kpi-section">
        <h2 id="rightsizing-headline-title" className="sr-only">
          {t('rightsizing.headline.title')}
        </h2>
        <dl className="kpis">
          <div className="kpi kpi--primary">
            <dt>{t('rightsizing.headline.saving')}</dt>
            <dd>
              <span className="kpi__value">{formatKrwHeadline(view.totalSavingKrw, locale)}</span>
              <span className="kpi__exact">{formatKrw(view.totalSavingKrw, locale)}</span>
            </dd>
          </div>
          <div className="kpi">
            <dt>{t('rightsizing.headline.resources')}</dt>
            <dd>
              <span className="kpi__value">
                {t('rightsizing.headline.count', { count: view.items.length })}
              </span>
              <span className="kpi__exact">
                {t('rightsizing.headline.split', { idle, oversized: view.items.length - idle })}
              </span>
            </dd>
          </div>
          <div className="kpi">
            <dt>{t('rightsizing.headline.rateCard')}</dt>
            <dd>
              <span className="kpi__value">{view.rateCard}</span>
            </dd>
          </div>
        </dl>
      </section>

      <ChartSection
        id="departments"
        title={t('rightsizing.chart.title')}
        description={chartDesc}
        chart={
          <MeteringBarChart
            data={tables.departments.rows}
            category="department"
            layout="vertical"
            bars={[{ key: 'savingKrw', colour: 'used' }]}
            locale={locale}
            text={{
              title: t('rightsizing.chart.title'),
              desc: chartDesc,
              series: { savingKrw: meteringColumnLabel(locale, 'savingKrw') },
            }}
          />
        }
        table={
          <MeteringDataTable
            id="departments-table"
            table={tables.departments}
            locale={locale}
            labels={labels(tables.departments)}
            rowHeader="department"
            caption={t('rightsizing.chart.caption')}
          />
        }
        actions={
          <MeteringExportLinks
            dashboard="rightsizing"
            table="departments"
            search={search}
            title={t('rightsizing.chart.title')}
          />
        }
      />

      <section aria-labelledby="resources-title" className="dash-section">
        <div className="dash-section__head">
          <h2 id="resources-title">{t('rightsizing.resources.title')}</h2>
          <MeteringExportLinks
            dashboard="rightsizing"
            table="resources"
            search={search}
            title={t('rightsizing.resources.title')}
          />
        </div>
        <p className="hint">{t('rightsizing.resources.hint')}</p>
        {view.items.length === 0 ? (
          <p className="empty">{t('rightsizing.none')}</p>
        ) : (
          <MeteringDataTable
            id="resources-table"
            table={tables.resources}
            locale={locale}
            labels={labels(tables.resources)}
            rowHeader="name"
            caption={t('rightsizing.resources.caption')}
            captionHidden
          />
        )}
      </section>
    </>
  );
}
