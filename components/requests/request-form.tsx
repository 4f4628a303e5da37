'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useId, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { LinePreviewData } from '@/lib/approvals/line-preview-data';
import type { RatePrices } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import type { SubmitRequestInput } from '@/lib/requests/submit-request';
import { EstimatePanel } from './estimate-panel';
import { type CheckFitAction, FitPreview } from './fit-preview';
import { LinePreview } from './line-preview';
import { ErrorSummary, SpecFieldset, UsageFields } from './request-fields';
import {
  fieldId,
  initialValues,
  type RequestKind,
  useFieldErrors,
  useRequestValues,
} from './use-request-fields';

export type RequestFormItem = { id: string; kind: RequestKind; name: string };

type RequestFormProps = {
  item: RequestFormItem;
  defaults: Record<string, unknown>;
  options: CatalogOptions;
  prices: RatePrices;
  rateCardName: string;
  systems: { id: string; name: string }[];
  /** the policy in force and the names its approvers need, for the line preview */
  line: LinePreviewData;
  /** the drafter's department code (the policy matches departments by code) */
  departmentCode: string;
  today: string;
  action: Action<SubmitRequestInput, { id: string }>;
  /** whether it would fit the pool and the quota now, shown beside the approval line */
  fitAction?: CheckFitAction;
};

const NEW_SYSTEM = '__new__';

/**
 * 자원 요청 form: fields per catalogue kind, a live monthly estimate and the approval line the
 * request will get, both computed with the same pure functions the server uses. The server is the
 * authority: its field errors appear beside each field and the first one takes the focus.
 */
export function RequestForm(props: RequestFormProps) {
  const { item, options, prices, systems } = props;
  const t = useTranslations('requestForm');
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const formId = useId();
  const state = useRequestValues(item.kind, options, prices, () =>
    initialValues({ ...props.defaults, name: '' }, options, { system: systems[0]?.id ?? NEW_SYSTEM }),
  );
  const errors = useFieldErrors(item.kind);
  const { values, set, spec } = state;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: SubmitRequestInput = {
      catalogItemId: item.id,
      spec,
      environment: values.environment,
      purpose: values.purpose,
      drTier: values.drTier,
      ...(values.system === NEW_SYSTEM ? { systemName: values.systemName } : { systemId: values.system }),
      ...(values.leaseUntil ? { leaseUntil: values.leaseUntil } : {}),
    };
    // the server checks everything again and its answer wins
    const specErrors = errors.specErrors(state.specSchema, spec);
    startTransition(async () => {
      const result = await props.action(input);
      if (result.ok) {
        router.push(`/requests/${result.id}`);
        return;
      }
      errors.refuse({ ...specErrors, ...result.fieldErrors }, result.message);
    });
  }

  return (
    <div className="two-col">
      <form id={formId} className="form" onSubmit={onSubmit} noValidate aria-busy={pending}>
        <ErrorSummary errors={errors} />
        <SpecFieldset kind={item.kind} options={options} state={state} errors={errors} />

        <fieldset className="card form-section">
          <legend>{t('systemSection')}</legend>
          <Field id={fieldId('systemId')} label={t('system')} errors={errors.errorsOf('systemId')}>
            {(control) => (
              <select {...control} value={values.system} onChange={(e) => set('system')(e.target.value)}>
                {systems.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.name}
                  </option>
                ))}
                <option value={NEW_SYSTEM}>{t('systemNew')}</option>
              </select>
            )}
          </Field>
          {values.system === NEW_SYSTEM ? (
            <Field
              id={fieldId('systemName')}
              label={t('systemName')}
              hint={t('systemNameHint')}
              errors={errors.errorsOf('systemName')}
            >
              {(control) => (
                <input
                  {...control}
                  type="text"
                  maxLength={100}
                  value={values.systemName}
                  onChange={(e) => set('systemName')(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          <UsageFields prices={prices} today={props.today} state={state} errors={errors} />
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button" disabled={pending || !hydrated}>
            {pending ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>

      <div className="stack sticky">
        <EstimatePanel
          footprint={state.fp}
          drTier={values.drTier}
          prices={prices}
          rateCardName={props.rateCardName}
        />
        <LinePreview
          data={props.line}
          subject={{
            departmentCode: props.departmentCode,
            kind: item.kind,
            environment: values.environment,
            monthlyKrw: state.estimate,
            leaseUntil: values.leaseUntil,
          }}
        />
        {props.fitAction ? (
          <FitPreview input={{ kind: item.kind, spec, drTier: values.drTier }} action={props.fitAction} />
        ) : null}
      </div>
    </div>
  );
}
