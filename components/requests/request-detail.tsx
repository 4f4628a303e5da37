'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useRef, useState } from 'react';
import type { Action } from '@/components/forms/action-result';
import { ConfirmActionButton } from '@/components/ui/confirm-action-button';
import { RequestStatusBadge } from '@/components/ui/status-badge';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { queryKeys, type RequestData, requestQueryOptions } from '@/lib/client/query-options';
import { formatDate, formatDateTime } from '@/lib/format/dates';
import { formatKrw, formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import { splitFailureReason } from '@/lib/provisioning/failure-reason';
import { ApprovalLine } from './approval-line';
import { type DecideInput, DecisionForm } from './decision-form';
import { RejectionNotice } from './rejection-notice';
import { type ResubmitContext, ResubmitForm, type ResubmitInput } from './resubmit-form';
import { SpecSummary } from './spec-summary';

/** While a request can still move on its own (approvals, the provisioning job), the page polls. */
const LIVE = new Set(['in_approval', 'approved', 'provisioning', 'submitted']);
const CANCELLABLE = new Set(['draft', 'submitted', 'in_approval']);

type RequestDetailProps = {
  initial: RequestData;
  viewerId: string;
  options: CatalogOptions;
  decideAction: Action<DecideInput, { requestStatus: string }>;
  cancelAction: Action<{ requestId: string }>;
  resubmitAction: Action<ResubmitInput, { request: RequestData }>;
  /** given to the drafter: what the 수정하여 다시 상신 form needs */
  resubmit: ResubmitContext | null;
};

/** A request's page body: live status, summary, 결재선, and the decide/cancel controls. */
export function RequestDetail({
  initial,
  viewerId,
  options,
  decideAction,
  cancelAction,
  resubmitAction,
  resubmit,
}: RequestDetailProps) {
  const t = useTranslations('request');
  const tAll = useTranslations();
  const locale = toLocale(useLocale());
  const router = useRouter();
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const query = useQuery({
    ...requestQueryOptions(initial.id),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && LIVE.has(q.state.data.status) ? 3_000 : false),
  });
  const request = query.data;
  const myStep = request.steps.find((s) => s.awaitsMe);
  const mayCancel = request.requesterId === viewerId && CANCELLABLE.has(request.status);
  const itemName = locale === 'en' ? request.catalogItemNameEn : request.catalogItemName;
  const kind = request.kind;
  const mayResubmit =
    resubmit !== null &&
    request.requesterId === viewerId &&
    request.status === 'rejected' &&
    (kind === 'vm' || kind === 'platform_slot' || kind === 'volume');

  const afterAction = (message: string) => {
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: queryKeys.request(request.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.inbox() });
    router.refresh();
  };

  return (
    <>
      <p className="breadcrumb">
        <Link href="/requests">{t('backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <div className="page-head__title">
            <h1>{t('title', { number: request.number })}</h1>
            <RequestStatusBadge status={request.status} large />
          </div>
          <p>
            {itemName} · {request.systemName}
          </p>
        </div>
        {mayCancel ? (
          <div>
            <ConfirmActionButton
              run={() => cancelAction({ requestId: request.id })}
              labels={{
                button: tAll('cancel.button'),
                confirmText: tAll('cancel.confirmText'),
                confirm: tAll('cancel.confirm'),
                pending: tAll('cancel.pending'),
                keep: tAll('cancel.keep'),
                done: tAll('cancel.done'),
              }}
              onDone={afterAction}
            />
          </div>
        ) : null}
      </div>

      <div className="stack">
        <div
          role="status"
          aria-live="polite"
          className={`alert ${alertTone(request.status)}`}
          ref={statusRef}
          tabIndex={-1}
        >
          {notice ? <p className="alert__title">{notice}</p> : null}
          <p>{t(`statusNotice.${request.status}`)}</p>
          {request.status === 'failed' && request.failureReason ? (
            <p>
              {t('failureReason', {
                reason: readableFailure(request.failureReason, (key) => tAll(key as never)),
              })}
            </p>
          ) : null}
          {LIVE.has(request.status) ? <p className="small muted">{t('liveNote')}</p> : null}
          {query.isError ? <p className="small">{tAll('common.fetchFailed')}</p> : null}
        </div>

        {request.resourceIds.length > 0 ? (
          <section className="card" aria-labelledby="resources-title">
            <h2 id="resources-title">{t('resources')}</h2>
            <ul>
              {request.resourceIds.map((id) => (
                <li key={id}>
                  <Link href={`/resources/${id}`}>{t('openResourceShort')}</Link>
                </li>
              ))}
            </ul>
          </section>
        ) : null}

        {request.status === 'rejected' ? <RejectionNotice steps={request.steps} /> : null}

        {mayResubmit ? (
          <ResubmitForm
            request={{ ...request, kind }}
            context={resubmit}
            action={resubmitAction}
            onResubmitted={(next) => {
              queryClient.setQueryData(queryKeys.request(next.id), next);
              afterAction(t('resubmit.done', { round: next.round }));
              statusRef.current?.focus();
            }}
          />
        ) : null}

        {myStep && request.status === 'in_approval' ? (
          <DecisionForm
            requestId={request.id}
            stepKindLabel={tAll(`enums.stepKind.${myStep.kind}`)}
            actingFor={myStep.awaitsMeActingFor?.name ?? null}
            action={decideAction}
            onDecided={afterAction}
            onRefused={afterAction}
          />
        ) : null}

        <div className="two-col">
          <section className="card" aria-labelledby="summary-title">
            <h2 id="summary-title">{t('summary')}</h2>
            <dl className="facts">
              <dt>{t('item')}</dt>
              <dd>
                {itemName}
                {itemName !== tAll(`enums.kind.${request.kind}`) ? (
                  <span className="muted"> ({tAll(`enums.kind.${request.kind}`)})</span>
                ) : null}
              </dd>
              <dt>{t('system')}</dt>
              <dd>{request.systemName}</dd>
              <dt>{t('environment')}</dt>
              <dd>{tAll(`enums.environment.${request.environment}`)}</dd>
              <dt>{t('drTier')}</dt>
              <dd>{tAll(`enums.drTier.${request.drTier}`)}</dd>
              <dt>{t('leaseUntil')}</dt>
              <dd>{request.leaseUntil ? formatDate(request.leaseUntil, locale) : t('noLease')}</dd>
              <dt>
                {t(request.kind === 'resize' || request.kind === 'scale_up' ? 'estimateChange' : 'estimate')}
              </dt>
              <dd>
                <strong>
                  {tAll('common.perMonth', { amount: formatKrwShort(request.estimate.monthlyKrw, locale) })}
                </strong>{' '}
                <span className="muted">({formatKrw(request.estimate.monthlyKrw, locale)})</span>
              </dd>
              <dt>{t('requester')}</dt>
              <dd>{request.requesterName}</dd>
              <dt>{t('department')}</dt>
              <dd>{locale === 'en' ? request.departmentNameEn : request.departmentName}</dd>
              <dt>{t('submittedAt')}</dt>
              <dd>
                {request.submittedAt ? (
                  <time dateTime={request.submittedAt}>{formatDateTime(request.submittedAt, locale)}</time>
                ) : (
                  tAll('common.dash')
                )}
              </dd>
              <dt>{t('purpose')}</dt>
              <dd>{request.purpose}</dd>
            </dl>
            <h3 style={{ marginTop: '1.5rem' }}>{t('spec')}</h3>
            <SpecSummary kind={request.kind} spec={request.spec} options={options} />
          </section>
          <section className="card" aria-labelledby="line-title">
            <h2 id="line-title">{tAll('line.title')}</h2>
            <ApprovalLine steps={request.steps} history={request.history} round={request.round} />
          </section>
        </div>
      </div>
    </>
  );
}

function alertTone(status: string): string {
  if (status === 'active') return 'alert--success';
  if (status === 'rejected' || status === 'failed') return 'alert--error';
  if (status === 'cancelled') return 'alert--warning';
  return 'alert--info';
}

/** A cloud refusal as a sentence in the reader's language, followed by the cloud's own words. */
function readableFailure(reason: string, translate: (key: string) => string): string {
  const { code, detail } = splitFailureReason(reason);
  return code ? `${translate(`providerErrors.${code}`)} — ${detail}` : detail;
}
