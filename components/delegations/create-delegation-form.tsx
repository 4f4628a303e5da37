'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { toLocale } from '@/lib/i18n/config';

export type DelegationInput = { substituteId: string; startsOn: string; endsOn: string; reason?: string };
export type SubstituteOption = {
  id: string;
  name: string;
  email: string;
  departmentNameKo: string;
  departmentNameEn: string;
};

const FIELDS = ['substituteId', 'startsOn', 'endsOn', 'reason'] as const;

/** Names a 대결자 (substitute) for a date range; errors beside their fields, the first one focused. */
export function CreateDelegationForm({
  candidates,
  today,
  action,
}: {
  candidates: SubstituteOption[];
  today: string;
  action: Action<DelegationInput, { id: string }>;
}) {
  const t = useTranslations('delegations.form');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [values, setValues] = useState({ substituteId: '', startsOn: today, endsOn: today, reason: '' });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ tone: 'error' | 'success'; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const formRef = useRef<HTMLFormElement>(null);
  const set = (key: keyof typeof values) => (value: string) => setValues((v) => ({ ...v, [key]: value }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    startTransition(async () => {
      const result = await action({ ...values, reason: values.reason.trim() });
      if (result.ok) {
        setErrors({});
        setValues((v) => ({ ...v, substituteId: '', reason: '' }));
        setMessage({ tone: 'success', text: t('created') });
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors);
      const first = FIELDS.find((f) => result.fieldErrors[f]);
      if (first) formRef.current?.querySelector<HTMLElement>(`#delegation-${first}`)?.focus();
      else setMessage({ tone: 'error', text: result.message });
    });
  }

  return (
    <section className="card" aria-labelledby="delegation-form-title">
      <h2 id="delegation-form-title">{t('title')}</h2>
      <p className="hint">{t('lead')}</p>
      <form ref={formRef} className="form" noValidate onSubmit={onSubmit} aria-busy={pending}>
        <Field
          id="delegation-substituteId"
          label={t('substitute')}
          hint={t('substituteHint')}
          errors={errors.substituteId}
        >
          {(control) => (
            <select
              {...control}
              value={values.substituteId}
              onChange={(e) => set('substituteId')(e.target.value)}
            >
              <option value="">{t('choose')}</option>
              {candidates.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('candidate', {
                    name: c.name,
                    department: locale === 'en' ? c.departmentNameEn : c.departmentNameKo,
                    email: c.email,
                  })}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="field-row">
          <Field id="delegation-startsOn" label={t('startsOn')} errors={errors.startsOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                value={values.startsOn}
                onChange={(e) => set('startsOn')(e.target.value)}
              />
            )}
          </Field>
          <Field id="delegation-endsOn" label={t('endsOn')} errors={errors.endsOn}>
            {(control) => (
              <input
                {...control}
                type="date"
                min={values.startsOn || undefined}
                value={values.endsOn}
                onChange={(e) => set('endsOn')(e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field id="delegation-reason" label={t('reason')} hint={t('reasonHint')} errors={errors.reason}>
          {(control) => (
            <input
              {...control}
              type="text"
              maxLength={500}
              value={values.reason}
              onChange={(e) => set('reason')(e.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={pending || !hydrated}>
            {t('submit')}
          </button>
        </div>
        <div role="status" aria-live="polite">
          {message ? (
            <p className={`alert ${message.tone === 'error' ? 'alert--error' : 'alert--success'}`}>
              {message.text}
            </p>
          ) : null}
        </div>
      </form>
    </section>
  );
}
