import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import '@/components/reports/reports.css';
import { requireActor } from '@/app/_auth/require-actor';
import { DashboardsNav } from '@/components/metering/dashboards-nav';
import { CloseMonthForm } from '@/components/reports/close-month-form';
import { ReportTable } from '@/components/reports/report-table';
import { PageHead } from '@/components/ui/page-head';
import { can } from '@/lib/auth/permissions';
import { toLocale } from '@/lib/i18n/config';
import { previousMonth } from '@/lib/reports/close-month';
import { listMonthlyReports } from '@/lib/reports/get-monthly-report';
import { reportListTable } from '@/lib/reports/report-tables';
import { closeMonthAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('reports');
  return { title: t('title') };
}

// GET /reports — 월간 보고서: the closed months, and closing one by hand (planners and admins)
export default async function ReportsPage() {
  const actor = await requireActor('dashboards:read');
  const locale = toLocale(await getLocale());
  const [t, list] = await Promise.all([getTranslations('reports'), listMonthlyReports({ actor })]);
  const table = reportListTable(list, locale);
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <DashboardsNav current="reports" />
      {can(actor, 'reports:close') ? (
        <CloseMonthForm action={closeMonthAction} latest={previousMonth()} />
      ) : null}
      <section aria-labelledby="reports-list-title" className="dash-section">
        <h2 id="reports-list-title">{t('list.title')}</h2>
        {table.rows.length ? (
          <ReportTable
            id="reports-table"
            table={table}
            locale={locale}
            caption={t('list.caption')}
            captionHidden
            rowHeader="month"
            rowLink={(row) => `/reports/${row.month}`}
          />
        ) : (
          <p className="empty">{t('list.empty')}</p>
        )}
      </section>
    </>
  );
}
