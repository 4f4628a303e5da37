'use client';

import { useEffect, useId, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/components/forms/action-result';
import { useHydrated } from '@/components/ui/use-hydrated';

export type ConfirmActionLabels = {
  /** the button that opens the confirmation (요청 취소, 반납) */
  button: string;
  /** what will happen, read before confirming */
  confirmText: string;
  confirm: string;
  /** shown on the confirm button while the action runs */
  pending: string;
  /** step back without acting (돌아가기) */
  keep: string;
  /** announced after it worked */
  done: string;
};

type ConfirmActionButtonProps = {
  run: () => Promise<ActionResult>;
  labels: ConfirmActionLabels;
  onDone: (message: string) => void;
};

/**
 * A destructive action behind an inline confirmation (no browser dialog). Keyboard users land on the
 * confirm button, and back on the opening button when they step back.
 */
export function ConfirmActionButton({ run, labels, onDone }: ConfirmActionButtonProps) {
  const textId = useId();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
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
        disabled={!hydrated}
        onClick={() => {
          setError(null);
          setConfirming(true);
        }}
      >
        {labels.button}
      </button>
    );
  }
  return (
    <div className="alert alert--warning">
      <p id={textId}>{labels.confirmText}</p>
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
          disabled={pending || !hydrated}
          aria-describedby={textId}
          onClick={() =>
            startTransition(async () => {
              const result = await run();
              if (result.ok) {
                setConfirming(false);
                onDone(labels.done);
              } else setError(result.message);
            })
          }
        >
          {pending ? labels.pending : labels.confirm}
        </button>
        <button
          type="button"
          className="button button--ghost"
          disabled={pending || !hydrated}
          onClick={() => setConfirming(false)}
        >
          {labels.keep}
        </button>
      </div>
    </div>
  );
}
