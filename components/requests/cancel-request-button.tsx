'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';

/** The drafter's 요청 취소, with an inline confirmation (no browser dialog). */
export function CancelRequestButton({
  requestId,
  action,
  onCancelled,
}: {
  requestId: string;
  action: Action<{ requestId: string }>;
  onCancelled: (message: string) => void;
}) {
  const t = useTranslations('cancel');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button
        type="button"
        ref={openRef}
        className="button button--danger-outline"
        onClick={() => setConfirming(true)}
      >
        {t('button')}
      </button>
    );
  }
  return (
    <div className="alert alert--warning">
      <p id="cancel-confirm-text">{t('confirmText')}</p>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button
          type="button"
          ref={confirmRef}
          className="button button--danger"
          disabled={pending}
          onClick={() =>
            startTransition(async () => {
              const result = await action({ requestId });
              if (result.ok) {
                setConfirming(false);
                onCancelled(t('done'));
              } else setError(result.message);
            })
          }
        >
          {t('confirm')}
        </button>
        <button type="button" className="button button--ghost" onClick={() => setConfirming(false)}>
          {t('keep')}
        </button>
      </div>
    </div>
  );
}
