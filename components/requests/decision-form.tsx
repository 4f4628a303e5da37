'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { Field } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';

export type DecideInput = { requestId: string; decision: 'approve' | 'reject'; comment?: string };

/** 결재 form: an optional comment (required to reject) and the 승인 / 반려 buttons. */
export function DecisionForm({
  requestId,
  stepKindLabel,
  actingFor,
  action,
  onDecided,
  onRefused,
}: {
  requestId: string;
  stepKindLabel: string;
  /** 대결: the approver the signed-in user decides for, when they are that approver's substitute */
  actingFor?: string | null;
  action: Action<DecideInput, { requestStatus: string }>;
  onDecided: (message: string) => void;
  /** a refusal that is not about the comment (someone acted first, the request moved on) */
  onRefused: (message: string) => void;
}) {
  const t = useTranslations('decision');
  const [comment, setComment] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const commentRef = useRef<HTMLTextAreaElement>(null);

  function decide(decision: DecideInput['decision']) {
    setMessage(null);
    startTransition(async () => {
      const trimmed = comment.trim();
      const result = await action({ requestId, decision, ...(trimmed ? { comment: trimmed } : {}) });
      if (result.ok) {
        setErrors(undefined);
        setComment('');
        onDecided(t(decision === 'approve' ? 'approved' : 'rejected'));
        return;
      }
      const commentErrors = result.fieldErrors.comment;
      setErrors(commentErrors);
      if (commentErrors) commentRef.current?.focus();
      else {
        setMessage(result.message);
        onRefused(result.message);
      }
    });
  }

  return (
    <section className="card" aria-labelledby="decision-title">
      <h2 id="decision-title">{t('title')}</h2>
      <p>{t('lead', { kind: stepKindLabel })}</p>
      {actingFor ? (
        <p className="alert alert--info">
          <strong>{t('actingFor', { name: actingFor })}</strong>
        </p>
      ) : null}
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          decide('approve');
        }}
      >
        {message ? (
          <div className="alert alert--error" role="alert">
            <p>{message}</p>
          </div>
        ) : null}
        <Field id="decision-comment" label={t('comment')} hint={t('commentHint')} errors={errors}>
          {(control) => (
            <textarea
              {...control}
              ref={commentRef}
              maxLength={2000}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
            />
          )}
        </Field>
        <div className="button-row">
          <button type="submit" className="button" disabled={pending || !hydrated}>
            {t('approve')}
          </button>
          <button
            type="button"
            className="button button--danger-outline"
            disabled={pending || !hydrated}
            onClick={() => decide('reject')}
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
  );
}
