import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireActor } from '@/app/_auth/require-actor';
import { MailDelivery } from '@/components/dev-mailbox/mail-delivery';
import { PageHead } from '@/components/ui/page-head';
import { isDemoMode } from '@/lib/config/runtime';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { linksInText, listOutboxMail } from '@/lib/notify/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('devMailbox');
  return { title: t('title') };
}

const pageQuery = z.object({ cursor: z.string().max(64).optional().catch(undefined) });
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// GET /dev/mailbox — 개발용 메일함: the mail outbox, newest first (demo mode only, any signed-in user)
export default async function DevMailboxPage({ searchParams }: { searchParams: SearchParams }) {
  if (!isDemoMode()) notFound();
  await requireActor();
  const [raw, t, locale] = await Promise.all([
    searchParams,
    getTranslations('devMailbox'),
    getLocale().then(toLocale),
  ]);
  const { cursor } = pageQuery.parse(raw);
  const { items, nextCursor } = await listOutboxMail({ limit: 50, cursor });
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <div className="stack">
        <div className="table-wrap">
          <table>
            <caption>{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('subject')}</th>
                <th scope="col">{t('to')}</th>
                <th scope="col">{t('template')}</th>
                <th scope="col">{t('createdAt')}</th>
                <th scope="col">{t('transport')}</th>
                <th scope="col">{t('link')}</th>
              </tr>
            </thead>
            <tbody>
              {items.length === 0 ? (
                <tr>
                  <td colSpan={6} className="empty">
                    {t('empty')}
                  </td>
                </tr>
              ) : null}
              {items.map((mail) => {
                const link = linksInText(mail.text)[0];
                return (
                  <tr key={mail.id}>
                    <th scope="row">
                      <Link href={`/dev/mailbox/${mail.id}`}>{mail.subject}</Link>
                    </th>
                    <td>
                      {mail.toName ? `${mail.toName} ` : ''}
                      <span className="mono">&lt;{mail.toAddress}&gt;</span>
                    </td>
                    <td className="mono">{mail.template}</td>
                    <td className="nowrap">
                      <time dateTime={mail.createdAt.toISOString()}>
                        {formatDateTime(mail.createdAt, locale)}
                      </time>
                    </td>
                    <td>
                      <MailDelivery mail={mail} locale={locale} />
                    </td>
                    <td>
                      {link ? (
                        <a href={link} aria-label={`${t('openLink')}: ${mail.subject}`}>
                          {t('openLink')}
                        </a>
                      ) : (
                        t('noLink')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        {nextCursor || cursor ? (
          <nav className="button-row" aria-label={t('caption')}>
            {cursor ? (
              <Link href="/dev/mailbox" className="button button--secondary">
                {t('first')}
              </Link>
            ) : null}
            {nextCursor ? (
              <Link href={`/dev/mailbox?cursor=${nextCursor}`} className="button button--secondary">
                {t('next')}
              </Link>
            ) : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
