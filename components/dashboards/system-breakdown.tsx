import { useTranslations } from 'next-intl';
import type { SavingsView } from '@/lib/costs/savings-view';
import { formatKrwHeadline, formatPct } from '@/lib/dashboards/format';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import { CostLines } from './cost-lines';
import { ScrollRegion } from './scroll-region';

type System = NonNullable<SavingsView['systems']>[number];

const n = (value: number, locale: Locale) => value.toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR');

/**
 * One system explained: what it is and needs at its peak, how a standalone build would have been
 * sized and bought (each purchase: class, servers, storage, the demand behind it), and both sides'
 * cost lines.
 */
export function SystemBreakdown({
  system,
  departmentName,
  locale,
}: {
  system: System;
  departmentName: string;
  locale: Locale;
}) {
  const t = useTranslations('dashboards.system');
  const tEnum = useTranslations('enums.environment');
  return (
    <section aria-labelledby="system-breakdown-title" className="dash-section card">
      <h2 id="system-breakdown-title">{t('title', { name: system.name })}</h2>
      <dl className="facts">
        <dt>{t('code')}</dt>
        <dd className="mono">{system.code}</dd>
        <dt>{t('department')}</dt>
        <dd>{departmentName}</dd>
        <dt>{t('movedOn')}</dt>
        <dd>{system.movedOn.slice(0, 7)}</dd>
        <dt>{t('environment')}</dt>
        <dd>{tEnum(system.environment)}</dd>
        <dt>{t('peak')}</dt>
        <dd>
          {t('peakValue', {
            vcpu: system.peak.vcpu,
            ramGb: n(system.peak.ramGb, locale),
            storageGb: n(system.peak.storageGb, locale),
          })}
        </dd>
        <dt>{t('result')}</dt>
        <dd>
          {t('resultValue', {
            standalone: formatKrwHeadline(system.standaloneKrw, locale),
            shared: formatKrwHeadline(system.sharedKrw, locale),
            saved: formatKrwHeadline(system.savedKrw, locale),
            pct: formatPct(system.savingsPct, locale),
          })}
        </dd>
        <dt>{t('leadTime')}</dt>
        <dd>{t('days', { count: system.leadTimeSavedDays })}</dd>
      </dl>

      <h3>{t('purchasesTitle')}</h3>
      <p className="hint">{t('purchasesHint')}</p>
      {system.standalone.purchases.length === 0 ? (
        <p className="empty">{t('noPurchases')}</p>
      ) : (
        <ScrollRegion labelledBy="system-purchases-caption">
          <table>
            <caption id="system-purchases-caption" className="sr-only">
              {t('purchasesTitle')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('purchase.month')}</th>
                <th scope="col">{t('purchase.set')}</th>
                <th scope="col">{t('purchase.class')}</th>
                <th scope="col" className="num">
                  {t('purchase.servers')}
                </th>
                <th scope="col" className="num">
                  {t('purchase.price')}
                </th>
                <th scope="col" className="num">
                  {t('purchase.storageGb')}
                </th>
                <th scope="col" className="num">
                  {t('purchase.needed')}
                </th>
              </tr>
            </thead>
            <tbody>
              {system.standalone.purchases.map((p) => (
                <tr key={p.month}>
                  <th scope="row">{p.month}</th>
                  <td>{t('purchase.setValue', { version: p.setVersion })}</td>
                  <td>{p.sizing.serverClass.name}</td>
                  <td className="num">{n(p.sizing.servers, locale)}</td>
                  <td className="num">{formatKrw(p.sizing.serverClass.priceKrw, locale)}</td>
                  <td className="num">{n(p.sizing.storageGb, locale)}</td>
                  <td className="num">
                    {t('purchase.neededValue', {
                      cores: n(p.sizing.neededCores, locale),
                      ramGb: n(p.sizing.neededRamGb, locale),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}

      <h3>{t('linesTitle')}</h3>
      <CostLines
        id="system-lines"
        lines={{ standalone: system.standalone.lines, shared: system.shared.lines }}
        locale={locale}
      />
    </section>
  );
}
