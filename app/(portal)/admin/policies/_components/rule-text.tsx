import { useLocale, useTranslations } from 'next-intl';
import { Fragment } from 'react';
import type { ApproverRef, PolicyRule, PolicyStep } from '@/lib/approvals/policy-schema';
import { formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';

/** Names for the codes and addresses a policy holds: department code → name, email → person's name. */
export type PolicyNames = { departments: Record<string, string>; people: Record<string, string> };

type Range = { min?: number; max?: number } | undefined;

/**
 * A policy in plain words, in the reader's language: "교통국·복지국의 운영 환경 가상 서버, 월 100만 원
 * 이상" for a rule's conditions, "기획조정실 상위 결재권자" for an approver. Works in server and client
 * components alike.
 */
export function usePolicyText(names: PolicyNames) {
  const t = useTranslations('admin.policyText');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const list = (items: string[]) => items.join(t('separator'));
  const krw = (n: number) => formatKrwShort(n, locale);
  const department = (code: string) => names.departments[code] ?? t('unknownDepartment', { code });

  function amount(prefix: 'monthly' | 'total', r: Range): string | null {
    if (!r || (r.min === undefined && r.max === undefined)) return null;
    if (r.min !== undefined && r.max !== undefined)
      return t(`${prefix}Range`, { min: krw(r.min), max: krw(r.max) });
    return r.min !== undefined
      ? t(`${prefix}Min`, { min: krw(r.min) })
      : t(`${prefix}Max`, { max: krw(r.max!) });
  }

  function conditions(match: PolicyRule['match']): string {
    const depts = match.departments?.length
      ? t('departments', { names: list(match.departments.map(department)) })
      : null;
    const envs = match.environments?.length
      ? t('environments', { names: list(match.environments.map((e) => tEnum(`environment.${e}`))) })
      : null;
    const kinds = match.kinds?.length
      ? t('kinds', { names: list(match.kinds.map((k) => tEnum(`kind.${k}`))) })
      : null;
    const amounts = [amount('monthly', match.monthlyKrw), amount('total', match.totalKrw)].filter(Boolean);
    if (!depts && !envs && !kinds && amounts.length === 0) return t('everyRequest');
    // amounts alone read "모든 요청, 월 100만 원 이상"
    const noun = kinds ?? (depts || envs ? t('requests') : t('everyRequest'));
    const what = locale === 'en' ? [noun, depts, envs] : [depts, envs, noun];
    const subject = what.filter(Boolean).join(' ');
    return [subject.charAt(0).toUpperCase() + subject.slice(1), ...amounts].join(', ');
  }

  function approver(ref: ApproverRef): string {
    // a draft's approver may still be half chosen
    if (
      ref.type === 'user' ? !ref.email : !ref.role || (ref.type === 'department_role' && !ref.departmentCode)
    )
      return t('unchosen');
    if (ref.type === 'user') {
      const name = names.people[ref.email.toLowerCase()];
      return name ? t('person', { name, email: ref.email }) : ref.email;
    }
    const role = tEnum(`role.${ref.role}`);
    if (ref.type === 'requester_department_role') return t('requesterDepartment', { role });
    return t('departmentRole', { department: department(ref.departmentCode), role });
  }

  function step(s: Pick<PolicyStep, 'kind' | 'approvers'>): string {
    const values = { kind: tEnum(`stepKind.${s.kind}`), approvers: s.approvers.map(approver).join(', ') };
    return s.approvers.length > 1 ? t('parallel', values) : t('step', values);
  }

  return { conditions, approver, step };
}

/** One rule as a sentence: its conditions → its steps in order (arrows are read as words). */
export function RuleSentence({ rule, names }: { rule: PolicyRule; names: PolicyNames }) {
  const t = useTranslations('admin.policyText');
  const text = usePolicyText(names);
  return (
    <>
      {text.conditions(rule.match)} <span aria-hidden="true">→</span>
      <span className="sr-only"> {t('lineIs')}</span>{' '}
      {rule.steps.length === 0
        ? t('noSteps')
        : rule.steps.map((s, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a saved rule's steps never move
            <Fragment key={i}>
              {i > 0 ? (
                <>
                  {' '}
                  <span aria-hidden="true">→</span>
                  <span className="sr-only">, {t('then')}</span>{' '}
                </>
              ) : null}
              {text.step(s)}
            </Fragment>
          ))}
    </>
  );
}
