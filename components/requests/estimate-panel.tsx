import { useLocale, useTranslations } from 'next-intl';
import type { DrTier, Footprint, RatePrices } from '@/lib/catalog/estimate';
import { formatKrw, formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';

type EstimatePanelProps = {
  footprint: Footprint;
  estimate: number;
  drTier: DrTier;
  prices: RatePrices;
  rateCardName: string;
};

/** The live monthly estimate with its breakdown; announced politely as it changes. */
export function EstimatePanel({ footprint: fp, estimate, drTier, prices, rateCardName }: EstimatePanelProps) {
  const t = useTranslations('requestForm');
  const locale = toLocale(useLocale());
  const base =
    fp.vcpu * prices.vcpu +
    fp.ramGb * prices.ram_gb +
    fp.storageGb * prices.storage_gb +
    fp.instances * prices.platform_instance +
    fp.licenseKrw;
  const pct =
    drTier === 'backup' ? prices.dr_backup_pct : drTier === 'replicated' ? prices.dr_replicated_pct : 0;
  const lines = [
    fp.vcpu > 0 && { label: t('units.vcpu', { count: fp.vcpu }), amount: fp.vcpu * prices.vcpu },
    fp.ramGb > 0 && { label: t('units.ramGb', { count: fp.ramGb }), amount: fp.ramGb * prices.ram_gb },
    fp.storageGb > 0 && {
      label: t('units.storageGb', { count: fp.storageGb }),
      amount: fp.storageGb * prices.storage_gb,
    },
    fp.instances > 0 && {
      label: t('units.instances', { count: fp.instances }),
      amount: fp.instances * prices.platform_instance,
    },
    fp.licenseKrw > 0 && { label: t('units.license'), amount: fp.licenseKrw },
    pct > 0 && { label: t('units.dr', { pct }), amount: estimate - base },
  ].filter((line): line is { label: string; amount: number } => Boolean(line));
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
