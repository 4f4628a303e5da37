'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { Field, FieldError } from '@/components/ui/field';
import { approvingRoles } from '@/lib/approvals/approving-roles';
import type { ApprovingUser, DepartmentChoice } from '@/lib/approvals/policy-queries';
import { toLocale } from '@/lib/i18n/config';
import {
  approverTypes,
  type DraftApprover,
  type DraftStep,
  type EditorApi,
  fieldId,
  stepKinds,
} from './draft';

export type StepFieldsProps = {
  api: EditorApi;
  r: number;
  s: number;
  step: DraftStep;
  stepCount: number;
  departments: DepartmentChoice[];
  people: ApprovingUser[];
};

/** One step of a rule: its kind (검토·협조·결재) and its approvers; a 협조 step may have several. */
export function StepFields({ api, r, s, step, stepCount, departments, people }: StepFieldsProps) {
  const t = useTranslations('admin.policyEditor');
  const tEnum = useTranslations('enums');
  const path = `rules.${r}.steps.${s}`;
  const id = fieldId(path);
  const prefix = `${t('rulePrefix', { n: r + 1 })} ${t('stepPrefix', { n: s + 1 })}`;
  const named = (text: ReactNode) => (
    <>
      <span className="sr-only">{prefix} </span>
      {text}
    </>
  );
  const approversErrors = api.errors(`${path}.approvers`);
  const approversErrorId = approversErrors ? `${id}-approvers-error` : undefined;
  const several = step.kind === 'consult' || step.approvers.length > 1;

  return (
    <fieldset className="policy-step" id={id} tabIndex={-1}>
      <legend>
        <span className="sr-only">{t('rulePrefix', { n: r + 1 })} </span>
        {t('stepPrefix', { n: s + 1 })}: {tEnum(`stepKind.${step.kind}`)}
      </legend>
      <div className="button-row policy-tools">
        <MoveButton id={`${id}-up`} edge={s === 0} onClick={() => api.moveStep(r, s, -1)}>
          {named(t('moveUp'))}
        </MoveButton>
        <MoveButton id={`${id}-down`} edge={s === stepCount - 1} onClick={() => api.moveStep(r, s, 1)}>
          {named(t('moveDown'))}
        </MoveButton>
        <button
          type="button"
          id={`${id}-remove`}
          className="button button--small button--danger-outline"
          onClick={() => api.removeStep(r, s)}
        >
          {named(t('remove'))}
        </button>
      </div>

      <Field id={fieldId(`${path}.kind`)} label={named(t('kindLabel'))} errors={api.errors(`${path}.kind`)}>
        {(control) => (
          <select
            {...control}
            value={step.kind}
            onChange={(e) => api.updateStep(r, s, { kind: e.target.value as DraftStep['kind'] })}
          >
            {stepKinds.map((kind) => (
              <option key={kind} value={kind}>
                {tEnum(`stepKind.${kind}`)}
              </option>
            ))}
          </select>
        )}
      </Field>

      <fieldset
        id={fieldId(`${path}.approvers`)}
        tabIndex={-1}
        className="policy-approvers-group"
        aria-describedby={
          [approversErrorId, several ? `${id}-parallel-hint` : undefined].filter(Boolean).join(' ') ||
          undefined
        }
      >
        <legend>{named(t('approversLegend'))}</legend>
        {several ? (
          <p className="hint" id={`${id}-parallel-hint`}>
            {t('parallelHint')}
          </p>
        ) : null}
        <ol className="policy-approvers">
          {step.approvers.map((approver, i) => (
            <li key={approver.uid}>
              <ApproverFields
                api={api}
                r={r}
                s={s}
                i={i}
                approver={approver}
                prefix={`${prefix} ${t('approverPrefix', { n: i + 1 })}`}
                removable={step.approvers.length > 1}
                departments={departments}
                people={people}
              />
            </li>
          ))}
        </ol>
        <FieldError id={approversErrorId} errors={approversErrors} />
        {several ? (
          <button
            type="button"
            id={`${id}-add-approver`}
            className="button button--small button--secondary"
            onClick={() => api.addApprover(r, s)}
          >
            {named(t('addApprover'))}
          </button>
        ) : null}
      </fieldset>
    </fieldset>
  );
}

