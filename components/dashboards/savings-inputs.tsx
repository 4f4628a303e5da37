import { useTranslations } from 'next-intl';
import type { SavingsView } from '@/lib/costs/savings-view';
import { formatDate } from '@/lib/format/dates';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import { AssumptionSet } from './assumption-set';
import belowFold from './below-fold.module.css';
import { ScrollRegion } from './scroll-region';
import { UnitRatesTable } from './unit-rates-table';

const n = (value: number, locale: Locale, digits = 0) =>
  value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/**
 * 계산 근거: what every figure above was computed from — the assumption sets used, the pools'
 * investments (and the part amortised in the period), each pool's cost against what was charged, the
 * formulas and the rounding rule, and the unit rates month by month.
 */
export function SavingsInputs({ view, locale }: { view: SavingsView; locale: Locale }) {
  const t = useTranslations('dashboards.inputs');
  const tf = useTranslations('dashboards.formulas');
  const inputs = view.assumptions;
  const poolNames = new Map([
    ...inputs.investments.map((i) => [i.poolId, i.poolName] as const),
    ...view.pools.map((p) => [p.poolId, p.poolName] as const),
  ]);
  const krw = (v: number) => formatKrw(v, locale);
  const invested = inputs.investments.reduce((s, i) => s + i.amountKrw, 0);
  const amortised = inputs.investments.reduce((s, i) => s + i.amortisedInPeriodKrw, 0);
  return (
    <section aria-labelledby="savings-inputs-title" className={`dash-section ${belowFold.deferred}`}>
      <h2 id="savings-inputs-title">{t('title')}</h2>
      <p>{t('lead')}</p>

      <h3>{t('setsTitle')}</h3>
      {inputs.sets.map((set) => (
        <AssumptionSet key={set.version} set={set} poolNames={poolNames} locale={locale} />
      ))}

      <h3 id="savings-investments-title">{t('investmentsTitle')}</h3>
      <ScrollRegion labelledBy="savings-investments-caption">
        <table>
          <caption id="savings-investments-caption" className="sr-only">
            {t('investmentsTitle')}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('investment.date')}</th>
              <th scope="col">{t('investment.pool')}</th>
              <th scope="col">{t('investment.description')}</th>
              <th scope="col" className="num">
                {t('investment.amount')}
              </th>
              <th scope="col">{t('investment.capacity')}</th>
              <th scope="col" className="num">
                {t('investment.lifetime')}
              </th>
              <th scope="col" className="num">
                {t('investment.amortised')}
              </th>
            </tr>
          </thead>
          <tbody>
            {inputs.investments.map((i) => (
              <tr key={`${i.poolId}-${i.investedOn}`}>
                <th scope="row" className="nowrap">
                  {formatDate(i.investedOn, locale)}
                </th>
                <td>{i.poolName}</td>
                <td>{i.description}</td>
                <td className="num">{krw(i.amountKrw)}</td>
                <td>
                  {t('investment.capacityValue', {
                    cores: n(i.capacity.physicalCores, locale),
                    ramGb: n(i.capacity.ramGb, locale),
                    storageGb: n(i.capacity.storageGb, locale),
                    slots: n(i.capacity.platformSlots, locale),
                  })}
                </td>
                <td className="num">{t('set.years', { count: i.lifetimeYears })}</td>
                <td className="num">{krw(i.amortisedInPeriodKrw)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="total-row">
              <th scope="row">{t('total')}</th>
              <td />
              <td />
              <td className="num">{krw(invested)}</td>
              <td />
              <td />
              <td className="num">{krw(amortised)}</td>
            </tr>
          </tfoot>
        </table>
      </ScrollRegion>

      <h3>{t('poolsTitle')}</h3>
      <p className="hint">{t('poolsHint')}</p>
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t('poolsTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pool.name')}</th>
              <th scope="col" className="num">
                {t('pool.cost')}
              </th>
              <th scope="col" className="num">
                {t('pool.charged')}
              </th>
              <th scope="col" className="num">
                {t('pool.idle')}
              </th>
            </tr>
          </thead>
          <tbody>
            {view.pools.map((p) => (
              <tr key={p.poolId}>
                <th scope="row">{p.poolName}</th>
                <td className="num">{krw(p.costKrw)}</td>
                <td className="num">{krw(p.chargedKrw)}</td>
                <td className="num">{krw(p.idleKrw)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <h3>{t('formulasTitle')}</h3>
      <dl className="formulas">
        {(['standalone', 'unitRate', 'shared', 'savings', 'leadTime'] as const).map((key) => (
          <div key={key}>
            <dt>{tf(`${key}.name`)}</dt>
            <dd>{tf(`${key}.text`)}</dd>
          </div>
        ))}
        <div>
          <dt>{tf('rounding.name')}</dt>
          <dd>{tf('rounding.text')}</dd>
        </div>
      </dl>

      {inputs.unitRates?.length ? (
        <UnitRatesTable rates={inputs.unitRates} poolNames={poolNames} locale={locale} />
      ) : null}
    </section>
  );
}
