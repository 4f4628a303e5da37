import { useTranslations } from 'next-intl';
import type { SavingsView } from '@/lib/costs/savings-view';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import { ScrollRegion } from './scroll-region';

const n = (value: number, locale: Locale, digits = 0) =>
  value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

type Rates = NonNullable<SavingsView['assumptions']['unitRates']>;

/** The pools' unit rates month by month (cost, sellable units, rate per unit), shown on demand. */
export function UnitRatesTable({
  rates,
  poolNames,
  locale,
}: {
  rates: Rates;
  poolNames: Map<string, string>;
  locale: Locale;
}) {
  const t = useTranslations('dashboards.inputs');
  const krw = (v: number) => formatKrw(v, locale);
  return (
    <details className="table-view" id="savings-rates">
      <summary>{t('ratesSummary', { count: rates.length })}</summary>
      <ScrollRegion labelledBy="savings-rates-caption">
        <table>
          <caption id="savings-rates-caption">{t('ratesTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rate.month')}</th>
              <th scope="col">{t('rate.pool')}</th>
              <th scope="col" className="num">
                {t('rate.set')}
              </th>
              <th scope="col" className="num">
                {t('rate.capex')}
              </th>
              <th scope="col" className="num">
                {t('rate.opex')}
              </th>
              <th scope="col" className="num">
                {t('rate.sellable')}
              </th>
              <th scope="col" className="num">
                {t('rate.vcpu')}
              </th>
              <th scope="col" className="num">
                {t('rate.ramGb')}
              </th>
              <th scope="col" className="num">
                {t('rate.storageGb')}
              </th>
              <th scope="col" className="num">
                {t('rate.platformSlot')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rates.map((r) => (
              <tr key={`${r.poolId}-${r.month}`}>
                <th scope="row">{r.month}</th>
                <td>{poolNames.get(r.poolId) ?? r.poolId}</td>
                <td className="num">{r.setVersion}</td>
                <td className="num">{krw(r.capexKrw)}</td>
                <td className="num">{krw(r.opexKrw)}</td>
                <td className="num">
                  {t('rate.sellableValue', {
                    vcpu: n(Number(r.sellable.vcpu), locale, 0),
                    ramGb: n(Number(r.sellable.ramGb), locale, 0),
                    storageGb: n(Number(r.sellable.storageGb), locale, 0),
                    slots: n(Number(r.sellable.platformSlot), locale, 0),
                  })}
                </td>
                <td className="num">{n(Number(r.rates.vcpu), locale, 2)}</td>
                <td className="num">{n(Number(r.rates.ramGb), locale, 2)}</td>
                <td className="num">{n(Number(r.rates.storageGb), locale, 2)}</td>
                <td className="num">{n(Number(r.rates.platformSlot), locale, 2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}
