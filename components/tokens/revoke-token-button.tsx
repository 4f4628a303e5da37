'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';

/** 폐기 — revokes one token; the list re-renders from the server. */
export function RevokeTokenButton({
  tokenId,
  tokenName,
  action,
}: {
  tokenId: string;
  tokenName: string;
  action: Action<{ tokenId: string }>;
}) {
  const t = useTranslations('tokens');
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="button button--danger-outline button--small"
        disabled={pending}
        aria-label={t('revokeLabel', { name: tokenName })}
        onClick={() =>
          startTransition(async () => {
            const result = await action({ tokenId });
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
