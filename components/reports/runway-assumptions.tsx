import { useTranslations } from 'next-intl';
import { formatKrwShort } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import type { RunwayView } from '@/lib/reports/get-runway';

/** Every assumption behind the runway: the data, the window, both models, the capacity, the hardware ageing out. */
export function RunwayAssumptions({
  view,
  locale,
  id = 'runway-assumptions',
}: {
  view: RunwayView;
  locale: Locale;
  id?: string;
}) {
  const t = useTranslations('runway.assumptions');
  const retirements = view.pools.flatMap((p) => p.retirements.map((r) => ({ ...r, pool: p.poolName })));
  return (
    <section aria-labelledby={`${id}-title`} className="dash-section">
      <h2 id={`${id}-title`}>{t('title')}</h2>
      <ul className="formulas">
        <li>{t('data')}</li>
        <li>{t('window', { months: view.windowMonths, asOf: view.asOf })}</li>
        <li>{t('linear')}</li>
        <li>{t('compound')}</li>
        <li>{t('threshold', { threshold: view.thresholdPct, horizon: view.horizonMonths })}</li>
        {view.pools.map((p) =>
          p.capacitySource === 'investments' && view.assumptions ? (
            <li key={p.poolId}>
              {t('capacityInvestments', {
                pool: p.poolName,
                asOf: view.asOf,
                overcommit: view.assumptions.cpuOvercommitPct,
                version: view.assumptions.setVersion,
              })}
            </li>
          ) : (
            <li key={p.poolId}>{t('capacityPool', { pool: p.poolName })}</li>
          ),
        )}
        <li>{t('constant')}</li>
      </ul>
      {view.assumptions ? (
        <>
          <h3 id={`${id}-retirements`}>
            {t('retirementsTitle', { years: view.assumptions.hardwareLifetimeYears })}
          </h3>
          {retirements.length ? (
            <ul aria-labelledby={`${id}-retirements`}>
              {retirements.map((r) => (
                <li key={`${r.pool}-${r.investedOn}`}>
                  {t('retirement', {
                    pool: r.pool,
                    description: r.description,
                    investedOn: r.investedOn,
                    amount: formatKrwShort(r.amountKrw, locale),
                    month: r.outOfServiceFrom,
                  })}
                </li>
              ))}
            </ul>
          ) : (
            <p>{t('noRetirements')}</p>
          )}
        </>
      ) : null}
    </section>
  );
}
