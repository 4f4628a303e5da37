import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { BulkFailure, BulkItemResult } from '@/lib/approvals/bulk-approve';

/** "3건 승인, 1건 실패(이미 처리됨)" and, below it, which request failed and why. */
export function BulkResult({ results }: { results: BulkItemResult[] }) {
  const t = useTranslations('inbox.bulk');
  const approved = results.filter((r) => r.ok).length;
  const failures = results.flatMap((r) => (r.ok ? [] : [r]));
  const byReason = new Map<BulkFailure, number>();
  for (const f of failures) byReason.set(f.reason, (byReason.get(f.reason) ?? 0) + 1);
  const reasons =
    byReason.size === 1
      ? t(`reason.${failures[0]!.reason}`)
      : [...byReason]
          .map(([reason, count]) => t('reasonCount', { reason: t(`reason.${reason}`), count }))
          .join(', ');
  return (
    <div
      className={`alert ${failures.length ? 'alert--warning' : 'alert--success'}`}
      style={{ marginTop: 'var(--space-3)' }}
    >
      <p className="alert__title">
        {failures.length
          ? t('summaryWithFailures', { approved, failed: failures.length, reasons })
          : t('summary', { approved })}
      </p>
      {failures.length ? (
        <ul>
          {failures.map((f) => (
            <li key={f.requestId}>
              {f.number ? (
                <Link href={`/requests/${f.requestId}`} className="mono">
                  {f.number}
                </Link>
              ) : (
                <span className="mono">{f.requestId}</span>
              )}
              {' — '}
              {t(`reason.${f.reason}`)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
