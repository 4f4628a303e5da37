import { useTranslations } from 'next-intl';
import type { SavingsView } from '@/lib/costs/savings-view';
import { formatDate } from '@/lib/format/dates';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import { ScrollRegion } from './scroll-region';

type Inputs = SavingsView['assumptions'];

const n = (value: number, locale: Locale, digits = 0) =>
  value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });

/** One assumption set with every value, as a description list. */
function AssumptionSet({
  set,
  poolNames,
  locale,
}: {
  set: Inputs['sets'][number];
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
    <section aria-labelledby="savings-inputs-title" className="dash-section">
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
        <details className="table-view" id="savings-rates">
          <summary>{t('ratesSummary', { count: inputs.unitRates.length })}</summary>
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
                {inputs.unitRates.map((r) => (
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
      ) : null}
    </section>
  );
}
