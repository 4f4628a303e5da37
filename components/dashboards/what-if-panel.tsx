'use client';

import { useTranslations } from 'next-intl';
import { type FormEvent, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatPct as pctText } from '@/lib/dashboards/format';
import type { WhatIfForm } from '@/lib/dashboards/what-if-input';
import type { WhatIfSavings } from '@/lib/dashboards/what-if-savings';
import { formatKrwShort } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';
import belowFold from './below-fold.module.css';
import { WhatIfResult } from './what-if-result';

export type WhatIfScope = { from: string; to: string; departmentId?: string; systemId?: string };
type Limit = { min: number; max: number };

type Props = {
  action: Action<{ scope: WhatIfScope; assumptions: WhatIfForm }, WhatIfSavings>;
  scope: WhatIfScope;
  /** the reference set's values, as text */
  initial: WhatIfForm;
  reference: { version: number; name: string };
  serverClasses: { id: string; name: string }[];
  pools: { id: string; name: string }[];
  limits: Record<string, Limit>;
  locale: Locale;
};

type Scalar = Exclude<keyof WhatIfForm, 'serverPrices' | 'opexPerYearKrw'>;
type FieldSpec = { path: string; label: string; unit: 'krw' | 'years' | 'pct' | 'ratio'; limit: Limit };

const fieldId = (path: string) => `whatif-${path.replaceAll('.', '-')}`;

/**
 * 가정 변경 (what-if): the planner changes a few assumptions and sees the headline and per-year
 * figures recomputed by the engine on the server, against the saved ones. Nothing is saved; a bad
 * value is named at its field (with its allowed range) and changes nothing.
 */
