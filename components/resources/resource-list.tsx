'use client';

import { useQuery } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { ResourceStatusBadge } from '@/components/ui/status-badge';
import { type ResourceListData, resourcesQueryOptions } from '@/lib/client/query-options';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';

const BUSY = new Set(['provisioning', 'decommissioning']);

/** The resources table; polls every 2 s while any resource is still being built or removed. */
export function ResourceList({
  initial,
  showDepartment,
}: {
  initial: ResourceListData;
  showDepartment: boolean;
}) {
  const t = useTranslations('resources');
  const tAll = useTranslations();
  const locale = toLocale(useLocale());
  const { data, isError } = useQuery({
    ...resourcesQueryOptions(),
    initialData: initial,
    // fast while something is being built; slower otherwise, so a resource approved meanwhile shows up
    refetchInterval: (q) => (q.state.data?.items.some((r) => BUSY.has(r.status)) ? 2_000 : 10_000),
  });
  if (data.items.length === 0) return <p className="empty">{t('empty')}</p>;
  return (
    <>
      {isError ? (
        <p className="alert alert--warning" role="status">
          {tAll('common.fetchFailed')}
        </p>
      ) : null}
      <div className="table-wrap">
        <table>
          <caption className="sr-only">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.status')}</th>
              <th scope="col">{t('columns.kind')}</th>
              <th scope="col">{t('columns.system')}</th>
              {showDepartment ? <th scope="col">{t('columns.department')}</th> : null}
              <th scope="col">{t('columns.pool')}</th>
              <th scope="col">{t('columns.createdAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link href={`/resources/${r.id}`} className="mono">
                    {r.name}
                  </Link>
                </th>
                <td>
                  <span aria-live="polite">
                    <ResourceStatusBadge status={r.status} />
                  </span>
                </td>
                <td>{tAll(`enums.kind.${r.kind}`)}</td>
                <td>{r.systemName}</td>
                {showDepartment ? <td>{locale === 'en' ? r.departmentNameEn : r.departmentName}</td> : null}
                <td>{r.poolName}</td>
                <td className="nowrap">
                  <time dateTime={r.createdAt}>{formatDateTime(r.createdAt, locale)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
