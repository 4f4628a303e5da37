'use client';

import { useLocale, useTranslations } from 'next-intl';
import { ChoiceGroup, Field } from '@/components/ui/field';
import type { RatePrices } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { LIMITS } from '@/lib/catalog/spec-schemas';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import {
  type FieldErrorsState,
  fieldId,
  type RequestKind,
  type RequestValues,
  type RequestValuesState,
} from './use-request-fields';

// The controls of a resource request, shared by the new-request form and the resubmission form.

type FieldsProps = {
  state: Pick<RequestValuesState, 'values' | 'set'>;
  errors: Pick<FieldErrorsState, 'errorsOf' | 'labelOf'>;
};

/** The 사양 fieldset: the controls of the catalogue kind. */
export function SpecFieldset({
  kind,
  options,
  state: { values, set },
  errors: { errorsOf, labelOf },
}: FieldsProps & { kind: RequestKind; options: CatalogOptions }) {
  const t = useTranslations('requestForm');
  const locale = toLocale(useLocale());

  const numberInput = (key: keyof RequestValues, limit: { min: number; max: number }) => (
    <Field
      id={fieldId(`spec.${key}`)}
      label={t(key as never)}
      hint={t('rangeHint', limit)}
      errors={errorsOf(`spec.${key}`)}
    >
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="numeric"
          min={limit.min}
          max={limit.max}
          step={1}
          value={values[key]}
          onChange={(e) => set(key)(e.target.value as never)}
        />
      )}
    </Field>
  );

  return (
    <fieldset className="card form-section">
      <legend>{t('specSection')}</legend>
      <Field
        id={fieldId('spec.name')}
        label={labelOf('spec.name')}
        hint={t(kind === 'vm' ? 'hostnameHint' : kind === 'volume' ? 'volumeNameHint' : 'namespaceHint')}
        errors={errorsOf('spec.name')}
      >
        {(control) => (
          <input
            {...control}
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={40}
            value={values.name}
            onChange={(e) => set('name')(e.target.value.toLowerCase())}
          />
        )}
      </Field>
      {kind === 'vm' ? (
        <>
          <div className="field-row">
            <Field id={fieldId('spec.flavor')} label={t('flavor')} errors={errorsOf('spec.flavor')}>
              {(control) => (
                <select {...control} value={values.flavor} onChange={(e) => set('flavor')(e.target.value)}>
                  {options.flavors.map((f) => (
                    <option key={f.id} value={f.id}>
                      {f.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id={fieldId('spec.image')} label={t('image')} errors={errorsOf('spec.image')}>
              {(control) => (
                <select {...control} value={values.image} onChange={(e) => set('image')(e.target.value)}>
                  {options.images.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.licenseMonthlyKrw > 0
                        ? t('imageLicense', { name: i.name, price: formatKrw(i.licenseMonthlyKrw, locale) })
                        : i.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          {numberInput('diskGb', LIMITS.diskGb)}
        </>
      ) : null}
      {kind === 'platform_slot' ? (
        <>
          <Field id={fieldId('spec.runtime')} label={t('runtime')} errors={errorsOf('spec.runtime')}>
            {(control) => (
              <select {...control} value={values.runtime} onChange={(e) => set('runtime')(e.target.value)}>
                {options.runtimes.map((r) => (
                  <option key={r.id} value={r.id}>
                    {r.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="field-row">
            {numberInput('instances', LIMITS.instances)}
            {numberInput('cpuPerInstance', LIMITS.cpu)}
            {numberInput('memoryGbPerInstance', LIMITS.memory)}
          </div>
        </>
      ) : null}
      {kind === 'volume' ? numberInput('sizeGb', LIMITS.volumeGb) : null}
    </fieldset>
  );
}

/** Environment, purpose, lease and DR tier (inside the caller's fieldset). */
export function UsageFields({
  prices,
  today,
  state: { values, set },
  errors: { errorsOf },
}: FieldsProps & { prices: RatePrices; today: string }) {
  const t = useTranslations('requestForm');
  const tEnum = useTranslations('enums');
  return (
    <>
      <ChoiceGroup id={fieldId('environment')} legend={t('environment')} errors={errorsOf('environment')}>
        {(['dev', 'staging', 'prod'] as const).map((env) => (
          <label key={env} className="choice">
            <input
              type="radio"
              name="environment"
              value={env}
              checked={values.environment === env}
              onChange={() => set('environment')(env)}
            />
            {tEnum(`environment.${env}`)}
          </label>
        ))}
      </ChoiceGroup>
      <Field
        id={fieldId('purpose')}
        label={t('purpose')}
        hint={t('purposeHint')}
        errors={errorsOf('purpose')}
      >
        {(control) => (
          <textarea
            {...control}
            maxLength={2000}
            value={values.purpose}
            onChange={(e) => set('purpose')(e.target.value)}
          />
        )}
      </Field>
      <Field
        id={fieldId('leaseUntil')}
        label={t('leaseUntil')}
        hint={t('leaseHint')}
        errors={errorsOf('leaseUntil')}
      >
        {(control) => (
          <input
            {...control}
            type="date"
            min={today}
            value={values.leaseUntil}
            onChange={(e) => set('leaseUntil')(e.target.value)}
            style={{ maxWidth: '14rem' }}
          />
        )}
      </Field>
      <ChoiceGroup id={fieldId('drTier')} legend={t('drTier')} errors={errorsOf('drTier')} stacked>
        {(['none', 'backup', 'replicated'] as const).map((tier) => (
          <label key={tier} className="choice">
            <input
              type="radio"
              name="drTier"
              value={tier}
              checked={values.drTier === tier}
              onChange={() => set('drTier')(tier)}
            />
            <span>
              {tEnum(`drTier.${tier}`)}
              <small>
                {t(`drHint.${tier}`, {
                  pct: tier === 'backup' ? prices.dr_backup_pct : prices.dr_replicated_pct,
                })}
              </small>
            </span>
          </label>
        ))}
      </ChoiceGroup>
    </>
  );
}

/** The error summary above a refused form: each field's errors as a link to the field. */
export function ErrorSummary({
  errors: { summaryRef, errorKeys, fieldErrors, formError, labelOf },
}: {
  errors: FieldErrorsState;
}) {
  const t = useTranslations('requestForm');
  if (errorKeys.length === 0 && formError === null) return null;
  return (
    <div className="alert alert--error" ref={summaryRef} tabIndex={-1} role="alert">
      <p className="alert__title">{t('errorSummary')}</p>
      {errorKeys.length > 0 ? (
        <>
          <p>{t('errorCount', { count: errorKeys.length })}</p>
          <ul>
            {errorKeys.map((key) => (
              <li key={key}>
                <a href={`#${fieldId(key)}`}>
                  {labelOf(key) ? `${labelOf(key)}: ` : ''}
                  {fieldErrors[key]?.join(' ')}
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{formError}</p>
      )}
    </div>
  );
}
