'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

import type { SetPoolProvidersInput } from '@/lib/pools/set-pool-providers';

type Providers = { provider: string; platformProvider: string };
export type SetPoolProvidersAction = Action<SetPoolProvidersInput, Providers>;

type PoolProvidersFormProps = {
  pool: { id: string; name: string } & Providers;
  choices: { provider: string[]; platformProvider: string[] };
  action: SetPoolProvidersAction;
};

/**
 * A pool's providers: the cloud its VMs and volumes are made in, and the one its platform slots are
 * made in. A provider the server has no configuration for is refused with the reason, beside its select.
 */
export function PoolProvidersForm({ pool, choices, action }: PoolProvidersFormProps) {
  const t = useTranslations('poolsAdmin');
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [answers, setAnswers] = useState(0);
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (answers === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? messageRef.current)?.focus();
  }, [answers]);

  const id = (field: string) => `pool-${pool.id}-${field}`;
  const label = (kind: string) =>
    t.has(`providerValue.${kind}` as never) ? t(`providerValue.${kind}` as never) : kind;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    // the options are the server's choices; the server checks the answer again
    const chosen = {
      poolId: pool.id,
      provider: String(form.get('provider') ?? ''),
      platformProvider: String(form.get('platformProvider') ?? ''),
    } as SetPoolProvidersInput;
    startTransition(async () => {
      const result = await action(chosen);
      if (result.ok) {
        setFieldErrors({});
        setMessage({ ok: true, text: t('saved', { pool: pool.name }) });
        router.refresh();
      } else {
        setFieldErrors(result.fieldErrors);
        setMessage({ ok: false, text: result.message });
      }
      setAnswers((n) => n + 1);
    });
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit} aria-labelledby={id('title')}>
      <h3 id={id('title')}>{pool.name}</h3>
      <div ref={messageRef} tabIndex={-1}>
        {message ? (
          <div
            className={`alert ${message.ok ? 'alert--success' : 'alert--error'}`}
            role={message.ok ? 'status' : 'alert'}
          >
            <p>{message.text}</p>
          </div>
        ) : null}
      </div>
      <div className="field-row">
        <Field
          id={id('provider')}
          label={t('providerLabel')}
          hint={t('providerHint')}
          errors={fieldErrors.provider}
        >
          {(control) => (
            <select {...control} name="provider" defaultValue={pool.provider}>
              {choices.provider.map((kind) => (
                <option key={kind} value={kind}>
                  {label(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={id('platformProvider')}
          label={t('platformProviderLabel')}
          hint={t('platformProviderHint')}
          errors={fieldErrors.platformProvider}
        >
          {(control) => (
            <select {...control} name="platformProvider" defaultValue={pool.platformProvider}>
              {choices.platformProvider.map((kind) => (
                <option key={kind} value={kind}>
                  {label(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending || !hydrated}>
          {pending ? t('saving') : t('save')}
        </button>
      </div>
    </form>
  );
}
