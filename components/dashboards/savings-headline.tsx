import { useTranslations } from 'next-intl';
import { formatKrwHeadline, formatPct } from '@/lib/dashboards/format';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';

export type HeadlineFigures = {
  standaloneKrw: number;
  sharedKrw: number;
  savedKrw: number;
  savingsPct: number | null;
  leadTimeSavedDays: number;
  /** systems whose build (move onto the cloud) falls in the period: the lead time counts those */
  builtCount: number;
};

/**
 * The five headline figures as a description list: 총 절감액, 절감률, 별도 구축 비용, 공유 클라우드 비용
 * (in 만/억, with the exact amount beneath) and 구축 기간 단축.
 */
export function SavingsHeadline({ figures, locale }: { figures: HeadlineFigures; locale: Locale }) {
  const t = useTranslations('dashboards.savings.headline');
  const money = (amount: number) => (
    <>
      <span className="kpi__value">{formatKrwHeadline(amount, locale)}</span>
      <span className="kpi__exact">{formatKrw(amount, locale)}</span>
    </>
  );
  return (
    <section aria-labelledby="savings-headline-title" className="kpi-section">
      <h2 id="savings-headline-title" className="sr-only">
        {t('title')}
      </h2>
      <dl className="kpis">
        <div className="kpi kpi--primary">
          <dt>{t('saved')}</dt>
          <dd>{money(figures.savedKrw)}</dd>
        </div>
        <div className="kpi kpi--primary">
          <dt>{t('pct')}</dt>
          <dd>
            <span className="kpi__value" data-testid="savings-pct">
              {formatPct(figures.savingsPct, locale)}
            </span>
            <span className="kpi__exact">{t('pctHint')}</span>
          </dd>
        </div>
        <div className="kpi">
          <dt>{t('standalone')}</dt>
          <dd>{money(figures.standaloneKrw)}</dd>
        </div>
        <div className="kpi">
          <dt>{t('shared')}</dt>
          <dd>{money(figures.sharedKrw)}</dd>
        </div>
        <div className="kpi">
          <dt>{t('leadTime')}</dt>
          <dd>
            <span className="kpi__value">{t('days', { count: figures.leadTimeSavedDays })}</span>
            <span className="kpi__exact">{t('leadTimeHint', { count: figures.builtCount })}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}
