import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { RequestStatusBadge } from '@/components/ui/status-badge';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { formatDateTime } from '@/lib/format/dates';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import type { ResourceChangeView } from '@/lib/lifecycle/queries';
import { useChangeText } from './use-change-text';

/** The change requests of a resource with their status; each links to its request (결재 and history). */
export function ResourceChanges({
  changes,
  options,
}: {
  changes: ResourceChangeView[];
  options: CatalogOptions;
}) {
  const t = useTranslations('lifecycle.changes');
  const tKind = useTranslations('enums.kind');
  const locale = toLocale(useLocale());
  const changeText = useChangeText(options);
  return (
    <section className="card" aria-labelledby="changes-title">
      <h2 id="changes-title">{t('title')}</h2>
      {changes.length === 0 ? (
        <p className="muted">{t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('caption', { count: changes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('number')}</th>
                <th scope="col">{t('kind')}</th>
                <th scope="col">{t('what')}</th>
                <th scope="col" className="num">
                  {t('delta')}
                </th>
                <th scope="col">{t('status')}</th>
                <th scope="col">{t('submittedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="nowrap">
                    <Link href={`/requests/${c.id}`} className="mono">
                      {c.number}
                    </Link>
                  </th>
                  <td className="nowrap">{tKind(c.kind)}</td>
                  <td>
                    {changeText(c.change)}
                    {c.window ? (
                      <>
                        <br />
                        <span className="small muted">
                          {t('window', {
                            from: formatDateTime(c.window.from, locale),
                            until: formatDateTime(c.window.until, locale),
                          })}
                        </span>
                      </>
                    ) : null}
                    {c.failureReason ? (
                      <>
                        <br />
                        <span className="small">{t('failure', { reason: c.failureReason })}</span>
                      </>
                    ) : null}
                  </td>
                  <td className="num nowrap">
                    {`${c.monthlyDeltaKrw > 0 ? '+' : c.monthlyDeltaKrw < 0 ? '−' : ''}${formatKrw(Math.abs(c.monthlyDeltaKrw), locale)}`}
                  </td>
                  <td>
                    <RequestStatusBadge status={c.status} />
                  </td>
                  <td className="nowrap">
                    <time dateTime={c.submittedAt}>{formatDateTime(c.submittedAt, locale)}</time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
