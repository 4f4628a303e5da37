'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { Field } from '@/components/ui/field';
import { buildApprovalLine, totalCostKrw } from '@/lib/approvals/build-approval-line';
import type { DepartmentChoice } from '@/lib/approvals/policy-queries';
import { defaultPolicy, type Policy } from '@/lib/approvals/policy-schema';
import { formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { type Draft, environments, itemKinds, parseAmount, toPolicyInput } from './draft';
import { type PolicyNames, usePolicyText } from './rule-text';

type Group = { order: number; kind: 'review' | 'consult' | 'approve'; ruleName: string; approvers: string[] };

/**
 * 결재선 미리 보기: the line a sample request would get under the unsaved draft, computed in the
 * browser by the same pure function the server uses (lib/approvals/build-approval-line.ts).
 */
export function DraftLinePreview({
  draft,
  names,
  departments,
}: {
  draft: Draft;
  names: PolicyNames;
  departments: DepartmentChoice[];
}) {
  const t = useTranslations('admin.policyEditor.preview');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const text = usePolicyText(names);
  const [departmentCode, setDepartmentCode] = useState(
    departments.find((d) => d.code === 'TRAFFIC')?.code ?? departments[0]?.code ?? '',
  );
  const [kind, setKind] = useState<(typeof itemKinds)[number]>('vm');
  const [environment, setEnvironment] = useState<(typeof environments)[number]>('prod');
  const [monthlyText, setMonthlyText] = useState('1,000,000');
  const [leaseText, setLeaseText] = useState('');

  const monthly = parseAmount(monthlyText);
  const lease = leaseText.trim() === '' ? null : parseAmount(leaseText);
  const draftMonths = parseAmount(draft.settings.monthsWithoutLease);
  const monthsWithoutLease =
    Number.isInteger(draftMonths) && draftMonths >= 1
      ? draftMonths
      : defaultPolicy.settings.monthsWithoutLease;
  const valid =
    Number.isInteger(monthly) && monthly >= 0 && (lease === null || (Number.isInteger(lease) && lease >= 1));
  const months = lease ?? monthsWithoutLease;
  const total = valid ? totalCostKrw(monthly, lease, monthsWithoutLease) : 0;

  const groups: Group[] = [];
  if (valid) {
    const rules = toPolicyInput(draft).rules as Policy['rules'];
    for (const step of buildApprovalLine(
      { rules },
      { departmentCode, kind, environment, monthlyKrw: monthly, totalKrw: total },
    )) {
      const group = groups.find((g) => g.order === step.order);
      if (group) group.approvers.push(text.approver(step.approver));
      else
        groups.push({
          order: step.order,
          kind: step.kind,
          ruleName: step.ruleName,
          approvers: [text.approver(step.approver)],
        });
    }
  }
  const summary = groups.map((g) => tEnum(`stepKind.${g.kind}`)).join(', ');

  return (
    <section className="card" aria-labelledby="draft-preview-title">
      <h2 id="draft-preview-title">{t('title')}</h2>
      <p className="hint">{t('lead')}</p>
      <div className="form policy-preview__sample">
        <Field id="preview-department" label={t('department')}>
          {(control) => (
            <select {...control} value={departmentCode} onChange={(e) => setDepartmentCode(e.target.value)}>
              {departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {locale === 'en' ? d.nameEn : d.nameKo} ({d.code})
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="preview-kind" label={t('kind')}>
          {(control) => (
            <select {...control} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
              {itemKinds.map((k) => (
                <option key={k} value={k}>
                  {tEnum(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="preview-environment" label={t('environment')}>
          {(control) => (
            <select
              {...control}
              value={environment}
              onChange={(e) => setEnvironment(e.target.value as typeof environment)}
            >
              {environments.map((env) => (
                <option key={env} value={env}>
                  {tEnum(`environment.${env}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="preview-monthly" label={t('monthly')}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={monthlyText}
              onChange={(e) => setMonthlyText(e.target.value)}
            />
          )}
        </Field>
        <Field id="preview-lease" label={t('lease')} hint={t('leaseHint')}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={leaseText}
              onChange={(e) => setLeaseText(e.target.value)}
            />
          )}
        </Field>
      </div>

      {valid ? (
        <>
          <p className="small">
            {t('total', {
              total: formatKrwShort(total, locale),
              monthly: formatKrwShort(monthly, locale),
              months,
            })}
          </p>
          {groups.length === 0 ? (
            <p className="alert alert--warning">{t('empty')}</p>
          ) : (
            <ol className="timeline">
              {groups.map((g) => (
                <li key={g.order} className="timeline__step">
                  <div className="timeline__head">
                    <span className="sr-only">{t('step', { order: g.order })}: </span>
                    <span className="tag">{tEnum(`stepKind.${g.kind}`)}</span>
                    {g.approvers.length > 1 ? <span className="muted small">{t('together')}</span> : null}
                  </div>
                  <ul className="policy-preview__approvers">
                    {g.approvers.map((name, i) => (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the same label may appear twice
                      <li key={i}>{name}</li>
                    ))}
                  </ul>
                  <p className="timeline__meta">{t('fromRule', { name: g.ruleName })}</p>
                </li>
              ))}
            </ol>
          )}
        </>
      ) : (
        <p className="hint">{t('invalidAmount')}</p>
      )}
      <p className="sr-only" aria-live="polite">
        {valid ? summary || t('empty') : ''}
      </p>
    </section>
  );
}
