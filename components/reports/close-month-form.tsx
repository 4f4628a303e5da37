'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { type FormEvent, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { useHydrated } from '@/components/ui/use-hydrated';

type Outcome = 'created' | 'alreadyClosed' | 'notOver' | 'invalid';
type Props = {
  action: Action<{ month: string }, { outcome: Outcome; month: string }>;
  /** the month before this one: the default and the latest that can be closed */
  latest: string;
};

/** 달 마감하기: a month picker and a button; says what happened and refreshes the list. */
export function CloseMonthForm({ action, latest }: Props) {
  const t = useTranslations('reports.close');
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ kind: 'success' | 'error'; text: string } | null>(null);
  const [month, setMonth] = useState(latest);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    startTransition(async () => {
      const result = await action({ month });
      if (!result.ok) return setStatus({ kind: 'error', text: t('failed', { message: result.message }) });
      const { outcome } = result;
      if (outcome === 'created' || outcome === 'alreadyClosed') {
        setStatus({ kind: 'success', text: t(outcome, { month }) });
        router.refresh();
      } else setStatus({ kind: 'error', text: t(outcome) });
    });
  };
  const invalid = status?.kind === 'error';
  return (
    <section aria-labelledby="close-month-title" className="card close-month no-print">
      <h2 id="close-month-title" className="h-small">
        {t('title')}
      </h2>
      <form className="filter-form" onSubmit={submit} aria-labelledby="close-month-title">
        <div className="field">
          <label htmlFor="close-month">{t('month')}</label>
          <input
            id="close-month"
            type="month"
            name="month"
            required
            min="2000-01"
            max={latest}
            value={month}
            onChange={(e) => setMonth(e.target.value)}
            aria-invalid={invalid ? true : undefined}
            aria-describedby={invalid ? 'close-month-status close-month-hint' : 'close-month-hint'}
          />
        </div>
        <div className="button-row">
          <button type="submit" className="button" disabled={pending || !hydrated}>
            {pending ? t('pending') : t('submit')}
          </button>
        </div>
      </form>
      <p className="hint" id="close-month-hint">
        {t('hint')}
      </p>
      <div aria-live="polite">
        {status ? (
          <p
            id="close-month-status"
            className={status.kind === 'error' ? 'field-error' : 'alert alert--success'}
            role={status.kind === 'error' ? 'alert' : 'status'}
          >
            {status.text}
          </p>
        ) : null}
      </div>
    </section>
  );
}
