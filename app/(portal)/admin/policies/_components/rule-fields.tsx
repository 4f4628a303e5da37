'use client';

import { useLocale, useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { ChoiceGroup, Field, FieldError } from '@/components/ui/field';
import type { ApprovingUser, DepartmentChoice } from '@/lib/approvals/policy-queries';
import { toLocale } from '@/lib/i18n/config';
import { type DraftRule, type EditorApi, environments, fieldId, itemKinds } from './draft';
import { MoveButton, StepFields } from './step-fields';

export type RuleFieldsProps = {
  api: EditorApi;
  r: number;
  rule: DraftRule;
  ruleCount: number;
  departments: DepartmentChoice[];
  people: ApprovingUser[];
};

/** One rule of the draft: its name, what it matches, and the steps it adds to the line. */
export function RuleFields({ api, r, rule, ruleCount, departments, people }: RuleFieldsProps) {
  const t = useTranslations('admin.policyEditor');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const path = `rules.${r}`;
  const id = fieldId(path);
  const prefix = t('rulePrefix', { n: r + 1 });
  const named = (text: ReactNode) => (
    <>
      <span className="sr-only">{prefix} </span>
      {text}
    </>
  );
  const update = (patch: Partial<DraftRule>) => api.updateRule(r, patch);
  const toggle = <T extends string>(list: T[], value: T, on: boolean) =>
    on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);

  // a code the server did not find is reported by its index in the submitted list
  const departmentErrors = [
    ...(api.errors(`${path}.match.departments`) ?? []),
    ...rule.departments.flatMap((code, i) =>
      (api.errors(`${path}.match.departments.${i}`) ?? []).map((message) => `${code}: ${message}`),
    ),
  ];
  const unknownCodes = rule.departments.filter((code) => !departments.some((d) => d.code === code));
  const stepsErrors = api.errors(`${path}.steps`);
  const stepsErrorId = stepsErrors ? `${id}-steps-error` : undefined;

  return (
    <fieldset className="policy-rule" id={id} tabIndex={-1}>
      <legend>
        {rule.name.trim()
          ? t('ruleLegend', { n: r + 1, name: rule.name.trim() })
          : t('ruleUnnamed', { n: r + 1 })}
      </legend>
      <div className="button-row policy-tools">
        <MoveButton id={`${id}-up`} edge={r === 0} onClick={() => api.moveRule(r, -1)}>
          {named(t('moveUp'))}
        </MoveButton>
        <MoveButton id={`${id}-down`} edge={r === ruleCount - 1} onClick={() => api.moveRule(r, 1)}>
          {named(t('moveDown'))}
        </MoveButton>
        <button
          type="button"
          id={`${id}-remove`}
          className="button button--small button--danger-outline"
          onClick={() => api.removeRule(r)}
        >
          {named(t('remove'))}
        </button>
      </div>

      <Field id={fieldId(`${path}.name`)} label={named(t('ruleName'))} errors={api.errors(`${path}.name`)}>
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            maxLength={100}
            value={rule.name}
            onChange={(e) => update({ name: e.target.value })}
          />
        )}
      </Field>

      <fieldset className="policy-match">
        <legend>{named(t('matchLegend'))}</legend>
        <p className="hint">
          {t('matchHint')} {t('amountHint')}
        </p>
        <ChoiceGroup
          id={fieldId(`${path}.match.departments`)}
          legend={named(t('departmentsLegend'))}
          hint={t('departmentsHint')}
          errors={departmentErrors.length ? departmentErrors : undefined}
        >
          {departments.map((d) => (
            <label key={d.code} className="choice">
              <input
                type="checkbox"
                checked={rule.departments.includes(d.code)}
                onChange={(e) => update({ departments: toggle(rule.departments, d.code, e.target.checked) })}
              />
              <span>
                {locale === 'en' ? d.nameEn : d.nameKo} <span className="muted mono small">{d.code}</span>
              </span>
            </label>
          ))}
          {unknownCodes.map((code) => (
            <label key={code} className="choice">
              <input
                type="checkbox"
                checked
                aria-invalid="true"
                onChange={() => update({ departments: toggle(rule.departments, code, false) })}
              />
              <span>{t('unknownDepartment', { code })}</span>
            </label>
          ))}
        </ChoiceGroup>
        <div className="field-row">
          <ChoiceGroup
            id={fieldId(`${path}.match.kinds`)}
            legend={named(t('kindsLegend'))}
            hint={t('kindsHint')}
            errors={api.errors(`${path}.match.kinds`)}
          >
            {itemKinds.map((kind) => (
              <label key={kind} className="choice">
                <input
                  type="checkbox"
                  checked={rule.kinds.includes(kind)}
                  onChange={(e) => update({ kinds: toggle(rule.kinds, kind, e.target.checked) })}
                />
                <span>{tEnum(`kind.${kind}`)}</span>
              </label>
            ))}
          </ChoiceGroup>
          <ChoiceGroup
            id={fieldId(`${path}.match.environments`)}
            legend={named(t('environmentsLegend'))}
            hint={t('environmentsHint')}
            errors={api.errors(`${path}.match.environments`)}
          >
            {environments.map((env) => (
              <label key={env} className="choice">
                <input
                  type="checkbox"
                  checked={rule.environments.includes(env)}
                  onChange={(e) => update({ environments: toggle(rule.environments, env, e.target.checked) })}
                />
                <span>{tEnum(`environment.${env}`)}</span>
              </label>
            ))}
          </ChoiceGroup>
        </div>
        <div className="field-row">
          <AmountRange
            api={api}
            path={`${path}.match.monthlyKrw`}
            legend={t('monthlyLegend')}
            prefix={prefix}
            min={rule.monthlyMin}
            max={rule.monthlyMax}
            onChange={(min, max) => update({ monthlyMin: min, monthlyMax: max })}
          />
          <AmountRange
            api={api}
            path={`${path}.match.totalKrw`}
            legend={t('totalLegend')}
            hint={t('totalHint')}
            prefix={prefix}
            min={rule.totalMin}
            max={rule.totalMax}
            onChange={(min, max) => update({ totalMin: min, totalMax: max })}
          />
        </div>
      </fieldset>

      <fieldset
        className="policy-steps"
        id={fieldId(`${path}.steps`)}
        tabIndex={-1}
        aria-describedby={[stepsErrorId, `${id}-steps-hint`].filter(Boolean).join(' ')}
      >
        <legend>{named(t('stepsLegend'))}</legend>
        <p className="hint" id={`${id}-steps-hint`}>
          {t('kindHint')}
        </p>
        <FieldError id={stepsErrorId} errors={stepsErrors} />
        <ol className="policy-step-list">
          {rule.steps.map((step, s) => (
            <li key={step.uid}>
              <StepFields
                api={api}
                r={r}
                s={s}
                step={step}
                stepCount={rule.steps.length}
                departments={departments}
                people={people}
              />
            </li>
          ))}
        </ol>
        <div>
          <button
            type="button"
            id={`${id}-add-step`}
            className="button button--small button--secondary"
            onClick={() => api.addStep(r)}
          >
            {named(t('addStep'))}
          </button>
        </div>
      </fieldset>
    </fieldset>
  );
}

