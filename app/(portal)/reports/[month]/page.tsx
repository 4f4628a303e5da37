import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import '@/components/reports/reports.css';
import { requireActor } from '@/app/_auth/require-actor';
import { DashboardsNav } from '@/components/metering/dashboards-nav';
import { ExportLinks } from '@/components/reports/export-links';
import { PrintButton } from '@/components/reports/print-button';
import { ReportKpis } from '@/components/reports/report-kpis';
import { ReportTable } from '@/components/reports/report-table';
import { RunwayAssumptions } from '@/components/reports/runway-assumptions';
import { RunwayPoolSection } from '@/components/reports/runway-pool-section';
import { PageHead } from '@/components/ui/page-head';
import { isAppError } from '@/lib/errors/app-error';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { MONTH } from '@/lib/reports/filters';
import { getMonthlyReport } from '@/lib/reports/get-monthly-report';
import { reportTables } from '@/lib/reports/report-tables';
import { seriesTable } from '@/lib/reports/runway-tables';

type Params = { month: string };

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const t = await getTranslations('reports');
  const { month } = await params;
  return { title: MONTH.test(month) ? t('report.title', { month }) : t('title') };
}

// GET /reports/YYYY-MM — one closed month's report from its stored figures, printable as an A4 PDF
export default async function MonthlyReportPage({ params }: { params: Promise<Params> }) {
  const actor = await requireActor('dashboards:read');
  const locale = toLocale(await getLocale());
  const { month } = await params;
  const t = await getTranslations('reports');
  const report = await getMonthlyReport({ actor, month }).catch((error: unknown) => {
    if (isAppError(error) && (error.code === 'bad_request' || error.code === 'not_found')) return error.code;
    throw error;
  });
  if (typeof report === 'string')
    return (
      <>
        <PageHead title={t('title')} />
        <div className="alert alert--error" role="alert">
          <p>{report === 'bad_request' ? t('report.invalidMonth') : t('report.notFound', { month })}</p>
        </div>
        <p>
          <Link href="/reports">{t('report.back')}</Link>
        </p>
      </>
    );

  const { figures } = report;
  const tables = reportTables(figures, locale);
  const exportPath = `/reports/${figures.month}/export`;
  const section = (id: 'departments' | 'systems' | 'savings', rowHeader: string) => (
    <section aria-labelledby={`report-${id}-title`}>
      <div className="dash-section__head">
        <h2 id={`report-${id}-title`}>{tables[id].title}</h2>
        <ExportLinks path={exportPath} search="" table={id} title={tables[id].title} />
      </div>
      <ReportTable
        id={`report-${id}`}
        table={tables[id]}
        locale={locale}
        caption={`${tables[id].title} (${figures.month})`}
        captionHidden
        rowHeader={rowHeader}
      />
    </section>
  );
  return (
    <>
      <DashboardsNav current="reports" />
      <p className="no-print">
        <Link href="/reports">{t('report.back')}</Link>
      </p>
      <article className="report-doc" aria-labelledby="report-title">
        <header className="report-doc__head">
          <div>
            <p className="report-doc__eyebrow">{t('report.heading')}</p>
            <h1 id="report-title">{t('report.title', { month: figures.month })}</h1>
            <p className="report-doc__meta">
              {t('report.meta', {
                month: figures.month,
                closedAt: formatDateTime(report.closedAt, locale),
                closedBy: report.closedBy?.name ?? t('list.scheduled'),
                computedAt: formatDateTime(figures.computedAt, locale),
              })}
            </p>
          </div>
          <PrintButton label={t('report.print')} hint={t('report.printHint')} />
        </header>
        <p className="hint">{t('report.stored')}</p>
        <ReportKpis figures={figures} locale={locale} />
        {section('departments', 'department')}
        {section('systems', 'name')}
        {section('savings', 'period')}
        <section aria-labelledby="report-runway-title">
          <div className="dash-section__head">
            <h2 id="report-runway-title">{t('runway.title')}</h2>
            <ExportLinks path={exportPath} search="" table="runway" title={tables.runway.title} />
          </div>
          <p>
            {t('runway.lead', {
              asOf: figures.runway.asOf,
              months: figures.runway.windowMonths,
              threshold: figures.runway.thresholdPct,
            })}
          </p>
          <ReportTable
            id="report-runway"
            table={tables.runway}
            locale={locale}
            caption={tables.runway.title}
            captionHidden
            rowHeader="dimension"
          />
        </section>
        {figures.runway.pools
          .filter((p) => p.series.length)
          .map((pool) => (
            <RunwayPoolSection
              key={pool.poolId}
              pool={pool}
              view={figures.runway}
              table={seriesTable(pool, figures.runway.method, locale)}
              locale={locale}
            />
          ))}
        <RunwayAssumptions view={figures.runway} locale={locale} id="report-runway-assumptions" />
      </article>
    </>
  );
}
