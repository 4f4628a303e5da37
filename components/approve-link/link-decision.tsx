'use client';

import { useTranslations } from 'next-intl';
import { type ReactNode, useActionState, useEffect, useRef, useState } from 'react';
import { Field } from '@/components/ui/field';
import type { LinkDecisionState, LinkRefusal } from './link-decision-state';
import { LinkStatePanel } from './link-state-panel';

type LinkDecisionProps = {
  token: string;
  action: (previous: LinkDecisionState, formData: FormData) => Promise<LinkDecisionState>;
  /** why the link cannot decide, as the page found it; the form is shown when there is none */
  refusal?: { state: LinkRefusal; requestNumber?: string };
  /** the request as the page shows it, above the form, until a decision is made */
  children?: ReactNode;
};

/**
 * The email-link decision: the request (children), then a plain form that POSTs approve or reject
 * (a reason is required to reject). Once decided, or refused, the page becomes the result and focus
 * moves to its heading. Without JavaScript the POST re-renders the page, whose link is used by then:
 * the action's answer still comes first, so the decider sees their result, not "already used".
 */
export function LinkDecision({ token, action, refusal, children }: LinkDecisionProps) {
  const t = useTranslations('approveLink');
  const [state, formAction, pending] = useActionState(action, { status: 'idle' });
  const [comment, setComment] = useState('');
  const commentRef = useRef<HTMLTextAreaElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const commentErrors = state.status === 'invalid' ? state.fieldErrors.comment : undefined;

  useEffect(() => {
    if (state.status === 'decided' || state.status === 'refused') {
      resultRef.current?.querySelector<HTMLElement>('h1')?.focus();
    } else if (commentErrors) {
      commentRef.current?.focus();
    }
  }, [state, commentErrors]);

  if (state.status === 'refused') {
    return (
      <div ref={resultRef}>
        <LinkStatePanel state={state.state} requestNumber={state.requestNumber} />
      </div>
    );
  }
  if (refusal && state.status !== 'decided') {
    return <LinkStatePanel state={refusal.state} requestNumber={refusal.requestNumber} />;
  }
  if (state.status === 'decided') {
    return (
      <div ref={resultRef} className="card stack" style={{ maxWidth: '44rem' }} data-link-state="decided">
        <h1 tabIndex={-1}>{t(`decided.${state.decision}`)}</h1>
        <div className={`alert ${state.decision === 'approve' ? 'alert--success' : 'alert--info'}`}>
          <p className="alert__title">{t('decidedBody', { number: state.requestNumber })}</p>
          {state.actingForName ? <p>{t('decidedActingFor', { name: state.actingForName })}</p> : null}
          {['in_approval', 'approved', 'rejected'].includes(state.requestStatus) ? (
            <p>{t(`decidedNext.${state.requestStatus as 'in_approval' | 'approved' | 'rejected'}`)}</p>
          ) : null}
        </div>
        <p className="muted">{t('signInHint')}</p>
        <p>
          <a className="button button--secondary" href="/signin">
            {t('signIn')}
          </a>
        </p>
      </div>
    );
  }

  const otherError = state.status === 'error' ? state.message : null;
  return (
    <div className="stack">
      {children}
      <section className="card" aria-labelledby="link-decision-title">
        <h2 id="link-decision-title">{t('formTitle')}</h2>
        <p>{t('formLead')}</p>
        <form className="form" action={formAction} noValidate>
          {otherError ? (
            <div className="alert alert--error" role="alert">
              <p>{otherError}</p>
            </div>
          ) : null}
          <input type="hidden" name="token" value={token} />
          <Field id="link-comment" label={t('comment')} hint={t('commentHint')} errors={commentErrors}>
            {(control) => (
              <textarea
                {...control}
                ref={commentRef}
                name="comment"
                maxLength={2000}
                rows={4}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
            )}
          </Field>
          <div className="button-row">
            <button type="submit" name="decision" value="approve" className="button" disabled={pending}>
              {t('approve')}
            </button>
            <button
              type="submit"
              name="decision"
              value="reject"
              className="button button--danger-outline"
              disabled={pending}
            >
              {t('reject')}
            </button>
            {pending ? (
              <span className="muted small" role="status">
                {t('working')}
              </span>
            ) : null}
          </div>
        </form>
      </section>
    </div>
  );
}
