import { useLocale, useTranslations } from 'next-intl';
import { StepStatusBadge } from '@/components/ui/status-badge';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import type { RequestStep, RequestView } from '@/lib/requests/queries';

/** The current round's steps; with earlier rounds (history) every round is shown under its heading. */
type Line = Pick<RequestView, 'steps'> & Partial<Pick<RequestView, 'history' | 'round'>>;

/** The steps of one round grouped by order: a parallel 협조 group is one entry of the timeline. */
function groupsOf(steps: RequestStep[]): RequestStep[][] {
  const orders = [...new Set(steps.map((s) => s.order))].sort((a, b) => a - b);
  return orders.map((order) => steps.filter((s) => s.order === order));
}

function groupStatus(group: RequestStep[]): RequestStep['status'] {
  if (group.some((s) => s.status === 'rejected')) return 'rejected';
  if (group.some((s) => s.status === 'pending')) return 'pending';
  if (group.every((s) => s.status === 'approved')) return 'approved';
  return group[0]!.status;
}

/**
 * The 결재선 as a timeline: every round (earlier, 반려 rounds first), each step with its kind,
 * approver, status, who decided and when (Seoul time), the comment, 대결 and escalation marks and
 * the policy rule that produced it.
 */
export function ApprovalLine({ steps, history = [], round = steps[0]?.round ?? 1 }: Line) {
  const t = useTranslations('line');
  if (history.length === 0) return <RoundSteps steps={steps} />;
  const rounds = [...new Set(history.map((s) => s.round)), round];
  return (
    <div className="stack">
      {rounds.map((r) => {
        const roundSteps = r === round ? steps : history.filter((s) => s.round === r);
        const rejected = roundSteps.some((s) => s.status === 'rejected');
        return (
          <section key={r} aria-labelledby={`round-${r}`}>
            <h3 id={`round-${r}`}>{t(rejected ? 'roundRejected' : 'round', { round: r })}</h3>
            <RoundSteps steps={roundSteps} />
          </section>
        );
      })}
    </div>
  );
}

function RoundSteps({ steps }: { steps: RequestStep[] }) {
  const t = useTranslations('line');
  const tEnum = useTranslations('enums');
  return (
    <ol className="timeline">
      {groupsOf(steps).map((group) => {
        const first = group[0]!;
        const parallel = group.length > 1;
        return (
          <li key={first.id} className={`timeline__step timeline__step--${groupStatus(group)}`}>
            <div className="timeline__head">
              <span className="sr-only">{t('step', { order: first.order })}: </span>
              <span className="tag">{tEnum(`stepKind.${first.kind}`)}</span>
              {parallel ? <span>{t('parallel', { count: group.length })}</span> : <StepHead step={first} />}
            </div>
            {parallel ? (
              group.map((step) => (
                <div key={step.id} style={{ marginTop: 'var(--space-2)' }}>
                  <p className="timeline__head" style={{ margin: 0 }}>
                    <StepHead step={step} />
                  </p>
                  <StepDetail step={step} />
                </div>
              ))
            ) : (
              <StepDetail step={first} />
            )}
            {first.ruleName ? <p className="timeline__meta">{t('rule', { name: first.ruleName })}</p> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Approver, status and the marks that matter to the reader (my turn, 대결, escalated). */
function StepHead({ step }: { step: RequestStep }) {
  const t = useTranslations('line');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const { approver } = step;
  const who = approver.userId
    ? (approver.userName ?? '')
    : approver.role
      ? tEnum(`role.${approver.role}`)
      : '';
  return (
    <>
      <span>
        {who}
        {approver.userId ? null : (
          <span className="muted">
            {' · '}
            {(locale === 'en' ? approver.departmentNameEn : approver.departmentName) ?? t('anyDepartment')}
          </span>
        )}
      </span>
      <StepStatusBadge status={step.status} />
      {step.escalated ? <span className="badge badge--warning">{t('escalated')}</span> : null}
      {step.awaitsMe ? (
        <span className="tag tag--accent">
          {step.awaitsMeActingFor
            ? t('awaitsMeActingFor', { name: step.awaitsMeActingFor.name })
            : t('awaitsMe')}
        </span>
      ) : null}
    </>
  );
}

/** Who decided and when (대결 named as such), or since when it waits; the comment. */
function StepDetail({ step }: { step: RequestStep }) {
  const t = useTranslations('line');
  const locale = toLocale(useLocale());
  const when = step.decidedAt ? (
    <>
      {' · '}
      <time dateTime={step.decidedAt}>{formatDateTime(step.decidedAt, locale)}</time>
    </>
  ) : null;
  return (
    <>
      {step.decidedBy ? (
        <p className="timeline__meta">
          {step.actingFor
            ? t('actingFor', { decider: step.decidedBy.name, approver: step.actingFor.name })
            : `${t('decidedBy')}: ${step.decidedBy.name}`}
          {when}
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
    </>
  );
}
