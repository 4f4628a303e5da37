'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useMemo, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { type DrTier, estimateMonthlyKrw, footprint, type RatePrices } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { applyChange, type Change, changeableFields } from '@/lib/lifecycle/change-spec';
import { addDays } from '@/lib/lifecycle/lease-dates';
import type { ChangeRequestInput } from '@/lib/lifecycle/request-change';

export type RequestChangeAction = Action<ChangeRequestInput & { resourceId: string }, { id: string }>;

type Mode = 'resize' | 'scale_up';
type NumberField = Exclude<keyof Change, 'flavor'>;

type ChangeFormProps = {
  mode: Mode;
  resource: { id: string; kind: string; spec: Record<string, unknown> };
  options: CatalogOptions;
  prices: RatePrices;
  /** Seoul's today, YYYY-MM-DD (the default window starts tomorrow) */
  today: string;
  scaleUpDays: number;
  action: RequestChangeAction;
};

/** datetime-local text ('2026-12-01T09:00') read as Seoul time (no daylight saving: always +09:00). */
export const seoulInstant = (local: string) =>
  local ? `${local.length === 16 ? `${local}:00` : local}+09:00` : '';

/**
 * One 변경 신청 form: 사양 변경 (resize, permanent) or 일시 증설 (scale-up for a window in Seoul
 * time). It shows the fields this kind of resource can change, starting from what it has now, and
 * the monthly difference the change makes before it is sent; the server checks it all again.
 */
