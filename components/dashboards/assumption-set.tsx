import { useTranslations } from 'next-intl';
import type { SavingsView } from '@/lib/costs/savings-view';
import { formatDate } from '@/lib/format/dates';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';

const n = (value: number, locale: Locale, digits = 0) =>
  value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** One assumption set with every value, as a description list. */
export function AssumptionSet({
  set,
  poolNames,
  locale,
}: {
  set: SavingsView['assumptions']['sets'][number];
  poolNames: Map<string, string>;
  locale: Locale;
}) {
  const t = useTranslations('dashboards.inputs.set');
  const a = set.assumptions;
  const s = a.standalone;
  const c = a.shared;
  const krw = (v: number) => formatKrw(v, locale);
  return (
    <div className="assumption-set">
      <h4>
        {t('title', { version: set.version, name: set.name, from: formatDate(set.effectiveFrom, locale) })}
      </h4>
      <dl className="facts">
        <dt>{t('lifetime')}</dt>
        <dd>{t('years', { count: a.hardwareLifetimeYears })}</dd>
        <dt>{t('serverClasses')}</dt>
        <dd>
          <ul className="plain-list">
            {s.serverClasses.map((k) => (
              <li key={k.id}>
                {t('serverClass', {
                  name: k.name,
                  cores: k.cores,
                  ramGb: n(k.ramGb, locale),
                  price: krw(k.priceKrw),
                })}
              </li>
            ))}
          </ul>
        </dd>
        <dt>{t('headroom')}</dt>
        <dd>{t('pct', { value: s.headroomPct })}</dd>
        <dt>{t('prodMinServers')}</dt>
        <dd>{t('servers', { count: s.prodMinServers })}</dd>
        <dt>{t('storagePrice')}</dt>
        <dd>{t('perGb', { amount: krw(s.storagePricePerGbKrw) })}</dd>
        <dt>{t('licence')}</dt>
        <dd>{t('perServerYear', { amount: krw(s.licencePerServerYearKrw) })}</dd>
        <dt>{t('facility')}</dt>
        <dd>{t('perServerYear', { amount: krw(s.facilityPerServerYearKrw) })}</dd>
        <dt>{t('design')}</dt>
        <dd>
          {t('perSystemDays', { amount: krw(s.designProcurementKrw), days: s.procurementLeadTimeDays })}
        </dd>
        <dt>{t('overcommit')}</dt>
        <dd>
          {t('ratio', { value: n(c.cpuOvercommitPct / 100, locale, c.cpuOvercommitPct % 100 ? 1 : 0) })}
        </dd>
        <dt>{t('sellable')}</dt>
        <dd>{t('pct', { value: c.sellablePct })}</dd>
        <dt>{t('costShares')}</dt>
        <dd>
          {t('costSharesValue', {
            vcpu: c.costSharePct.vcpu,
            ramGb: c.costSharePct.ramGb,
            storageGb: c.costSharePct.storageGb,
            platformSlot: c.costSharePct.platformSlot,
          })}
        </dd>
        <dt>{t('opex')}</dt>
        <dd>
          <ul className="plain-list">
            {Object.entries(c.opexPerYearKrw).map(([pool, amount]) => (
              <li key={pool}>{t('opexValue', { pool: poolNames.get(pool) ?? pool, amount: krw(amount) })}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('onboarding')}</dt>
        <dd>{t('perSystemDays', { amount: krw(c.onboardingPerSystemKrw), days: c.leadTimeDays })}</dd>
      </dl>
    </div>
  );
}
