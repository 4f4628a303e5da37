'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useState, useTransition } from 'react';
import type { Action } from '@/components/forms/action-result';
import type { BulkItemResult } from '@/lib/approvals/bulk-approve';
import type { InboxItem } from '@/lib/approvals/inbox-queries';
import { formatDateTime } from '@/lib/format/dates';
import { formatKrw, formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { BulkResult } from './bulk-result';

export type BulkApproveAction = Action<{ requestIds: string[] }, { results: BulkItemResult[] }>;

/**
 * The 결재함 table: what waits for the signed-in approver, oldest first, with its working-hours age,
 * 대결 and escalation marks; rows within the bulk limit carry a checkbox for 선택 항목 일괄 승인.
 */
export function InboxList({
  items,
  bulkLimitKrw,
  filtered,
  action,
}: {
  items: InboxItem[];
  bulkLimitKrw: number;
  filtered: boolean;
  action: BulkApproveAction;
}) {
  const t = useTranslations('inbox');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<BulkItemResult[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const eligible = items.filter((i) => i.bulkEligible);
  const chosen = eligible.filter((i) => selected.has(i.id)).map((i) => i.id);
  const allChosen = eligible.length > 0 && chosen.length === eligible.length;
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const next = new Set(s);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  function approveSelected() {
    setError(null);
    if (chosen.length === 0) {
      setResults(null);
      setError(t('bulk.noneSelected'));
      return;
    }
    startTransition(async () => {
      const result = await action({ requestIds: chosen });
      if (!result.ok) {
        setError(result.message);
        return;
      }
      setResults(result.results);
      setSelected(new Set());
      router.refresh();
    });
  }

  return (
    <div className="stack">
      {eligible.length > 0 || results || error ? (
        <div className="card" style={{ padding: 'var(--space-3) var(--space-4)' }}>
          <p className="hint" id="bulk-hint">
            {t('bulk.hint', { limit: formatKrwShort(bulkLimitKrw, locale) })}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button"
              disabled={pending}
              aria-describedby="bulk-hint bulk-selected"
              onClick={approveSelected}
            >
              {t('bulk.approve')}
            </button>
            <span id="bulk-selected" className="small muted">
              {t('bulk.selected', { count: chosen.length })}
            </span>
            {pending ? (
              <span className="small muted" role="status">
                {t('bulk.working')}
              </span>
            ) : null}
          </div>
          <div role="status" aria-live="polite">
            {error ? (
              <p className="field-error" style={{ marginTop: 'var(--space-2)' }}>
                {error}
              </p>
            ) : null}
            {results ? <BulkResult results={results} /> : null}
          </div>
        </div>
      ) : null}

      {items.length === 0 ? (
        <p className="empty">{filtered ? t('emptyFiltered') : t('empty')}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t('caption')}</caption>
            <thead>
              <tr>
                <th scope="col">
                  {eligible.length > 0 ? (
                    <input
                      type="checkbox"
                      aria-label={t('bulk.selectAll')}
                      checked={allChosen}
                      onChange={(e) =>
                        setSelected(e.target.checked ? new Set(eligible.map((i) => i.id)) : new Set())
                      }
                    />
                  ) : (
                    <span className="sr-only">{t('columns.select')}</span>
                  )}
                </th>
                <th scope="col">{t('columns.number')}</th>
                <th scope="col">{t('columns.requester')}</th>
                <th scope="col">{t('columns.item')}</th>
                <th scope="col" className="num">
                  {t('columns.estimate')}
                </th>
                <th scope="col">{t('columns.step')}</th>
                <th scope="col">{t('columns.waiting')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td>
                    {item.bulkEligible ? (
                      <input
                        type="checkbox"
                        id={`bulk-${item.id}`}
                        aria-label={t('bulk.select', { number: item.number })}
                        checked={selected.has(item.id)}
                        onChange={(e) => toggle(item.id, e.target.checked)}
                      />
                    ) : (
                      <span className="small muted nowrap" title={t('bulk.overLimitTitle')}>
                        {t('bulk.overLimit')}
                      </span>
                    )}
                  </td>
                  <th scope="row" className="nowrap">
                    <Link
                      href={`/requests/${item.id}`}
                      className="mono"
                      aria-label={t('open', { number: item.number })}
                    >
                      {item.number}
                    </Link>
                  </th>
                  <td>
                    {item.requesterName}{' '}
                    <span className="muted">
                      ({locale === 'en' ? item.departmentNameEn : item.departmentName})
                    </span>
                  </td>
                  <td>
                    {locale === 'en' ? item.itemNameEn : item.itemName}
                    <br />
                    <span className="muted small">
                      {item.systemName} · {tEnum(`environment.${item.environment}`)}
                    </span>
                  </td>
                  <td className="num">{formatKrw(item.monthlyKrw, locale)}</td>
                  <td>
                    <span className="tag nowrap">{tEnum(`stepKind.${item.stepKind}`)}</span>
                    {item.actingFor ? (
                      <>
                        <br />
                        <span className="badge badge--info">
                          {t('actingFor', { name: item.actingFor.name })}
                        </span>
                      </>
                    ) : null}
                    {item.escalated ? (
                      <>
                        <br />
                        <span className="badge badge--danger">{t('escalated')}</span>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <span className="nowrap">
                      {t('waitingHours', { hours: Math.floor(item.waitingHours) })}
                    </span>
                    {item.overdue ? (
                      <>
                        <br />
                        <span className="badge badge--warning">{t('overdue')}</span>
                      </>
                    ) : null}
                    <br />
                    <span className="small muted nowrap">
                      <time dateTime={item.pendingSince}>
                        {t('since', { time: formatDateTime(item.pendingSince, locale) })}
                      </time>
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