export function WhatIfPanel({
  action,
  scope,
  initial,
  reference,
  serverClasses,
  pools,
  limits,
  locale,
}: Props) {
  const t = useTranslations('dashboards.whatIf');
  const [values, setValues] = useState<WhatIfForm>(initial);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [result, setResult] = useState<WhatIfSavings | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  const scalar = (key: Scalar, unit: FieldSpec['unit'], limitKey: string = key): FieldSpec => ({
    path: key,
    label: t(`fields.${key}`),
    unit,
    limit: limits[limitKey]!,
  });
  const groups: { legend: string; fields: FieldSpec[] }[] = [
    {
      legend: t('groups.standalone'),
      fields: [
        scalar('hardwareLifetimeYears', 'years'),
        ...serverClasses.map((c) => ({
          path: `serverPrices.${c.id}`,
          label: t('fields.serverPrice', { name: c.name }),
          unit: 'krw' as const,
          limit: limits.serverPriceKrw!,
        })),
        scalar('headroomPct', 'pct'),
        scalar('licencePerServerYearKrw', 'krw'),
        scalar('facilityPerServerYearKrw', 'krw'),
        scalar('designProcurementKrw', 'krw'),
      ],
    },
    {
      legend: t('groups.shared'),
      fields: [
        scalar('cpuOvercommit', 'ratio'),
        scalar('sellablePct', 'pct'),
        ...pools.map((p) => ({
          path: `opexPerYearKrw.${p.id}`,
          label: t('fields.opex', { pool: p.name }),
          unit: 'krw' as const,
          limit: limits.opexPerYearKrw!,
        })),
        scalar('onboardingPerSystemKrw', 'krw'),
      ],
    },
  ];
  const all = groups.flatMap((g) => g.fields);

  const read = (path: string) => readFrom(values, path);
  const write = (path: string, text: string) => {
    const [head, key] = path.split('.') as [keyof WhatIfForm, string | undefined];
    setValues((prev) =>
      key
        ? { ...prev, [head]: { ...(prev[head] as Record<string, string>), [key]: text } }
        : { ...prev, [head]: text },
    );
  };
  const changed = (path: string) => read(path).trim() !== readFrom(initial, path);
  const errorOf = (path: string) => errors[`assumptions.${path}`];

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const answer = await action({ scope, assumptions: values });
      if (answer.ok) {
        setErrors({});
        const { ok: _ok, ...data } = answer;
        setResult(data);
        return;
      }
      // a refused try shows no figures: the last result belonged to other values
      setResult(null);
      setErrors(answer.fieldErrors);
      setMessage(answer.message);
      const first = all.find((f) => answer.fieldErrors[`assumptions.${f.path}`]);
      if (first) document.getElementById(fieldId(first.path))?.focus();
    });
  }

  function onReset() {
    setValues(initial);
    setErrors({});
    setMessage(null);
    setResult(null);
  }

  const invalid = all.filter((f) => errorOf(f.path));
  const bounds = (f: FieldSpec) => ({
    min: f.unit === 'krw' ? formatKrwShort(f.limit.min, locale) : f.limit.min,
    max: f.unit === 'krw' ? formatKrwShort(f.limit.max, locale) : f.limit.max,
  });
  const rangeText = (f: FieldSpec) => t(`range.${f.unit}`, bounds(f));

  return (
    <section aria-labelledby="whatif-title" className={`dash-section card whatif ${belowFold.deferred}`}>
      <h2 id="whatif-title">{t('title')}</h2>
      <p>{t('lead', { version: reference.version, name: reference.name })}</p>
      <form className="form" onSubmit={onSubmit} onReset={onReset} noValidate aria-labelledby="whatif-title">
        {message ? (
          <div className="alert alert--error" role="alert">
            <p className="alert__title">
              {invalid.length ? t('errorSummary', { count: invalid.length }) : message}
            </p>
            {invalid.length ? (
              <ul>
                {invalid.map((f) => (
                  <li key={f.path}>
                    <a href={`#${fieldId(f.path)}`}>
                      {f.label}: {rangeText(f)}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null}
            <p>{t('nothingSaved')}</p>
          </div>
        ) : null}
        {groups.map((g) => (
          <fieldset key={g.legend} className="form-section">
            <legend>{g.legend}</legend>
            <div className="field-row">
              {g.fields.map((f) => {
                const id = fieldId(f.path);
                const err = errorOf(f.path);
                const text = read(f.path);
                const amount = f.unit === 'krw' && /^\d{1,15}$/.test(text.trim()) ? Number(text) : null;
                return (
                  <div className="field" key={f.path}>
                    <label htmlFor={id}>
                      {f.label}
                      {changed(f.path) ? (
                        <span className="tag tag--accent whatif__changed">{t('changed')}</span>
                      ) : null}
                    </label>
                    <p className="hint" id={`${id}-hint`}>
                      {t(`hint.${f.unit}`, bounds(f))}
                      {amount !== null ? (
                        <span className="whatif__amount"> ({formatKrwShort(amount, locale)})</span>
                      ) : null}
                    </p>
                    <input
                      id={id}
                      type="text"
                      inputMode={f.unit === 'ratio' ? 'decimal' : 'numeric'}
                      autoComplete="off"
                      value={text}
                      onChange={(e) => write(f.path, e.target.value)}
                      aria-invalid={err ? true : undefined}
                      aria-describedby={[err ? `${id}-error` : null, `${id}-hint`].filter(Boolean).join(' ')}
                    />
                    {err ? (
                      <p className="field-error" id={`${id}-error`}>
                        {rangeText(f)}
                      </p>
                    ) : null}
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
        <div className="button-row">
          <button
            type="submit"
            className="button"
            disabled={pending || !hydrated}
            aria-describedby="whatif-not-saved"
          >
            {pending ? t('computing') : t('compute')}
          </button>
          <button type="reset" className="button button--secondary" disabled={pending || !hydrated}>
            {t('reset')}
          </button>
          <span className="hint" id="whatif-not-saved">
            {t('notSavedHint')}
          </span>
        </div>
      </form>
      <p role="status" className="sr-only">
        {result && !pending
          ? t('announce', {
              saved: pctText(result.saved.savingsPct, locale),
              whatIf: pctText(result.whatIf.savingsPct, locale),
            })
          : ''}
      </p>
      {result ? <WhatIfResult result={result} locale={locale} /> : null}
    </section>
  );
}

function readFrom(form: WhatIfForm, path: string): string {
  const [head, key] = path.split('.') as [keyof WhatIfForm, string | undefined];
  const v = form[head];
  return typeof v === 'string' ? v : ((v as Record<string, string>)[key!] ?? '');
}
