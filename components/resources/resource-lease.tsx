'use client';

import { useLocale, useTranslations } from 'next-intl';
import { type FormEvent, useEffect, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import { formatDate } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import {
  addDays,
  addMonths,
  daysBetween,
  latestLeaseEnd,
  leaseExtendable,
} from '@/lib/lifecycle/lease-dates';
import { narrowFacts } from './narrow-facts';

export type ExtendLeaseAction = Action<{ resourceId: string; leaseUntil: string }, { leaseUntil: string }>;

type LeaseProps = {
  resourceId: string;
  status: string;
  leaseUntil: string | null;
  /** Seoul's today, YYYY-MM-DD, from the server */
  today: string;
  /** the grace after the lease end before the resource is handed back automatically */
  graceDays: number;
  months: number;
  /** the viewer may hand the resource back, and so extend its lease */
  mayExtend: boolean;
  action?: ExtendLeaseAction;
  onExtended: () => void;
};

/** 사용 기간 — the lease end with the days left, and the 사용 기간 연장 form. */
export function ResourceLease(props: LeaseProps) {
  const { leaseUntil, today } = props;
  const t = useTranslations('lifecycle.lease');
  const locale = toLocale(useLocale());
  const left = leaseUntil ? daysBetween(today, leaseUntil) : null;
  const canExtend = props.mayExtend && props.action && leaseExtendable.includes(props.status);
  const [done, setDone] = useState<string | null>(null);
  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  return (
    <section className="card" aria-labelledby="lease-title">
      <h2 id="lease-title">{t('title')}</h2>
      <dl className="facts" style={narrowFacts}>
        <dt>{t('until')}</dt>
        <dd>
          {leaseUntil ? (
            <>
              <time dateTime={leaseUntil}>{formatDate(leaseUntil, locale)}</time>{' '}
              <span className={`badge ${left !== null && left <= 14 ? 'badge--warning' : 'badge--neutral'}`}>
                {left !== null && left < 0
                  ? t('overdue', { days: -left })
                  : t('daysLeft', { days: left ?? 0 })}
              </span>
            </>
          ) : (
            t('none')
          )}
        </dd>
      </dl>
      {leaseUntil && left !== null && left < 0 ? (
        <p className="alert alert--warning">
          {t('reclaimOn', { date: formatDate(addDays(leaseUntil, props.graceDays + 1), locale) })}
        </p>
      ) : null}
      <p className="hint">{t('notice', { grace: props.graceDays })}</p>
      {done ? (
        <p className="alert alert--success" role="status" tabIndex={-1} ref={doneRef}>
          {done}
        </p>
      ) : null}
      {canExtend ? (
        // a new end starts the form over from it
        <ExtendLeaseForm
          key={leaseUntil ?? 'none'}
          {...props}
          action={props.action!}
          onDone={(message) => {
            setDone(message);
            props.onExtended();
          }}
        />
      ) : null}
    </section>
  );
}

function ExtendLeaseForm({
  resourceId,
  leaseUntil,
  today,
  months,
  action,
  onDone,
}: LeaseProps & { action: ExtendLeaseAction; onDone: (message: string) => void }) {
  const t = useTranslations('lifecycle.lease');
  const locale = toLocale(useLocale());
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const latest = latestLeaseEnd(today);
  // the earliest allowed: the day after the current end, and never today or before
  const base = leaseUntil && leaseUntil > today ? leaseUntil : today;
  const earliest = addDays(base, 1);
  // three months on, or the latest allowed (ISO dates compare as text)
  const suggested = [addMonths(base, 3), latest].sort()[0]!;
  const [value, setValue] = useState(suggested);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [refusals, setRefusals] = useState(0);
  // after a refusal the field takes the focus, its reason read with it
  useEffect(() => {
    if (refusals > 0) inputRef.current?.focus();
  }, [refusals]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const result = await action({ resourceId, leaseUntil: value });
      if (result.ok) {
        onDone(t('done', { date: formatDate(result.leaseUntil, locale) }));
        return;
      }
      // the message says exactly why (after the current end, at most N months); the field's own is generic
      setError(result.message);
      setRefusals((n) => n + 1);
    });
  }

  return (
    <form className="form" noValidate onSubmit={submit} aria-labelledby="lease-extend-title">
      <h3 id="lease-extend-title" style={{ marginTop: 'var(--space-5)' }}>
        {t('extendTitle')}
      </h3>
      <Field
        id="lease-until"
        label={t('newDate')}
        hint={t('newDateHint', {
          earliest: formatDate(earliest, locale),
          latest: formatDate(latest, locale),
          months,
        })}
        errors={error ? [error] : undefined}
      >
        {(control) => (
          <input
            {...control}
            ref={inputRef}
            type="date"
            name="leaseUntil"
            min={earliest}
            max={latest}
            value={value}
            required
            onChange={(e) => setValue(e.target.value)}
          />
        )}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending || !hydrated}>
          {pending ? t('pending') : t('submit')}
        </button>
      </div>
    </form>
  );
}
