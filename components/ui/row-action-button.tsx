'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { useHydrated } from '@/components/ui/use-hydrated';

type RowActionButtonProps<I> = {
  input: I;
  action: Action<I>;
  /** the visible label, e.g. 폐기 */
  label: string;
  /** the full accessible name, naming the row, e.g. 토큰 ‘배치’ 폐기 */
  accessibleName: string;
};

/** A one-click action on a table row (revoke, end); the list re-renders from the server afterwards. */
export function RowActionButton<I>({ input, action, label, accessibleName }: RowActionButtonProps<I>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  return (
    <>
      <button
        type="button"
        className="button button--danger-outline button--small"
        disabled={pending || !hydrated}
        aria-label={accessibleName}
        onClick={() =>
          startTransition(async () => {
            const result = await action(input);
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      >
        {label}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
