'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useId, useMemo, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { ChoiceGroup, Field } from '@/components/ui/field';
import { estimateMonthlyKrw, footprint, type RatePrices } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { LIMITS, specSchemas, validationValues } from '@/lib/catalog/spec-schemas';
import { zodDetails } from '@/lib/errors/zod-details';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import type { SubmitRequestInput } from '@/lib/requests/submit-request';
import { EstimatePanel } from './estimate-panel';
import { LinePreview, type LinePreviewDepartments } from './line-preview';

export type RequestFormItem = { id: string; kind: 'vm' | 'platform_slot' | 'volume'; name: string };

type RequestFormProps = {
  item: RequestFormItem;
  defaults: Record<string, unknown>;
  options: CatalogOptions;
  prices: RatePrices;
  rateCardName: string;
  systems: { id: string; name: string }[];
  departments: LinePreviewDepartments;
  today: string;
  action: Action<SubmitRequestInput, { id: string }>;
};

const NEW_SYSTEM = '__new__';

type Values = {
  name: string;
  flavor: string;
  image: string;
  diskGb: string;
  runtime: string;
  instances: string;
  cpuPerInstance: string;
  memoryGbPerInstance: string;
  sizeGb: string;
  system: string;
  systemName: string;
  environment: 'dev' | 'staging' | 'prod';
  purpose: string;
  leaseUntil: string;
  drTier: 'none' | 'backup' | 'replicated';
};

/** The fields of each kind in screen order; their error keys are `spec.<field>`. */
const specFields: Record<RequestFormItem['kind'], (keyof Values)[]> = {
  vm: ['name', 'flavor', 'image', 'diskGb'],
  platform_slot: ['name', 'runtime', 'instances', 'cpuPerInstance', 'memoryGbPerInstance'],
  volume: ['name', 'sizeGb'],
};
const commonFields = ['systemId', 'systemName', 'environment', 'purpose', 'leaseUntil', 'drTier'] as const;

const str = (v: unknown, fallback = '') => (v === undefined || v === null ? fallback : String(v));
const num = (s: string) => (s.trim() === '' ? undefined : Number(s));

function specOf(kind: RequestFormItem['kind'], v: Values): Record<string, unknown> {
  switch (kind) {
    case 'vm':
      return { name: v.name.trim(), flavor: v.flavor, image: v.image, diskGb: num(v.diskGb) };
    case 'platform_slot':
      return {
        name: v.name.trim(),
        runtime: v.runtime,
        instances: num(v.instances),
        cpuPerInstance: num(v.cpuPerInstance),
        memoryGbPerInstance: num(v.memoryGbPerInstance),
      };
    case 'volume':
      return { name: v.name.trim(), sizeGb: num(v.sizeGb) };
  }
}

const fieldId = (key: string) => `f-${key.replace(/\./g, '-')}`;

/**
 * 자원 요청 form: fields per catalogue kind, a live monthly estimate and the approval line the
 * request will get, both computed with the same pure functions the server uses. The server is the
 * authority: its field errors appear beside each field and the first one takes the focus.
 */