/** Up/down: stays focusable at either end (aria-disabled), so focus never drops after a move. */
export function MoveButton({
  id,
  edge,
  onClick,
  children,
}: {
  id: string;
  edge: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      id={id}
      className="button button--small button--ghost"
      aria-disabled={edge ? 'true' : undefined}
      onClick={edge ? undefined : onClick}
    >
      {children}
    </button>
  );
}

type ApproverFieldsProps = {
  api: EditorApi;
  r: number;
  s: number;
  i: number;
  approver: DraftApprover;
  prefix: string;
  removable: boolean;
  departments: DepartmentChoice[];
  people: ApprovingUser[];
};

/** Who signs: a role in the requester's department, a role in a chosen department, or a person. */
function ApproverFields({
  api,
  r,
  s,
  i,
  approver,
  prefix,
  removable,
  departments,
  people,
}: ApproverFieldsProps) {
  const t = useTranslations('admin.policyEditor');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const path = `rules.${r}.steps.${s}.approvers.${i}`;
  const named = (text: ReactNode) => (
    <>
      <span className="sr-only">{prefix} </span>
      {text}
    </>
  );
  const update = (patch: Partial<DraftApprover>) => api.updateApprover(r, s, i, patch);
  const roleChoices: string[] =
    approver.role && !(approvingRoles as readonly string[]).includes(approver.role)
      ? [...approvingRoles, approver.role]
      : [...approvingRoles];
  const knownDepartment = departments.some((d) => d.code === approver.departmentCode);
  const person = people.find((p) => p.email.toLowerCase() === approver.email.trim().toLowerCase());
  const personHint = person
    ? t('emailKnown', {
        name: person.name,
        department: locale === 'en' ? person.departmentNameEn : person.departmentNameKo,
      })
    : approver.email.trim()
      ? t('emailUnknown')
      : undefined;

  return (
    <div className="policy-approver">
      <div className="field-row">
        <Field
          id={fieldId(`${path}.type`)}
          label={named(t('typeLabel'))}
          errors={api.errors(`${path}.type`) ?? api.errors(path)}
        >
          {(control) => (
            <select
              {...control}
              value={approver.type}
              onChange={(e) => update({ type: e.target.value as DraftApprover['type'] })}
            >
              {approverTypes.map((type) => (
                <option key={type} value={type}>
                  {t(`types.${type}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        {approver.type === 'user' ? (
          <Field
            id={fieldId(`${path}.email`)}
            label={named(t('emailLabel'))}
            hint={personHint}
            errors={api.errors(`${path}.email`)}
          >
            {(control) => (
              <input
                {...control}
                type="email"
                list="policy-approver-emails"
                autoComplete="off"
                spellCheck={false}
                maxLength={254}
                value={approver.email}
                onChange={(e) => update({ email: e.target.value })}
              />
            )}
          </Field>
        ) : (
          <Field
            id={fieldId(`${path}.role`)}
            label={named(t('roleLabel'))}
            errors={api.errors(`${path}.role`)}
          >
            {(control) => (
              <select
                {...control}
                value={approver.role}
                onChange={(e) => update({ role: e.target.value as DraftApprover['role'] })}
              >
                <option value="">{t('choose')}</option>
                {roleChoices.map((role) => (
                  <option key={role} value={role}>
                    {tEnum(`role.${role}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        )}
        {approver.type === 'department_role' ? (
          <Field
            id={fieldId(`${path}.departmentCode`)}
            label={named(t('departmentLabel'))}
            errors={api.errors(`${path}.departmentCode`)}
          >
            {(control) => (
              <select
                {...control}
                value={approver.departmentCode}
                onChange={(e) => update({ departmentCode: e.target.value })}
              >
                <option value="">{t('choose')}</option>
                {departments.map((d) => (
                  <option key={d.code} value={d.code}>
                    {locale === 'en' ? d.nameEn : d.nameKo} ({d.code})
                  </option>
                ))}
                {approver.departmentCode && !knownDepartment ? (
                  <option value={approver.departmentCode}>
                    {t('unknownDepartment', { code: approver.departmentCode })}
                  </option>
                ) : null}
              </select>
            )}
          </Field>
        ) : null}
      </div>
      {removable ? (
        <button
          type="button"
          id={`${fieldId(path)}-remove`}
          className="button button--small button--ghost"
          onClick={() => api.removeApprover(r, s, i)}
        >
          {named(t('remove'))}
        </button>
      ) : null}
    </div>
  );
}
