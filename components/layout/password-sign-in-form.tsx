'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';

type State = { error: string | null; email: string };

/** Email + password sign-in; a wrong password shows one clear message and keeps the email. */
export function PasswordSignInForm({
  action,
}: {
  action: (state: State, formData: FormData) => Promise<State>;
}) {
  const t = useTranslations('signin');
  const [state, formAction, pending] = useActionState(action, { error: null, email: '' });
  const passwordRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (state.error) passwordRef.current?.focus();
  }, [state]);
  return (
    <form action={formAction} className="form" noValidate>
      {state.error ? (
        <div className="alert alert--error" role="alert" id="signin-error">
          <p>{state.error}</p>
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="signin-email">{t('email')}</label>
        <input
          id="signin-email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? 'signin-error' : undefined}
        />
      </div>
      <div className="field">
        <label htmlFor="signin-password">{t('password')}</label>
        <input
          id="signin-password"
          ref={passwordRef}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.error ? true : undefined}
          aria-describedby={state.error ? 'signin-error' : undefined}
        />
      </div>
      <button type="submit" className="button" disabled={pending}>
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
