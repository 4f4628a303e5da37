import { useLocale, useTranslations } from 'next-intl';
import {
  buildApprovalLine,
  type LineSubject,
  leaseMonths,
  type PlannedStep,
  ruleMatches,
  totalCostKrw,
} from '@/lib/approvals/build-approval-line';
import type { LinePreviewData } from '@/lib/approvals/line-preview-data';
import type { ApproverRef, PolicyRule } from '@/lib/approvals/policy-schema';
import { formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';

export type LinePreviewSubject = Omit<LineSubject, 'totalKrw'> & { leaseUntil: string };

/** Rules that add steps only from an amount on (the senior official's, in the default policy). */
function thresholdOf(rule: PolicyRule): { monthly?: number; total?: number } | null {
  const monthly = rule.match.monthlyKrw?.min;
  const total = rule.match.totalKrw?.min;
  return monthly || total ? { monthly, total } : null;
}

/**
 * The 결재선 the request will get: the policy in force run through the same pure buildApprovalLine
 * as the server, live with the form. Each step shows its kind, approvers and the rule behind it; a
 * note tells whether 전결 applies (the amount-gated rule is absent) or the senior official signs.
 */
export function LinePreview({ data, subject }: { data: LinePreviewData; subject: LinePreviewSubject }) {
  const t = useTranslations('linePreview');
  const tForm = useTranslations('requestForm');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const { policy } = data;
  const months = leaseMonths(subject.leaseUntil, new Date());
  const monthsCounted = months ?? policy.settings.monthsWithoutLease;
  const lineSubject: LineSubject = {
    departmentCode: subject.departmentCode,
    kind: subject.kind,
    environment: subject.environment,
    monthlyKrw: subject.monthlyKrw,
    totalKrw: totalCostKrw(subject.monthlyKrw, months, policy.settings.monthsWithoutLease),
  };
  const line = buildApprovalLine(policy, lineSubject);
  const groups = [...new Set(line.map((s) => s.order))].map((order) => line.filter((s) => s.order === order));

  const deptName = (code: string) => {
    const d = data.departments.find((x) => x.code === code);
    return d ? (locale === 'en' ? d.nameEn : d.nameKo) : code;
  };
  const approverLabel = (a: ApproverRef) =>
    a.type === 'user'
      ? (data.people.find((p) => p.email.toLowerCase() === a.email.toLowerCase())?.name ?? a.email)
      : t('roleIn', {
          role: tEnum(`role.${a.role}`),
          department: deptName(a.type === 'department_role' ? a.departmentCode : subject.departmentCode),
        });

  // 전결 or not: for each amount-gated rule that would otherwise apply to this request
  const amount = (n: number) => formatKrwShort(n, locale);
  // who holds final authority: an office (its department, as 정보화담당관 is both) or a person
  const authorityOf = (a: ApproverRef) =>
    a.type === 'user'
      ? approverLabel(a)
      : deptName(a.type === 'department_role' ? a.departmentCode : subject.departmentCode);
  const roleOf = (a: ApproverRef) => (a.type === 'user' ? approverLabel(a) : tEnum(`role.${a.role}`));
  const finalGroup = [...groups].reverse().find((g) => g[0]?.kind === 'approve');
  const notes = policy.rules.flatMap((rule) => {
    const threshold = thresholdOf(rule);
    if (!threshold) return [];
    const ungated = { ...rule, match: { ...rule.match, monthlyKrw: undefined, totalKrw: undefined } };
    if (!ruleMatches(ungated, lineSubject)) return [];
    const added = [...new Set(rule.steps.flatMap((step) => step.approvers.map(roleOf)))].join(', ');
    const amounts = (
      monthlyKey: 'conditionMonthly' | 'belowMonthly',
      totalKey: 'conditionTotal' | 'belowTotal',
    ) =>
      [
        threshold.monthly ? t(monthlyKey, { amount: amount(threshold.monthly) }) : null,
        threshold.total ? t(totalKey, { amount: amount(threshold.total) }) : null,
      ]
        .filter(Boolean)
        .join(', ');
    if (ruleMatches(rule, lineSubject))
      return [t('senior', { condition: amounts('conditionMonthly', 'conditionTotal'), added })];
    const below =
      (threshold.monthly !== undefined && lineSubject.monthlyKrw < threshold.monthly) ||
      (threshold.total !== undefined && lineSubject.totalKrw < threshold.total);
    if (!below || !finalGroup) return [];
    const authority = [...new Set(finalGroup.map((s) => authorityOf(s.approver)))].join(', ');
    return [t('jeongyeol', { below: amounts('belowMonthly', 'belowTotal'), authority, added })];
  });

  return (
    <section className="card" aria-labelledby="line-preview-title">
      <h2 id="line-preview-title">{tForm('lineTitle')}</h2>
      {groups.length === 0 ? (
        <p className="alert alert--warning">{t('empty')}</p>
      ) : (
        <ol className="timeline">
          {groups.map((group) => (
            <PreviewStep key={group[0]!.order} group={group} label={approverLabel} />
          ))}
        </ol>
      )}
      <div aria-live="polite" aria-atomic="true">
        <p className="small" style={{ fontWeight: 700 }}>
          {t('summary', {
            count: groups.length,
            kinds: groups.map((g) => tEnum(`stepKind.${g[0]!.kind}`)).join(' → '),
          })}
        </p>
        {notes.length ? (
          <div className="alert alert--info small">
            {notes.map((note) => (
              <p key={note}>{note}</p>
            ))}
          </div>
        ) : null}
      </div>
      <p className="small muted" style={{ marginTop: 'var(--space-3)' }}>
        {t(months === null ? 'totalNoLease' : 'total', {
          total: amount(lineSubject.totalKrw),
          monthly: amount(subject.monthlyKrw),
          months: monthsCounted,
        })}
      </p>
      <p className="small muted">
        {policy.version === 0
          ? t('policyDefault', { name: policy.name })
          : t('policy', { name: policy.name, version: policy.version })}
      </p>
    </section>
  );
}

/** One step of the preview; a parallel 협조 group is one step with several approvers. */
function PreviewStep({ group, label }: { group: PlannedStep[]; label: (a: ApproverRef) => string }) {
  const t = useTranslations('linePreview');
  const tEnum = useTranslations('enums');
  const first = group[0]!;
  return (
    <li className="timeline__step">
      <div className="timeline__head">
        <span className="tag">{tEnum(`stepKind.${first.kind}`)}</span>
        <span>{group.length === 1 ? label(first.approver) : t('parallelHead', { count: group.length })}</span>
      </div>
      {group.length > 1 ? (
        <>
          {group.map((s) => (
            <p key={JSON.stringify(s.approver)} className="timeline__meta">
              {label(s.approver)}
            </p>
          ))}
          <p className="timeline__meta">
            <strong>{t('parallel')}</strong>
          </p>
        </>
      ) : null}
      <p className="timeline__meta">{t('rule', { name: first.ruleName })}</p>
    </li>
  );
}
