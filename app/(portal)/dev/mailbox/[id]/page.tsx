import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { MailDelivery } from '@/components/dev-mailbox/mail-delivery';
import { MailHtmlFrame, MailTextPart } from '@/components/dev-mailbox/mail-parts';
import { PageHead } from '@/components/ui/page-head';
import { isDemoMode } from '@/lib/config/runtime';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { getOutboxMail } from '@/lib/notify/queries';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  if (!isDemoMode()) return {};
  await requireActor();
  const mail = await getOutboxMail((await params).id);
  const t = await getTranslations('devMailbox');
  return { title: mail ? t('detailTitle', { subject: mail.subject }) : undefined };
}

// GET /dev/mailbox/<id> — one mail of the dev mailbox: its details, text part and HTML part
export default async function DevMailPage({ params }: Props) {
  if (!isDemoMode()) notFound();
  await requireActor();
  const [{ id }, t, locale] = await Promise.all([
    params,
    getTranslations('devMailbox'),
    getLocale().then(toLocale),
  ]);
  const mail = await getOutboxMail(id);
  if (!mail) notFound();
  return (
    <>
      <p className="breadcrumb">
        <Link href="/dev/mailbox">{t('backToList')}</Link>
      </p>
      <PageHead title={mail.subject} />
      <div className="stack">
        <section className="card" aria-labelledby="mail-meta-title">
          <h2 id="mail-meta-title">{t('meta')}</h2>
          <dl className="facts">
            <dt>{t('to')}</dt>
            <dd>
              {mail.toName ? `${mail.toName} ` : ''}
              <span className="mono">&lt;{mail.toAddress}&gt;</span>
            </dd>
            <dt>{t('subject')}</dt>
            <dd>{mail.subject}</dd>
            <dt>{t('template')}</dt>
            <dd className="mono">{mail.template}</dd>
            <dt>{t('createdAt')}</dt>
            <dd>
              <time dateTime={mail.createdAt.toISOString()}>{formatDateTime(mail.createdAt, locale)}</time>
            </dd>
            <dt>{t('sentAt')}</dt>
            <dd>
              <MailDelivery mail={mail} locale={locale} />
            </dd>
            <dt>{t('attempts')}</dt>
            <dd>{mail.attempts}</dd>
            {mail.lastError ? (
              <>
                <dt>{t('lastError')}</dt>
                <dd className="mono">{mail.lastError}</dd>
              </>
            ) : null}
            {mail.requestId ? (
              <>
                <dt>{t('request')}</dt>
                <dd>
                  <Link href={`/requests/${mail.requestId}`}>{t('openRequest')}</Link>
                </dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="card" aria-labelledby="mail-text-title">
          <h2 id="mail-text-title">{t('textPart')}</h2>
          <MailTextPart text={mail.text} />
        </section>
        <section className="card" aria-labelledby="mail-html-title">
          <h2 id="mail-html-title">{t('htmlPart')}</h2>
          <p className="hint">{t('htmlHint')}</p>
          <MailHtmlFrame html={mail.html} title={t('htmlFrame')} />
        </section>
      </div>
    </>
  );
}
