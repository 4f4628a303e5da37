import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { ReconcileButton } from '@/components/admin/drift/reconcile-button';
import { PageHead } from '@/components/ui/page-head';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { listDriftFindings } from '@/lib/provisioning/drift-queries';
import { reconcileNowAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('drift');
  return { title: t('title') };
}

// GET /admin/drift — 드리프트: open findings of the reconciler, and 지금 점검
export default async function DriftPage() {
  const actor = await requireActor('admin:manage');
  const [t, tAdmin, locale, findings] = await Promise.all([
    getTranslations('drift'),
    getTranslations('admin'),
    getLocale().then(toLocale),
    listDriftFindings({ actor }),
  ]);
  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin">{tAdmin('breadcrumb')}</Link>
      </p>
      <PageHead title={t('title')} lead={t('lead')} />
      <div className="stack">
        <ReconcileButton action={reconcileNowAction} />
        {findings.length === 0 ? (
          <p className="empty">{t('empty')}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption>{t('caption', { count: findings.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kind')}</th>
                  <th scope="col">{t('provider')}</th>
                  <th scope="col">{t('reference')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col">{t('resource')}</th>
                  <th scope="col">{t('firstSeen')}</th>
                  <th scope="col">{t('lastSeen')}</th>
                </tr>
              </thead>
              <tbody>
                {findings.map((f) => (
                  <tr key={f.id}>
                    <td>
                      <span className={`badge ${f.kind === 'missing' ? 'badge--danger' : 'badge--warning'}`}>
                        {t(`kindValue.${f.kind}`)}
                      </span>
                      <br />
                      <span className="small muted">{t(`kindHint.${f.kind}`)}</span>
                    </td>
                    <td className="nowrap">
                      {f.provider}
                      <br />
                      <span className="small muted">{f.poolName}</span>
                    </td>
                    <th scope="row" className="mono">
                      {f.providerRef}
                    </th>
                    <td className="mono">{f.name}</td>
                    <td>
                      {f.resourceId ? (
                        <Link href={`/resources/${f.resourceId}`}>{f.resourceName ?? f.resourceId}</Link>
                      ) : (
                        <span className="muted">{t('noResource')}</span>
                      )}
                    </td>
                    <td className="nowrap">
                      <time dateTime={f.firstSeenAt}>{formatDateTime(f.firstSeenAt, locale)}</time>
                    </td>
                    <td className="nowrap">
                      <time dateTime={f.lastSeenAt}>{formatDateTime(f.lastSeenAt, locale)}</time>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </>
  );
}
