import { useTranslations } from 'next-intl';
import { formatKrwDelta, formatKrwHeadline } from '@/lib/dashboards/format';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import type { ShowbackView } from '@/lib/reports/get-showback';

/** The showback totals on both bases (in 만/억, the exact amount beneath), their gap, and the rate card. */
export function ShowbackHeadline({ view, locale }: { view: ShowbackView; locale: Locale }) {
  const t = useTranslations('showback.headline');
  const { totals } = view;
  const resources = view.systems.reduce((s, x) => s + x.resources, 0);
  const money = (amount: number) => (
    <>
      <span className="kpi__value">{formatKrwHeadline(amount, locale)}</span>
      <span className="kpi__exact">{formatKrw(amount, locale)}</span>
    </>
  );
  return (
    <section aria-labelledby="showback-headline-title" className="kpi-section">
      <h2 id="showback-headline-title" className="sr-only">
        {t('title')}
      </h2>
      <dl className="kpis">
        <div className="kpi kpi--primary">
          <dt>{t('allocation')}</dt>
          <dd>{money(totals.byAllocationKrw)}</dd>
        </div>
        <div className="kpi kpi--primary">
          <dt>{t('usage')}</dt>
          <dd>{money(totals.byUsageKrw)}</dd>
        </div>
        <div className="kpi">
          <dt>{t('difference')}</dt>
          <dd>
            <span className="kpi__value">
              {formatKrwDelta(totals.byAllocationKrw, totals.byUsageKrw, locale)}
            </span>
            <span className="kpi__exact">{t('differenceHint')}</span>
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('rateCard')}</dt>
          <dd>
            <span className="kpi__value">{formatKrwHeadline(totals.rateCardMonthlyKrw, locale)}</span>
            <span className="kpi__exact">
              {t('rateCardHint', { count: resources, card: view.rateCard?.name ?? '—' })}
            </span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
