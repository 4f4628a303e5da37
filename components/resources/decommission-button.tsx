'use client';

import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';

/** 반납: hands a resource back, after an inline confirmation (no browser dialog). */
export function DecommissionButton({
  resourceId,
  resourceName,
  action,
  onDone,
}: {
  resourceId: string;
  resourceName: string;
  action: Action<{ resourceId: string }>;
  onDone: (message: string) => void;
}) {
  const t = useTranslations('resource.decommission');
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  // keyboard users land on the confirm button, and back on 반납 when they step back
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
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
      >
        {t('button')}
      </button>
    );
  }
  return (
    <div className="alert alert--warning">
      <p id="decommission-confirm-text">{t('confirmText', { name: resourceName })}</p>
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
          aria-describedby="decommission-confirm-text"
          onClick={() =>
            startTransition(async () => {
              const result = await action({ resourceId });
              if (result.ok) {
                setConfirming(false);
                onDone(t('done'));
              } else setError(result.message);
            })
          }
        >
          {pending ? t('pending') : t('confirm')}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={pending}
          onClick={() => setConfirming(false)}
        >
          {t('keep')}
        </button>
      </div>
    </div>
  );
}
