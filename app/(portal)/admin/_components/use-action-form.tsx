'use client';

import { type ReactNode, type RefObject, useEffect, useRef, useState, useTransition } from 'react';
import type { ActionResult } from '@/components/forms/action-result';
import { useHydrated } from '@/components/ui/use-hydrated';

type FormState = {
  fieldErrors: Record<string, string[]>;
  error: string | null;
  success: ReactNode | null;
  /** bumps on every answer, so focus moves even when the same error comes back */
  answer: number;
};

/**
 * One admin form's round trip: runs the server action in a transition, keeps what the user typed
 * (the inputs are uncontrolled and never reset on failure), and after each answer moves focus to
 * the first invalid field or, failing that, to the message.
 */
export function useActionForm() {
  const formRef = useRef<HTMLFormElement>(null);
  const messageRef = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<FormState>({ fieldErrors: {}, error: null, success: null, answer: 0 });
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();

  useEffect(() => {
    if (state.answer === 0) return;
    const invalid = formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? messageRef.current)?.focus();
  }, [state.answer]);

  function run<T extends object>(call: () => Promise<ActionResult<T>>, onOk: (data: T) => ReactNode) {
    startTransition(async () => {
      const result = await call();
      setState((s) =>
        result.ok
          ? { fieldErrors: {}, error: null, success: onOk(result), answer: s.answer + 1 }
          : { fieldErrors: result.fieldErrors, error: result.message, success: null, answer: s.answer + 1 },
      );
    });
  }

  return { formRef, messageRef, state, pending: pending || !hydrated, run };
}

/** A form's whole-number field: commas and spaces allowed; anything else is NaN, which the schema refuses. */
export function integerField(form: FormData, name: string): number {
  const raw = String(form.get(name) ?? '').replace(/[,\s]/g, '');
  return /^-?\d+(\.\d+)?$/.test(raw) ? Number(raw) : Number.NaN;
}

export function textField(form: FormData, name: string): string {
  return String(form.get(name) ?? '');
}

/** The alert above a form: the action's message on failure, the confirmation on success. */
export function FormMessage({
  state,
  messageRef,
}: {
  state: FormState;
  messageRef: RefObject<HTMLDivElement | null>;
}) {
  return (
    <div ref={messageRef} tabIndex={-1}>
      {state.error ? (
        <div className="alert alert--error" role="alert">
          <p>{state.error}</p>
        </div>
      ) : null}
      {state.success ? (
        <div className="alert alert--success" role="status">
          {state.success}
        </div>
      ) : null}
    </div>
  );
}
