'use client';

import { useQuery, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import type { Action } from '@/components/forms/action-result';
import { SpecSummary } from '@/components/requests/spec-summary';
import { ConfirmActionButton } from '@/components/ui/confirm-action-button';
import { ResourceStatusBadge } from '@/components/ui/status-badge';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { queryKeys, type ResourceDetailData, resourceQueryOptions } from '@/lib/client/query-options';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';

const BUSY = new Set(['provisioning', 'decommissioning']);
const PHASES = ['scheduling', 'building', 'networking', 'active'] as const;
/** 반납 is offered for these; lib/resources/decommission-resource.ts refuses the rest */
const HANDBACK = new Set(['active', 'failed']);

/** A resource's page body: live status, the provider's progress phases, spec, history and 반납. */
export function ResourceDetail({
  initial,
  options,
  mayDecommission = false,
  decommissionAction,
}: {
  initial: ResourceDetailData;
  options: CatalogOptions;
  /** the viewer requested it, approves for its department, or is an admin */
  mayDecommission?: boolean;
  decommissionAction?: Action<{ resourceId: string }>;
}) {
  const t = useTranslations('resource');
  const tAll = useTranslations();
  const locale = toLocale(useLocale());
  const { data: resource, isError } = useQuery({
    ...resourceQueryOptions(initial.id),
    initialData: initial,
    refetchInterval: (q) => (q.state.data && BUSY.has(q.state.data.status) ? 2_000 : false),
  });
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
        : state;
  // event types are dotted ('provider.building'); catalogue keys cannot hold a dot
  const eventLabel = (type: string) => {
    const key = `event.${type.replace(/\./g, '_')}`;
    return t.has(key as never) ? t(key as never) : type;
  };

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
            {BUSY.has(resource.status) ? <p className="small muted">{tAll('common.liveUpdates')}</p> : null}
          </div>
        ) : null}
        {isError ? (
          <p className="alert alert--warning" role="status">
            {tAll('common.fetchFailed')}
          </p>
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
            {BUSY.has(resource.status) ? (
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
                    <div className="timeline__head">{eventLabel(event.type)}</div>
                    <p className="timeline__meta">
                      <time dateTime={event.at}>{formatDateTime(event.at, locale)}</time>
                      {eventDetail(event.detail)}
                    </p>
                  </li>
                ))}
              </ol>
            )}
          </section>
        </div>
      </div>
    </>
  );
}

/** A short, safe rendering of an event's detail (progress, reason, reference). */
function eventDetail(detail: unknown): string {
  if (!detail || typeof detail !== 'object') return '';
  const d = detail as Record<string, unknown>;
  const parts: string[] = [];
  if (typeof d.progress === 'number') parts.push(`${d.progress}%`);
  if (typeof d.reason === 'string') parts.push(d.reason);
  if (typeof d.providerRef === 'string') parts.push(d.providerRef);
  return parts.length ? ` · ${parts.join(' · ')}` : '';
}