export function ChangeRequestForm({
  mode,
  resource,
  options,
  prices,
  today,
  scaleUpDays,
  action,
}: ChangeFormProps) {
  const t = useTranslations('lifecycle.change');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const fields = changeableFields[resource.kind] ?? [];
  const spec = resource.spec;
  const drTier = ((spec.drTier as DrTier | undefined) ?? 'none') as DrTier;
  const id = (field: string) => `${mode}-${field.replace(/\./g, '-')}`;

  const [values, setValues] = useState<Record<string, string>>(() => ({
    ...Object.fromEntries(fields.map((f) => [f, spec[f] === undefined ? '' : String(spec[f])])),
    from: `${addDays(today, 1)}T09:00`,
    until: `${addDays(today, 8)}T18:00`,
    purpose: '',
  }));
  const set = (key: string) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  // what changes: only the fields that differ from the resource as it is
  const change = useMemo(() => {
    const out: Record<string, string | number> = {};
    for (const f of fields) {
      const raw = values[f] ?? '';
      if (f === 'flavor') {
        if (raw !== spec.flavor) out.flavor = raw;
      } else if (raw.trim() !== '' && Number(raw) !== spec[f]) out[f] = Number(raw);
    }
    return out as Change;
  }, [fields, values, spec]);
  const before = estimateMonthlyKrw(footprint(resource.kind, spec, options), prices, drTier);
  const after = estimateMonthlyKrw(
    footprint(resource.kind, applyChange(spec, change), options),
    prices,
    drTier,
  );
  const delta = after - before;

  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [refusals, setRefusals] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (refusals === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? messageRef.current)?.focus();
  }, [refusals]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input: ChangeRequestInput & { resourceId: string } = {
      resourceId: resource.id,
      kind: mode,
      change,
      purpose: values.purpose ?? '',
      ...(mode === 'scale_up'
        ? { window: { from: seoulInstant(values.from ?? ''), until: seoulInstant(values.until ?? '') } }
        : {}),
    };
    startTransition(async () => {
      const result = await action(input);
      if (result.ok) {
        router.push(`/requests/${result.id}`);
        return;
      }
      setFieldErrors(result.fieldErrors);
      setMessage(result.message);
      setRefusals((n) => n + 1);
    });
  }

  const errorsOf = (key: string) => fieldErrors[key];
  const current = (f: keyof Change) => {
    if (f === 'flavor') {
      const flavor = options.flavors.find((x) => x.id === spec.flavor);
      return flavor?.name ?? String(spec.flavor ?? '');
    }
    return String(spec[f] ?? '');
  };

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby={id('title')}>
      <h3 id={id('title')}>{t(mode === 'resize' ? 'resizeTitle' : 'scaleUpTitle')}</h3>
      <p className="hint">{t(mode === 'resize' ? 'resizeLead' : 'scaleUpLead', { days: scaleUpDays })}</p>
      <div ref={messageRef} tabIndex={-1}>
        {message ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">{t('refused')}</p>
            <p>{message}</p>
          </div>
        ) : null}
      </div>
      <div className="field-row">
        {fields.map((f) =>
          f === 'flavor' ? (
            <Field
              key={f}
              id={id(f)}
              label={t('fields.flavor')}
              hint={t('current', { value: current(f) })}
              errors={errorsOf('change.flavor')}
            >
              {(control) => (
                <select {...control} value={values.flavor} onChange={(e) => set('flavor')(e.target.value)}>
                  {options.flavors.map((flavor) => (
                    <option key={flavor.id} value={flavor.id}>
                      {flavor.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : (
            <Field
              key={f}
              id={id(f)}
              label={t(`fields.${f as NumberField}`)}
              hint={t(f === 'diskGb' || f === 'sizeGb' ? 'growOnly' : 'current', { value: current(f) })}
              errors={errorsOf(`change.${f}`)}
            >
              {(control) => (
                <input
                  {...control}
                  type="number"
                  inputMode="numeric"
                  min={f === 'diskGb' || f === 'sizeGb' ? Number(spec[f] ?? 0) : 1}
                  step={1}
                  value={values[f] ?? ''}
                  onChange={(e) => set(f)(e.target.value)}
                />
              )}
            </Field>
          ),
        )}
      </div>
      {mode === 'scale_up' ? (
        <div className="field-row">
          <Field
            id={id('window.from')}
            label={t('fields.from')}
            hint={t('seoulTime')}
            errors={errorsOf('window.from') ?? errorsOf('window')}
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                min={`${today}T00:00`}
                value={values.from}
                onChange={(e) => set('from')(e.target.value)}
              />
            )}
          </Field>
          <Field
            id={id('window.until')}
            label={t('fields.until')}
            hint={t('windowHint', { days: scaleUpDays })}
            errors={errorsOf('window.until')}
          >
            {(control) => (
              <input
                {...control}
                type="datetime-local"
                min={values.from || `${today}T00:00`}
                value={values.until}
                onChange={(e) => set('until')(e.target.value)}
              />
            )}
          </Field>
        </div>
      ) : null}
      <Field
        id={id('purpose')}
        label={t('fields.purpose')}
        hint={t('purposeHint')}
        errors={errorsOf('purpose')}
      >
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={2000}
            value={values.purpose}
            onChange={(e) => set('purpose')(e.target.value)}
          />
        )}
      </Field>
      <div className="estimate" aria-live="polite" aria-atomic="true">
        <p className="small muted" style={{ margin: 0 }}>
          {t('delta')}
        </p>
        {Object.keys(change).length === 0 ? (
          <p>{t('deltaNone')}</p>
        ) : (
          <>
            <p className="estimate__amount" style={{ margin: 0 }}>
              {t('deltaValue', {
                sign: delta > 0 ? '+' : delta < 0 ? '−' : '±',
                amount: formatKrw(Math.abs(delta), locale),
              })}
            </p>
            <p className="small muted">
              {t('deltaDetail', { before: formatKrw(before, locale), after: formatKrw(after, locale) })}
            </p>
          </>
        )}
        {errorsOf('change') ? <p className="field-error">{errorsOf('change')!.join(' ')}</p> : null}
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending || !hydrated}>
          {pending ? t('submitting') : t(mode === 'resize' ? 'submitResize' : 'submitScaleUp')}
        </button>
      </div>
    </form>
  );
}
