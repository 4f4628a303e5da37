import { useLocale, useTranslations } from 'next-intl';
import { buildApprovalLine, SENIOR_THRESHOLD_MONTHLY_KRW } from '@/lib/approvals/build-approval-line';
import { formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';

export type LinePreviewDepartments = {
  requester: { id: string; name: string };
  itDivision: { id: string; name: string };
};

/** The 결재선 the request will get at this estimate (the senior step appears at the 전결 threshold). */
export function LinePreview({
  estimate,
  departments,
}: {
  estimate: number;
  departments: LinePreviewDepartments;
}) {
  const t = useTranslations('requestForm');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const steps = buildApprovalLine({
    requesterDepartmentId: departments.requester.id,
    itDivisionId: departments.itDivision.id,
    estimateMonthlyKrw: estimate,
  });
  const names = new Map([
    [departments.requester.id, departments.requester.name],
    [departments.itDivision.id, departments.itDivision.name],
  ]);
  const threshold = formatKrwShort(SENIOR_THRESHOLD_MONTHLY_KRW, locale);
  const senior = estimate >= SENIOR_THRESHOLD_MONTHLY_KRW;
  return (
    <section className="card" aria-labelledby="line-preview-title">
      <h2 id="line-preview-title">{t('lineTitle')}</h2>
      <div aria-live="polite">
        <ol className="timeline">
          {steps.map((step) => (
            <li key={step.order} className="timeline__step">
              <div className="timeline__head">
                <span className="tag">{tEnum(`stepKind.${step.kind}`)}</span>
                {tEnum(`role.${step.approverRole}`)}
              </div>
              <p className="timeline__meta">
                {step.approverDepartmentId
                  ? (names.get(step.approverDepartmentId) ?? '')
                  : t('anyDepartment')}
              </p>
            </li>
          ))}
        </ol>
        <p className="hint">{senior ? t('lineSenior', { threshold }) : t('lineNote', { threshold })}</p>
      </div>
    </section>
  );
}
