import { useLocale, useTranslations } from 'next-intl';
import { StepStatusBadge } from '@/components/ui/status-badge';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import type { RequestView } from '@/lib/requests/queries';

/** The frozen 결재선 as an ordered timeline: kind, approver, status, who decided, when, comment. */
export function ApprovalLine({ steps }: { steps: RequestView['steps'] }) {
  const t = useTranslations('line');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  return (
    <ol className="timeline">
      {steps.map((step) => (
        <li key={step.id} className={`timeline__step timeline__step--${step.status}`}>
          <div className="timeline__head">
            <span className="sr-only">{t('step', { order: step.order })}: </span>
            <span className="tag">{tEnum(`stepKind.${step.kind}`)}</span>
            <span>
              {step.approver.role ? tEnum(`role.${step.approver.role}`) : ''}
              <span className="muted">
                {' · '}
                {step.approver.departmentName ?? t('anyDepartment')}
              </span>
            </span>
            <StepStatusBadge status={step.status} />
            {step.awaitsMe ? <span className="tag tag--accent">{t('awaitsMe')}</span> : null}
          </div>
          {step.decidedBy ? (
            <p className="timeline__meta">
              {t('decidedBy')}: {step.decidedBy.name}
              {step.decidedAt ? (
                <>
                  {' · '}
                  <time dateTime={step.decidedAt}>{formatDateTime(step.decidedAt, locale)}</time>
                </>
              ) : null}
            </p>
          ) : step.status === 'pending' && step.pendingSince ? (
            <p className="timeline__meta">
              {t('waitingSince', { since: formatDateTime(step.pendingSince, locale) })}
            </p>
          ) : null}
          {step.comment ? (
            <p className="timeline__comment">
              <span className="sr-only">{t('comment')}: </span>
              {step.comment}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
