import { useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format/dates';
import type { Locale } from '@/lib/i18n/config';

type Delivery = { sentAt: Date | null; transport: string | null; attempts: number; lastError: string | null };

/** Where a mail went and when: "SMTP · 2026. 11. 25. 14:05", waiting, or failed so many times. */
export function MailDelivery({ mail, locale }: { mail: Delivery; locale: Locale }) {
  const t = useTranslations('devMailbox');
  if (mail.sentAt) {
    const transport =
      mail.transport === 'smtp' || mail.transport === 'devbox'
        ? t(`transports.${mail.transport}`)
        : mail.transport;
    return (
      <>
        {transport}
        <br />
        <time className="small muted" dateTime={mail.sentAt.toISOString()}>
          {formatDateTime(mail.sentAt, locale)}
        </time>
      </>
    );
  }
  if (mail.lastError)
    return <span className="badge badge--danger">{t('failed', { attempts: mail.attempts })}</span>;
  return <span className="badge badge--neutral">{t('notSent')}</span>;
}
