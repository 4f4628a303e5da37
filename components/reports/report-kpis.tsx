import { useTranslations } from 'next-intl';
import { formatKrwHeadline, formatPct } from '@/lib/dashboards/format';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import type { ReportFigures } from '@/lib/reports/report-figures';

/** The month at a glance: showback on both bases, the month's and the cumulative savings. */
export function ReportKpis({ figures, locale }: { figures: ReportFigures; locale: Locale }) {
  const t = useTranslations('reports.kpis');
  const { showback, savings } = figures;
  const money = (amount: number, hint?: string) => (
    <>
      <span className="kpi__value">{formatKrwHeadline(amount, locale)}</span>
      <span className="kpi__exact">{formatKrw(amount, locale)}</span>
      {hint ? <span className="kpi__exact">{hint}</span> : null}
    </>
  );
  return (
    <section aria-labelledby="report-kpis-title">
      <h2 id="report-kpis-title" className="sr-only">
        {t('title')}
      </h2>
      <dl className="kpis">
        <div className="kpi kpi--primary">
          <dt>{t('allocation')}</dt>
          <dd>{money(showback.totals.byAllocationKrw)}</dd>
        </div>
        <div className="kpi kpi--primary">
          <dt>{t('usage')}</dt>
          <dd>{money(showback.totals.byUsageKrw)}</dd>
        </div>
        <div className="kpi">
          <dt>{t('saved')}</dt>
          <dd>
            {money(
              savings.month.savedKrw,
              t('savedHint', { pct: formatPct(savings.month.savingsPct, locale) }),
            )}
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('cumulative')}</dt>
          <dd>
            {money(
              savings.cumulative.savedKrw,
              t('cumulativeHint', {
                from: savings.cumulative.from,
                pct: formatPct(savings.cumulative.savingsPct, locale),
              }),
            )}
          </dd>
        </div>
      </dl>
    </section>
  );
}
