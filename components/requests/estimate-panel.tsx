import { useLocale, useTranslations } from 'next-intl';
import { type DrTier, estimateBreakdown, type Footprint, type RatePrices } from '@/lib/catalog/estimate';
import { formatKrw, formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';

type EstimatePanelProps = {
  footprint: Footprint;
  drTier: DrTier;
  prices: RatePrices;
  rateCardName: string;
};

/** The live monthly estimate with its breakdown; announced politely as it changes. */
export function EstimatePanel({ footprint: fp, drTier, prices, rateCardName }: EstimatePanelProps) {
  const t = useTranslations('requestForm');
  const locale = toLocale(useLocale());
  const { lines: breakdown, totalKrw: estimate } = estimateBreakdown(fp, prices, drTier);
  const lines = breakdown.map((line) => ({
    label:
      line.unit === 'license'
        ? t('units.license')
        : line.unit === 'dr'
          ? t('units.dr', { pct: line.quantity })
          : t(`units.${line.unit}`, { count: line.quantity }),
    amount: line.amountKrw,
  }));
  return (
    <section className="card estimate" aria-labelledby="estimate-title">
      <h2 id="estimate-title">{t('estimateTitle')}</h2>
      <div aria-live="polite" aria-atomic="true">
        <p className="estimate__amount">{formatKrwShort(estimate, locale)}</p>
        <p className="estimate__exact">{formatKrw(estimate, locale)}</p>
      </div>
      {lines.length > 0 ? (
        <>
          <h3 className="small muted">{t('estimateBreakdown')}</h3>
          <ul className="estimate__lines">
            {lines.map((line) => (
              <li key={line.label}>
                <span>{line.label}</span>
                <span className="num">{formatKrw(line.amount, locale)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <p className="hint">{t('estimateNote', { card: rateCardName })}</p>
    </section>
  );
}