export function RequestForm(props: RequestFormProps) {
  const { item, defaults, options, prices, systems } = props;
  const t = useTranslations('requestForm');
  const tEnum = useTranslations('enums');
  const tRoot = useTranslations();
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);
  const formId = useId();

  const [values, setValues] = useState<Values>(() => ({
    name: '',
    flavor: str(defaults.flavor, options.flavors[0]?.id ?? ''),
    image: str(defaults.image, options.images[0]?.id ?? ''),
    diskGb: str(defaults.diskGb, '100'),
    runtime: str(defaults.runtime, options.runtimes[0]?.id ?? ''),
    instances: str(defaults.instances, '2'),
    cpuPerInstance: str(defaults.cpuPerInstance, '1'),
    memoryGbPerInstance: str(defaults.memoryGbPerInstance, '2'),
    sizeGb: str(defaults.sizeGb, '100'),
    system: systems[0]?.id ?? NEW_SYSTEM,
    systemName: '',
    environment: 'dev',
    purpose: '',
    leaseUntil: '',
    drTier: 'none',
  }));
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [focusToken, setFocusToken] = useState(0);

  const set =
    <K extends keyof Values>(key: K) =>
    (value: Values[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const spec = useMemo(() => specOf(item.kind, values), [item.kind, values]);
  const specSchema = useMemo(() => specSchemas(options)[item.kind], [options, item.kind]);
  // the same pure functions the server uses to freeze the estimate at submission
  const fp = useMemo(() => footprint(item.kind, spec, options), [item.kind, spec, options]);
  const estimate = estimateMonthlyKrw(fp, prices, values.drTier);

  // screen order of every error key, for the summary and the focus
  const order = useMemo(
    () => [...specFields[item.kind].map((f) => `spec.${f}`), ...commonFields],
    [item.kind],
  );
  const errorKeys = useMemo(() => {
    const keys = Object.keys(fieldErrors);
    return keys.sort((a, b) => {
      const ia = order.indexOf(a as never);
      const ib = order.indexOf(b as never);
      return (ia < 0 ? 999 : ia) - (ib < 0 ? 999 : ib);
    });
  }, [fieldErrors, order]);

  useEffect(() => {
    if (focusToken === 0) return;
    const first = errorKeys.find((k) => document.getElementById(fieldId(k)));
    const el = first ? document.getElementById(fieldId(first)) : null;
    const target =
      el instanceof HTMLFieldSetElement ? el.querySelector<HTMLElement>('input:checked, input') : el;
    (target ?? summaryRef.current)?.focus();
  }, [focusToken, errorKeys]);

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
    // the spec is checked here with the server's own schema, so its errors show together with the
    // rest; the server checks everything again and its answer wins
    const checked = specSchema.safeParse(spec);
    const specErrors = checked.success
      ? {}
      : Object.fromEntries(
          Object.entries(zodDetails(checked.error, ['spec']).fieldErrors).map(([key, messages]) => [
            key,
            messages.map((m) =>
              tRoot.has(m as never)
                ? tRoot(m as never, validationValues[m] as never)
                : tRoot('validation.required'),
            ),
          ]),
        );
    startTransition(async () => {
      const result = await props.action(input);
      if (result.ok) {
        router.push(`/requests/${result.id}`);
        return;
      }
      setFieldErrors({ ...specErrors, ...result.fieldErrors });
      setFormError(result.message);
      setFocusToken((n) => n + 1);
    });
  }

  const errorsOf = (key: string) => fieldErrors[key];
  const labelOf = (key: string): string => {
    const field = key.replace(/^spec\./, '');
    if (field === 'name')
      return t(item.kind === 'vm' ? 'hostname' : item.kind === 'volume' ? 'volumeName' : 'namespace');
    if (field === 'systemId') return t('system');
    if (t.has(field as never)) return t(field as never);
    return '';
  };

  const numberInput = (key: keyof Values, limit: { min: number; max: number }) => (
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

  const nameField = (
    <Field
      id={fieldId('spec.name')}
      label={labelOf('spec.name')}
      hint={t(
        item.kind === 'vm' ? 'hostnameHint' : item.kind === 'volume' ? 'volumeNameHint' : 'namespaceHint',
      )}
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
  );

  const hasErrors = errorKeys.length > 0 || formError !== null;

  return (
    <div className="two-col">
      <form id={formId} className="form" onSubmit={onSubmit} noValidate aria-busy={pending}>
        {hasErrors ? (
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
        ) : null}

        <fieldset className="card form-section">
          <legend>{t('specSection')}</legend>
          {nameField}
          {item.kind === 'vm' ? (
            <>
              <div className="field-row">
                <Field id={fieldId('spec.flavor')} label={t('flavor')} errors={errorsOf('spec.flavor')}>
                  {(control) => (
                    <select
                      {...control}
                      value={values.flavor}
                      onChange={(e) => set('flavor')(e.target.value)}
                    >
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
                            ? t('imageLicense', {
                                name: i.name,
                                price: formatKrw(i.licenseMonthlyKrw, locale),
                              })
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
          {item.kind === 'platform_slot' ? (
            <>
              <Field id={fieldId('spec.runtime')} label={t('runtime')} errors={errorsOf('spec.runtime')}>
                {(control) => (
                  <select
                    {...control}
                    value={values.runtime}
                    onChange={(e) => set('runtime')(e.target.value)}
                  >
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
          {item.kind === 'volume' ? numberInput('sizeGb', LIMITS.volumeGb) : null}
        </fieldset>

        <fieldset className="card form-section">
          <legend>{t('systemSection')}</legend>
          <Field id={fieldId('systemId')} label={t('system')} errors={errorsOf('systemId')}>
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
              errors={errorsOf('systemName')}
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
                min={props.today}
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
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button" disabled={pending}>
            {pending ? t('submitting') : t('submit')}
          </button>
        </div>
      </form>

      <div className="stack sticky">
        <EstimatePanel
          footprint={fp}
          drTier={values.drTier}
          prices={prices}
          rateCardName={props.rateCardName}
        />
        <LinePreview estimate={estimate} departments={props.departments} />
      </div>
    </div>
  );
}
