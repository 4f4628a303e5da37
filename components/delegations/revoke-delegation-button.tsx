'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';

/** Ends one of my substitutions now; the list re-renders from the server. */
export function RevokeDelegationButton({
  delegationId,
  substituteName,
  action,
}: {
  delegationId: string;
  substituteName: string;
  action: Action<{ delegationId: string }>;
}) {
  const t = useTranslations('delegations');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="button button--danger-outline button--small"
        disabled={pending}
        aria-label={t('revokeLabel', { name: substituteName })}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ delegationId });
            if (result.ok) router.refresh();
            else setError(result.message);
          })
        }
      >
        {t('revoke')}
      </button>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
