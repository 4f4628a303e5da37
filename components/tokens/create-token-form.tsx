'use client';

import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';

type Created = { token: string; expiresAt: string };

/** Creates a token and shows it once, with a copy button and the warning that it will not come back. */
export function CreateTokenForm({
  action,
}: {
  action: Action<{ name: string; expiresInDays?: number }, Created>;
}) {
  const t = useTranslations('tokens');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [name, setName] = useState('');
  const [days, setDays] = useState('90');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [created, setCreated] = useState<Created | null>(null);
  const [copied, setCopied] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const nameRef = useRef<HTMLInputElement>(null);
  const daysRef = useRef<HTMLInputElement>(null);
  const revealRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (created) revealRef.current?.select();
    if (created) revealRef.current?.focus();
  }, [created]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMessage(null);
    setCopied(null);
    startTransition(async () => {
      const result = await action({
        name,
        ...(days.trim() === '' ? {} : { expiresInDays: Number(days) }),
      });
      if (result.ok) {
        setErrors({});
        setCreated({ token: result.token, expiresAt: result.expiresAt });
        setName('');
        router.refresh();
        return;
      }
      setErrors(result.fieldErrors);
      if (result.fieldErrors.name) nameRef.current?.focus();
      else if (result.fieldErrors.expiresInDays) daysRef.current?.focus();
      else setMessage(result.message);
    });
  }

  async function copy() {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created.token);
      setCopied(t('copied'));
    } catch {
      revealRef.current?.select();
      setCopied(t('copyFailed'));
    }
  }

  return (
    <section className="card" aria-labelledby="create-token-title">
      <h2 id="create-token-title">{t('createTitle')}</h2>
      {created ? (
        <div className="alert alert--success" style={{ marginBottom: '1rem' }}>
          <p className="alert__title" role="status">
            {t('createdTitle')}
          </p>
          <p>{t('createdHint')}</p>
          <div className="field">
            <label htmlFor="new-token">{t('tokenValue')}</label>
            <div className="token-value">
              <input
                id="new-token"
                ref={revealRef}
                type="text"
                readOnly
                value={created.token}
                aria-describedby="new-token-expiry"
              />
              <button type="button" className="button button--secondary" onClick={copy}>
                {t('copy')}
              </button>
            </div>
            <p className="hint" id="new-token-expiry">
              {t('expiresAt', { date: formatDateTime(created.expiresAt, locale) })}
            </p>
            {copied ? (
              <p className="small" role="status">
                {copied}
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <form className="form" onSubmit={onSubmit} noValidate>
        {message ? (
          <div className="alert alert--error" role="alert">
            <p>{message}</p>
          </div>
        ) : null}
        <div className="field-row">
          <Field id="token-name" label={t('name')} hint={t('nameHint')} errors={errors.name}>
            {(control) => (
              <input
                {...control}
                ref={nameRef}
                type="text"
                maxLength={100}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field id="token-days" label={t('days')} hint={t('daysHint')} errors={errors.expiresInDays}>
            {(control) => (
              <input
                {...control}
                ref={daysRef}
                type="number"
                inputMode="numeric"
                min={1}
                max={365}
                value={days}
                onChange={(e) => setDays(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={pending || !hydrated}>
            {pending ? t('creating') : t('create')}
          </button>
        </div>
      </form>
    </section>
  );
}
