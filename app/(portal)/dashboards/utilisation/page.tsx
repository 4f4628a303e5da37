import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { ChartSection } from '@/components/dashboards/chart-section';
import { DashboardsNav } from '@/components/metering/dashboards-nav';
import { MeteringExportLinks } from '@/components/metering/export-links';
import { MeteringBarChart, UtilisationSeriesChart } from '@/components/metering/metering-charts';
import { MeteringDataTable } from '@/components/metering/metering-data-table';
import { UtilisationFilterForm } from '@/components/metering/utilisation-filter-form';
import { PageHead } from '@/components/ui/page-head';
import { toLocale } from '@/lib/i18n/config';
import { getUtilisationPage, utilisationSearch } from '@/lib/metering/get-utilisation-page';
import { formatMeteringCell, type MeteringTable, meteringColumnLabel } from '@/lib/metering/metering-tables';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('metering.utilisation');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;

// GET /dashboards/utilisation?granularity=&from=&to=&pool=&department=&system=&metric= — 자원 활용
export default async function UtilisationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor('dashboards:read');
  const locale = toLocale(await getLocale());
  const [t, page] = await Promise.all([
    getTranslations('metering'),
    getUtilisationPage({ actor, search: await searchParams, locale }),
  ]);
  const { tables, metric, input, scopes } = page;
  const search = utilisationSearch(page.filters);
  const labels = (table: MeteringTable) =>
    Object.fromEntries(table.columns.map((c) => [c.key, meteringColumnLabel(locale, c.key, metric)]));
  const fmt = (v: number | null, kind: 'dec1' | 'pct' | 'int' = 'dec1') =>
    formatMeteringCell(kind, v, locale);
  const metricName = t(`filters.metrics.${metric}`);
  const periodText = t('utilisation.period', { from: page.period.from, to: page.period.to });
  const dept = scopes.departments.find((d) => d.id === input.departmentId);
  const scopeParts = [
    input.poolId ? scopes.pools.find((p) => p.id === input.poolId)?.name : null,
    dept ? (locale === 'en' ? dept.nameEn : dept.nameKo) : null,
    input.systemId ? scopes.systems.find((s) => s.id === input.systemId)?.name : null,
  ].filter(Boolean);
  const scopeText = scopeParts.length ? scopeParts.join(' · ') : t('utilisation.allScope');

  // the series' description: the busiest bucket and where the period ends
  const rows = tables.series.rows;
  const withData = rows.filter((r) => r.used !== null);
  const peak = withData.reduce<(typeof rows)[number] | null>(
    (best, r) => (best === null || Number(r.used) > Number(best.used) ? r : best),
    null,
  );
  const last = withData.at(-1);
  const seriesDesc =
    peak && last
      ? t('utilisation.series.desc', {
          metric: metricName,
          peak: fmt(Number(peak.used)),
          peakAt: String(peak.period),
          last: String(last.period),
          allocated: fmt(Number(last.allocated)),
          used: fmt(Number(last.used)),
          pct: fmt(last.usedPct as number | null, 'pct'),
        })
      : t('noData');
  const top = tables.top.rows[0];
  const topDesc = top
    ? t('utilisation.top.desc', {
        system: String(top.system),
        metric: metricName,
        hours: fmt(Number(top.usedHours), 'int'),
        unit: t(`units.${metric}`),
        count: tables.top.rows.length,
      })
    : t('noData');
  const busiest = tables.hours.rows
    .filter((r) => r.cpuPct !== null)
    .sort((a, b) => Number(b.cpuPct) - Number(a.cpuPct))[0];
  const quietest = tables.hours.rows
    .filter((r) => r.cpuPct !== null)
    .sort((a, b) => Number(a.cpuPct) - Number(b.cpuPct))[0];
  const hoursDesc =
    busiest && quietest
      ? t('utilisation.hours.desc', {
          busiest: String(busiest.hour),
          busiestPct: fmt(Number(busiest.cpuPct), 'pct'),
          quietest: String(quietest.hour),
          quietestPct: fmt(Number(quietest.cpuPct), 'pct'),
        })
      : t('utilisation.hours.none');
  const series = (keys: string[]) => Object.fromEntries(keys.map((k) => [k, t(`series.${k}` as never)]));
  const history = page.view.series.some((p) => p.sources.includes('history'));

  return (
    <>
      <DashboardsNav current="utilisation" />
      <PageHead title={t('utilisation.title')} lead={t('utilisation.lead')} />
      <UtilisationFilterForm
        filters={page.filters}
        errors={page.errors}
        granularity={input.granularity}
        period={page.period}
        scopes={scopes}
        locale={locale}
        action="/dashboards/utilisation"
        fields={['granularity', 'from', 'to', 'pool', 'department', 'system', 'metric']}
      />
      <p role="status" className="dash-scope">
        {t('utilisation.scope', {
          period: periodText,
          scope: scopeText,
          granularity: t(`filters.granularities.${input.granularity}`),
          metric: metricName,
        })}
      </p>

      <ChartSection
        id="series"
        title={t('utilisation.series.title', { metric: metricName })}
        description={seriesDesc}
        chart={
          <UtilisationSeriesChart
            data={rows}
            locale={locale}
            withCapacity={page.withCapacity}
            text={{
              title: t('utilisation.series.title', { metric: metricName }),
              desc: seriesDesc,
              series: series(['capacity', 'allocated', 'used']),
            }}
          />
        }
        table={
          <MeteringDataTable
            id="series-table"
            table={tables.series}
            locale={locale}
            labels={labels(tables.series)}
            rowHeader="period"
            caption={t('utilisation.series.caption', { period: periodText, metric: metricName })}
          />
        }
        actions={
          <MeteringExportLinks
            dashboard="utilisation"
            table="series"
            search={search}
            title={t('utilisation.series.title', { metric: metricName })}
          />
        }
      />
      <p className="hint">
        {page.withCapacity ? t('utilisation.series.hint') : t('utilisation.series.hintScoped')}
        {history ? ` ${t('utilisation.series.history')}` : ''}
      </p>

      <ChartSection
        id="top"
        title={t('utilisation.top.title')}
        description={topDesc}
        chart={
          <MeteringBarChart
            data={tables.top.rows}
            category="system"
            layout="vertical"
            bars={[
              { key: 'allocatedHours', colour: 'allocated' },
              { key: 'usedHours', colour: 'used' },
            ]}
            locale={locale}
            text={{
              title: t('utilisation.top.title'),
              desc: topDesc,
              series: {
                allocatedHours: meteringColumnLabel(locale, 'allocatedHours', metric),
                usedHours: meteringColumnLabel(locale, 'usedHours', metric),
              },
            }}
          />
        }
        table={
          <MeteringDataTable
            id="top-table"
            table={tables.top}
            locale={locale}
            labels={labels(tables.top)}
            rowHeader="system"
            caption={t('utilisation.top.caption', { period: periodText })}
          />
        }
        actions={
          <MeteringExportLinks
            dashboard="utilisation"
            table="top"
            search={search}
            title={t('utilisation.top.title')}
          />
        }
      />

      <ChartSection
        id="hours"
        title={t('utilisation.hours.title')}
        description={hoursDesc}
        chart={
          <MeteringBarChart
            data={tables.hours.rows}
            category="hour"
            bars={[
              { key: 'cpuPct', colour: 'allocated' },
              { key: 'ramPct', colour: 'ram' },
            ]}
            locale={locale}
            text={{
              title: t('utilisation.hours.title'),
              desc: hoursDesc,
              series: series(['cpuPct', 'ramPct']),
            }}
          />
        }
        table={
          <MeteringDataTable
            id="hours-table"
            table={tables.hours}
            locale={locale}
            labels={labels(tables.hours)}
            rowHeader="hour"
            caption={t('utilisation.hours.caption', { period: periodText })}
          />
        }
        actions={
          <MeteringExportLinks
            dashboard="utilisation"
            table="hours"
            search={search}
            title={t('utilisation.hours.title')}
          />
        }
      />
      <p className="hint">{t('utilisation.method')}</p>
    </>
  );
}