/** A cost condition: from (inclusive) and under (exclusive), both optional, in whole KRW. */
function AmountRange(props: {
  api: EditorApi;
  path: string;
  legend: string;
  hint?: string;
  prefix: string;
  min: string;
  max: string;
  onChange: (min: string, max: string) => void;
}) {
  const t = useTranslations('admin.policyEditor');
  const { api, path, legend, prefix, min, max, onChange } = props;
  const id = fieldId(path);
  const errors = api.errors(path);
  const errorId = errors ? `${id}-error` : undefined;
  const label = (text: string) => (
    <>
      <span className="sr-only">
        {prefix} {legend}{' '}
      </span>
      {text}
    </>
  );
  return (
    <fieldset
      className="policy-range"
      id={id}
      tabIndex={-1}
      aria-describedby={
        [errorId, props.hint ? `${id}-hint` : undefined].filter(Boolean).join(' ') || undefined
      }
    >
      <legend>
        <span className="sr-only">{prefix} </span>
        {legend}
      </legend>
      <div className="policy-range__inputs">
        <Field id={fieldId(`${path}.min`)} label={label(t('minLabel'))} errors={api.errors(`${path}.min`)}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={min}
              onChange={(e) => onChange(e.target.value, max)}
            />
          )}
        </Field>
        <Field id={fieldId(`${path}.max`)} label={label(t('maxLabel'))} errors={api.errors(`${path}.max`)}>
          {(control) => (
            <input
              {...control}
              type="text"
              inputMode="numeric"
              autoComplete="off"
              value={max}
              onChange={(e) => onChange(min, e.target.value)}
            />
          )}
        </Field>
      </div>
      {props.hint ? (
        <p className="hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
