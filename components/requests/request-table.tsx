import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { RequestStatusBadge } from '@/components/ui/status-badge';
import { formatDateTime } from '@/lib/format/dates';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import type { RequestView } from '@/lib/requests/queries';

/** Requests as a table: number (the link), item, system, department, estimate, status, submitted. */
export function RequestTable({
  requests,
  showDepartment,
}: {
  requests: RequestView[];
  showDepartment: boolean;
}) {
  const t = useTranslations('requests');
  const locale = toLocale(useLocale());
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{t('caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('columns.number')}</th>
            <th scope="col">{t('columns.item')}</th>
            <th scope="col">{t('columns.system')}</th>
            {showDepartment ? <th scope="col">{t('columns.department')}</th> : null}
            <th scope="col" className="num">
              {t('columns.estimate')}
            </th>
            <th scope="col">{t('columns.status')}</th>
            <th scope="col">{t('columns.submittedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <th scope="row" className="nowrap">
                <Link href={`/requests/${r.id}`} className="mono">
                  {r.number}
                </Link>
              </th>
              <td>{locale === 'en' ? r.catalogItemNameEn : r.catalogItemName}</td>
              <td>{r.systemName}</td>
              {showDepartment ? <td>{locale === 'en' ? r.departmentNameEn : r.departmentName}</td> : null}
              <td className="num">{formatKrw(r.estimate.monthlyKrw, locale)}</td>
              <td>
                <RequestStatusBadge status={r.status} />
              </td>
              <td className="nowrap">
                {r.submittedAt ? (
                  <time dateTime={r.submittedAt}>{formatDateTime(r.submittedAt, locale)}</time>
                ) : (
                  ''
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
