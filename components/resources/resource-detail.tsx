'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { Action } from '@/components/forms/action-result';
import { SpecSummary } from '@/components/requests/spec-summary';
import { ConfirmActionButton } from '@/components/ui/confirm-action-button';
import { ResourceStatusBadge } from '@/components/ui/status-badge';
import type { RatePrices } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { queryKeys, type ResourceDetailData } from '@/lib/client/query-options';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import type { ResourceChangeView } from '@/lib/lifecycle/queries';
import { ChangeRequestForm, type RequestChangeAction } from './change-request-form';
import { ResourceAccess } from './resource-access';
import { ResourceChanges } from './resource-changes';
import { ResourceDr } from './resource-dr';
import { type ExtendLeaseAction, ResourceLease } from './resource-lease';
import { useEventText } from './use-change-text';
import { useResourceLive } from './use-resource-live';

const PHASES = ['scheduling', 'building', 'networking', 'active'] as const;
/** 반납 is offered for these; lib/resources/decommission-resource.ts refuses the rest */
const HANDBACK = new Set(['active', 'failed']);

/** The grace after a lease end before the resource is handed back (lib/lifecycle/sweep-leases.ts). */
const LEASE_GRACE_DAYS = 7;

/**
 * A resource's page body, live: status, the provider's progress phases, how to reach it, DR, lease
 * (사용 기간 연장), 변경 신청 with its requests, history and 반납.
 */
