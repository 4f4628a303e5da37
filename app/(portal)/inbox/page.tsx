import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { formatDateTime, formatDuration } from '@/lib/format/dates';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { listRequests } from '@/lib/requests/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

/** 결재함 — requests with a step awaiting the signed-in approver, oldest wait first. */
export default async function InboxPage() {
  const actor = await requireActor('requests:decide');
  const [t, tAll, locale, page] = await Promise.all([
    getTranslations('inbox'),
    getTranslations(),
    getLocale().then(toLocale),
    listRequests({ actor, pendingForMe: true, limit: 100 }),
  ]);
  const now = new Date();
  const rows = page.items
    .map((request) => ({ request, step: request.steps.find((s) => s.awaitsMe) }))
    .sort((a, b) => (a.step?.pendingSince ?? '').localeCompare(b.step?.pendingSince ?? ''));
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <p role="status" className="eyebrow" style={{ fontSize: '1rem' }}>
        {t('count', { count: rows.length })}
      </p>
      {rows.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('columns.number')}</th>
                <th scope="col">{t('columns.requester')}</th>
                <th scope="col">{t('columns.item')}</th>
                <th scope="col" className="num">
                  {t('columns.estimate')}
                </th>
                <th scope="col">{t('columns.step')}</th>
                <th scope="col">{t('columns.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ request, step }) => (
                <tr key={request.id}>
                  <th scope="row" className="nowrap">
                    <Link
                      href={`/requests/${request.id}`}
                      className="mono"
                      aria-label={t('open', { number: request.number })}
                    >
                      {request.number}
                    </Link>
                  </th>
                  <td>
                    {request.requesterName} <span className="muted">({request.departmentName})</span>
                  </td>
                  <td>
                    {locale === 'en' ? request.catalogItemNameEn : request.catalogItemName}
                    <br />
                    <span className="muted small">{request.systemName}</span>
                  </td>
                  <td className="num">{formatKrw(request.estimate.monthlyKrw, locale)}</td>
                  <td>{step ? tAll(`enums.stepKind.${step.kind}`) : ''}</td>
                  <td className="nowrap">
                    {step?.pendingSince ? (
                      <time dateTime={step.pendingSince} title={formatDateTime(step.pendingSince, locale)}>
                        {t('waiting', { duration: formatDuration(step.pendingSince, now, locale) })}
                      </time>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
