import { useTranslations } from 'next-intl';
import type { SavingsView } from '@/lib/costs/savings-view';
import { formatKrw } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';

type Lines = SavingsView['breakdown'];

const standaloneKeys = ['serversKrw', 'storageKrw', 'licenceKrw', 'facilityKrw', 'designKrw'] as const;
const sharedKeys = ['vcpuKrw', 'ramGbKrw', 'storageGbKrw', 'platformSlotKrw', 'onboardingKrw'] as const;

function share(part: number, whole: number, locale: Locale): string {
  if (whole === 0) return '—';
  return `${((part / whole) * 100).toLocaleString(locale === 'en' ? 'en-US' : 'ko-KR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/**
 * Where each side's cost comes from, line by line (servers, storage, licences, facility, design;
 * vCPU, RAM, storage, platform slots, onboarding), with each line's share of its side.
 */
export function CostLines({ id, lines, locale }: { id: string; lines: Lines; locale: Locale }) {
  const t = useTranslations('dashboards.lines');
  const sides = [
    { side: 'standalone', keys: standaloneKeys, values: lines.standalone as Record<string, number> },
    { side: 'shared', keys: sharedKeys, values: lines.shared as Record<string, number> },
  ] as const;
  return (
    <div className="cost-lines">
      {sides.map(({ side, keys, values }) => {
        const total = keys.reduce((s, k) => s + values[k]!, 0);
        return (
          <div className="table-wrap" key={side}>
            <table id={`${id}-${side}`}>
              <caption>{t(`${side}.title`)}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('line')}</th>
                  <th scope="col" className="num">
                    {t('amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {keys.map((k) => (
                  <tr key={k}>
                    <th scope="row">{t(`${side}.${k}` as never)}</th>
                    <td className="num">{formatKrw(values[k]!, locale)}</td>
                    <td className="num">{share(values[k]!, total, locale)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr className="total-row">
                  <th scope="row">{t('total')}</th>
                  <td className="num">{formatKrw(total, locale)}</td>
                  <td className="num">{share(total, total, locale)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
        );
      })}
    </div>
  );
}
