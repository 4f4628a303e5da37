'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { ReconcileReport } from '@/lib/provisioning/reconcile-clouds';

export type ReconcileNowAction = Action<Record<string, never>, { report: ReconcileReport }>;

/** 지금 점검 — runs the reconciler now and shows what it found in each cloud; the list below refreshes. */
export function ReconcileButton({ action }: { action: ReconcileNowAction }) {
  const t = useTranslations('drift');
  const router = useRouter();
  const hydrated = useHydrated();
  const [pending, startTransition] = useTransition();
  const [report, setReport] = useState<ReconcileReport | null>(null);
  const [error, setError] = useState<string | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (report || error) resultRef.current?.focus();
  }, [report, error]);

  function run() {
    startTransition(async () => {
      const result = await action({});
      if (result.ok) {
        setError(null);
        setReport(result.report);
        router.refresh();
      } else {
        setReport(null);
        setError(result.message);
      }
    });
  }

  return (
    <div className="stack">
      <div className="button-row">
        <button type="button" className="button" onClick={run} disabled={pending || !hydrated}>
          {pending ? t('running') : t('run')}
        </button>
      </div>
      <div ref={resultRef} tabIndex={-1} aria-live="polite">
        {error ? (
          <div className="alert alert--error" role="alert">
            <p>{error}</p>
          </div>
        ) : null}
        {report ? (
          <div className="alert alert--info">
            <p className="alert__title">{t('reportTitle')}</p>
            {report.length === 0 ? <p>{t('reportEmpty')}</p> : null}
            <ul className="plain-list">
              {report.map((line) => (
                <li key={line.provider}>
                  {line.error
                    ? t('reportError', { provider: line.provider, error: line.error })
                    : t('reportLine', {
                        provider: line.provider,
                        objects: line.objects,
                        orphans: line.orphans,
                        missing: line.missing,
                      })}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </div>
  );
}
