'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { LinePreviewData } from '@/lib/approvals/line-preview-data';
import type { RatePrices } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import type { RequestView } from '@/lib/requests/queries';
import type { ResubmitRequestInput } from '@/lib/requests/resubmit-request';
import { EstimatePanel } from './estimate-panel';
import { LinePreview } from './line-preview';
import { ErrorSummary, SpecFieldset, UsageFields } from './request-fields';
import { initialValues, type RequestKind, useFieldErrors, useRequestValues } from './use-request-fields';

export type ResubmitInput = { requestId: string } & ResubmitRequestInput;

/** What the resubmission form needs besides the request: the catalogue, prices and the policy. */
export type ResubmitContext = {
  options: CatalogOptions;
  prices: RatePrices;
  rateCardName: string;
  line: LinePreviewData;
  departmentCode: string;
  today: string;
};

/**
 * 수정하여 다시 상신 — the drafter revises a rejected request (spec, environment, purpose, lease, DR
 * tier) with the same fields, live estimate and line preview as the request form, and submits it
 * again as a new round.
 */
export function ResubmitForm({
  request,
  context,
  action,
  onResubmitted,
}: {
  request: RequestView & { kind: RequestKind };
  context: ResubmitContext;
  action: Action<ResubmitInput, { request: RequestView }>;
  onResubmitted: (request: RequestView) => void;
}) {
  const t = useTranslations('request.resubmit');
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const state = useRequestValues(request.kind, context.options, context.prices, () =>
    initialValues(request.spec, context.options, {
      environment: request.environment,
      purpose: request.purpose,
      leaseUntil: request.leaseUntil ?? '',
      drTier: request.drTier,
    }),
  );
  const errors = useFieldErrors(request.kind);
  const { values, spec } = state;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const specErrors = errors.specErrors(state.specSchema, spec);
    startTransition(async () => {
      const result = await action({
        requestId: request.id,
        spec,
        environment: values.environment,
        purpose: values.purpose,
        drTier: values.drTier,
        ...(values.leaseUntil ? { leaseUntil: values.leaseUntil } : {}),
      });
      if (result.ok) {
        errors.clear();
        onResubmitted(result.request);
        return;
      }
      errors.refuse({ ...specErrors, ...result.fieldErrors }, result.message);
    });
  }

  return (
    <section className="stack" aria-labelledby="resubmit-title">
      <div>
        <h2 id="resubmit-title">{t('title')}</h2>
        <p>{t('lead', { round: request.round + 1 })}</p>
      </div>
      <div className="two-col">
        <form className="form" onSubmit={onSubmit} noValidate aria-busy={pending}>
          <ErrorSummary errors={errors} />
          <SpecFieldset kind={request.kind} options={context.options} state={state} errors={errors} />
          <fieldset className="card form-section">
            <legend>{t('usageSection')}</legend>
            <UsageFields prices={context.prices} today={context.today} state={state} errors={errors} />
          </fieldset>
          <div className="button-row">
            <button type="submit" className="button" disabled={pending || !hydrated}>
              {t('submit')}
            </button>
            {pending ? (
              <span className="muted small" role="status">
                {t('submitting')}
              </span>
            ) : null}
          </div>
        </form>
        <div className="stack">
          <EstimatePanel
            footprint={state.fp}
            drTier={values.drTier}
            prices={context.prices}
            rateCardName={context.rateCardName}
          />
          <LinePreview
            data={context.line}
            subject={{
              departmentCode: context.departmentCode,
              kind: request.kind,
              environment: values.environment,
              monthlyKrw: state.estimate,
              leaseUntil: values.leaseUntil,
            }}
          />
        </div>
      </div>
    </section>
  );
}
