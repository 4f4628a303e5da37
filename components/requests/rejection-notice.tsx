import { useLocale, useTranslations } from 'next-intl';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import type { RequestStep } from '@/lib/requests/queries';

/** 반려 사유: the rejecting step's comment, who rejected (and for whom, under 대결) and when. */
export function RejectionNotice({ steps }: { steps: RequestStep[] }) {
  const t = useTranslations('request.rejection');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const step = steps.find((s) => s.status === 'rejected');
  if (!step) return null;
  const by = step.decidedBy?.name ?? '';
  return (
    <section className="card" aria-labelledby="rejection-title">
      <h2 id="rejection-title">{t('title')}</h2>
      <p className="timeline__comment">{step.comment || t('noReason')}</p>
      <p className="small muted" style={{ marginTop: 'var(--space-2)' }}>
        {step.actingFor
          ? t('byActing', { name: by, approver: step.actingFor.name, kind: tEnum(`stepKind.${step.kind}`) })
          : t('by', { name: by, kind: tEnum(`stepKind.${step.kind}`) })}
        {step.decidedAt ? (
          <>
            {' · '}
            <time dateTime={step.decidedAt}>{formatDateTime(step.decidedAt, locale)}</time>
          </>
        ) : null}
      </p>
    </section>
  );
}