export function ResourceDetail({
  initial,
  initialChanges = [],
  options,
  prices,
  today,
  limits = { leaseMonths: 12, scaleUpDays: 90 },
  mayDecommission = false,
  mayChange = false,
  decommissionAction,
  requestChangeAction,
  extendLeaseAction,
}: {
  initial: ResourceDetailData;
  initialChanges?: ResourceChangeView[];
  options: CatalogOptions;
  /** the current rate card's prices, for a change's monthly difference */
  prices?: RatePrices;
  /** Seoul's today, YYYY-MM-DD, from the server */
  today?: string;
  limits?: { leaseMonths: number; scaleUpDays: number };
  /** the viewer requested it, approves for its department, or is an admin */
  mayDecommission?: boolean;
  /** the same, and may submit requests: 변경 신청 */
  mayChange?: boolean;
  decommissionAction?: Action<{ resourceId: string }>;
  requestChangeAction?: RequestChangeAction;
  extendLeaseAction?: ExtendLeaseAction;
}) {
  const t = useTranslations('resource');
  const tAll = useTranslations();
  const tLife = useTranslations('lifecycle');
  const locale = toLocale(useLocale());
  const live = useResourceLive(initial, initialChanges);
  const { data: resource, isError } = live.resource;
  const changes = live.changes.data.items;
  const events = useEventText(options);
  const queryClient = useQueryClient();
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  // after 반납 the button is gone: keyboard and screen reader users land on what happened instead
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);
  const afterDecommission = (message: string) => {
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: queryKeys.resource(initial.id) });
    void queryClient.invalidateQueries({ queryKey: queryKeys.resources() });
  };
  const afterLease = () => {
    void queryClient.invalidateQueries({ queryKey: queryKeys.resource(initial.id) });
  };
  const changeable = mayChange && requestChangeAction && prices && today;
  const drTier = typeof resource.spec.drTier === 'string' ? resource.spec.drTier : 'none';
  const handingBack = resource.status === 'decommissioning' || resource.status === 'decommissioned';
  const phaseIndex =
    resource.status === 'active'
      ? PHASES.length - 1
      : PHASES.indexOf((resource.providerState ?? '') as (typeof PHASES)[number]);
  const showPhases = resource.status === 'provisioning' || resource.status === 'active';
  const providerStateLabel = (state: string | null) =>
    state === null
      ? tAll('common.dash')
      : t.has(`phase.${state}` as never)
        ? t(`phase.${state}` as never)
        : tLife.has(`phase.${state}` as never)
          ? tLife(`phase.${state}` as never)
          : state;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/resources">{t('backToList')}</Link>
      </p>
      <div className="page-head">
        <div>
          <div className="page-head__title">
            <h1>{t('title', { name: resource.name })}</h1>
            <span aria-live="polite">
              <ResourceStatusBadge status={resource.status} large />
            </span>
          </div>
          <p>
            {tAll(`enums.kind.${resource.kind}`)} · {resource.systemName}
          </p>
        </div>
        <div className="button-row">
          {mayDecommission && decommissionAction && HANDBACK.has(resource.status) ? (
            <ConfirmActionButton
              run={() => decommissionAction({ resourceId: resource.id })}
              labels={{
                button: t('decommission.button'),
                confirmText: t('decommission.confirmText', { name: resource.name }),
                confirm: t('decommission.confirm'),
                pending: t('decommission.pending'),
                keep: t('decommission.keep'),
                done: t('decommission.done'),
              }}
              onDone={afterDecommission}
            />
          ) : null}
          <Link className="button button--secondary" href={`/requests/${resource.requestId}`}>
            {t('openRequest')}
          </Link>
        </div>
      </div>
      <div className="stack">
        {notice || handingBack ? (
          <div
            className={`alert ${resource.status === 'decommissioned' ? 'alert--success' : 'alert--info'}`}
            ref={noticeRef}
            tabIndex={-1}
          >
            {notice ? <p className="alert__title">{notice}</p> : null}
            {handingBack ? <p>{t(`decommission.status.${resource.status}` as never)}</p> : null}
            {live.busy ? <p className="small muted">{tAll('common.liveUpdates')}</p> : null}
          </div>
        ) : null}
        {isError ? (
          <p className="alert alert--warning" role="status">
            {tAll('common.fetchFailed')}
          </p>
        ) : null}
        {resource.status === 'resizing' ? (
          <div className="alert alert--info" role="status">
            <p className="alert__title">{tLife('resizing.title')}</p>
            <p>{tLife('resizing.body')}</p>
            <p className="small muted">{tAll('common.liveUpdates')}</p>
          </div>
        ) : null}
        {showPhases ? (
          <section className="card" aria-labelledby="progress-title">
            <h2 id="progress-title">{t('progress')}</h2>
            <ol className="phases">
              {PHASES.map((phase, index) => {
                const state =
                  resource.status === 'active' || index < phaseIndex
                    ? 'done'
                    : index === phaseIndex
                      ? 'current'
                      : 'todo';
                return (
                  <li
                    key={phase}
                    className={`phase phase--${state}`}
                    aria-current={state === 'current' ? 'step' : undefined}
                  >
                    {t(`phase.${phase}`)}
                    <span className="phase__state">{t(`phaseState.${state}`)}</span>
                  </li>
                );
              })}
            </ol>
            {live.busy ? (
              <p className="hint" style={{ marginTop: '0.75rem' }}>
                {tAll('common.liveUpdates')}
              </p>
            ) : null}
          </section>
        ) : null}
        <div className="two-col">
          <section className="card" aria-labelledby="resource-summary-title">
            <h2 id="resource-summary-title">{t('summary')}</h2>
            <dl className="facts">
              <dt>{t('kind')}</dt>
              <dd>{tAll(`enums.kind.${resource.kind}`)}</dd>
              <dt>{t('system')}</dt>
              <dd>{resource.systemName}</dd>
              <dt>{t('department')}</dt>
              <dd>{locale === 'en' ? resource.departmentNameEn : resource.departmentName}</dd>
              <dt>{t('pool')}</dt>
              <dd>{resource.poolName}</dd>
              <dt>{t('provider')}</dt>
              <dd>{resource.provider}</dd>
              <dt>{t('providerRef')}</dt>
              <dd className="mono">{resource.providerRef ?? tAll('common.dash')}</dd>
              <dt>{t('providerState')}</dt>
              <dd>{providerStateLabel(resource.providerState)}</dd>
              <dt>{t('createdAt')}</dt>
              <dd>
                <time dateTime={resource.createdAt}>{formatDateTime(resource.createdAt, locale)}</time>
              </dd>
              <dt>{t('updatedAt')}</dt>
              <dd>
                <time dateTime={resource.updatedAt}>{formatDateTime(resource.updatedAt, locale)}</time>
              </dd>
              <dt>{t('request')}</dt>
              <dd>
                <Link href={`/requests/${resource.requestId}`}>{t('openRequest')}</Link>
              </dd>
            </dl>
            <h3 style={{ marginTop: '1.5rem' }}>{t('spec')}</h3>
            <SpecSummary kind={resource.kind} spec={resource.spec} options={options} />
          </section>
          <section className="card" aria-labelledby="events-title">
            <h2 id="events-title">{t('events')}</h2>
            {resource.events.length === 0 ? (
              <p className="muted">{t('eventsEmpty')}</p>
            ) : (
              <ol className="timeline">
                {resource.events.map((event) => (
                  <li key={`${event.at}-${event.type}`} className="timeline__step">
                    <div className="timeline__head">{events.label(event.type)}</div>
                    <p className="timeline__meta">
                      <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                      {events.detail(event.type, event.detail)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
        <div
          className="grid-cards"
          // .grid-cards resets its margin; here it sits in the page's stack
          style={{
            marginTop: 'var(--space-5)',
            gridTemplateColumns: 'repeat(auto-fill, minmax(20rem, 1fr))',
          }}
        >
          <ResourceAccess
            kind={resource.kind}
            status={resource.status}
            access={resource.access}
            departmentCode={resource.departmentCode}
          />
          <ResourceDr drTier={drTier} drState={resource.drState} />
          {today ? (
            <ResourceLease
              resourceId={resource.id}
              status={resource.status}
              leaseUntil={resource.leaseUntil}
              today={today}
              graceDays={LEASE_GRACE_DAYS}
              months={limits.leaseMonths}
              mayExtend={mayDecommission}
              action={extendLeaseAction}
              onExtended={afterLease}
            />
          ) : null}
        </div>
        {changeable ? (
          <section className="card" aria-labelledby="change-title">
            <h2 id="change-title">{tLife('change.title')}</h2>
            <p className="hint">{tLife('change.lead')}</p>
            {resource.status === 'active' ? (
              <div
                style={{
                  display: 'grid',
                  gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
                  gap: 'var(--space-5)',
                  alignItems: 'start',
                }}
              >
                {(['resize', 'scale_up'] as const).map((mode) => (
                  <ChangeRequestForm
                    key={mode}
                    mode={mode}
                    resource={resource}
                    options={options}
                    prices={prices}
                    today={today}
                    scaleUpDays={limits.scaleUpDays}
                    action={requestChangeAction}
                  />
                ))}
              </div>
            ) : (
              <p className="alert alert--info">
                {tLife('change.onlyActive', { status: tAll(`enums.resourceStatus.${resource.status}`) })}
              </p>
            )}
          </section>
        ) : null}
        <ResourceChanges changes={changes} options={options} />
      </div>
    </>
  );
}
