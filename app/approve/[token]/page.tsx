import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/_actions/session';
import { LinkDecision } from '@/components/approve-link/link-decision';
import { LinkRequestSummary } from '@/components/approve-link/link-request-summary';
import { LinkShell } from '@/components/approve-link/link-shell';
import { LinkStatePanel } from '@/components/approve-link/link-state-panel';
import { enforceRateLimit } from '@/lib/api/rate-limit';
import { findApprovalLink } from '@/lib/approvals/find-approval-link';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { AppError } from '@/lib/errors/app-error';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { decideByLinkAction } from './actions';
import { linkRateLimits, requestIp } from './request-ip';

// The token is in the address: no Referer may carry it to another site, and no index may keep it.
// 'same-origin' rather than 'no-referrer': under no-referrer a browser posts the form without
// JavaScript with `Origin: null`, which the server-action CSRF check refuses; the page links nowhere
// else, and same-origin requests keep the token on this server.
export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('approveLink');
  return { title: t('metaTitle'), referrer: 'same-origin', robots: { index: false, follow: false } };
}

type Props = { params: Promise<{ token: string }> };

// GET /approve/<token> — an email approval link. Changes nothing (mail scanners open links): it shows
// the request and a form whose POST decides. Outside the portal layout: no session is needed.
export default async function ApproveByLinkPage({ params }: Props) {
  const { token } = await params;
  try {
    await enforceRateLimit(`approve-link:view:${await requestIp()}`, linkRateLimits.view(), 60);
  } catch (error) {
    if (!(error instanceof AppError && error.code === 'rate_limited')) throw error;
    return (
      <LinkShell setLocaleAction={setLocaleAction}>
        <LinkStatePanel state="rateLimited" />
      </LinkShell>
    );
  }

  const link = await findApprovalLink({ token });
  if (link.state !== 'usable') {
    // through LinkDecision: after a POST without JavaScript the link is used, and the decider must
    // see the answer of their POST rather than "already used"
    const refusal = {
      state: link.state,
      requestNumber: link.state === 'invalid' ? undefined : link.request.number,
    };
    return (
      <LinkShell setLocaleAction={setLocaleAction}>
        <LinkDecision token="" action={decideByLinkAction} refusal={refusal} />
      </LinkShell>
    );
  }

  const [t, tAll, locale, options] = await Promise.all([
    getTranslations('approveLink'),
    getTranslations(),
    getLocale().then(toLocale),
    getCatalogOptions(),
  ]);
  return (
    <LinkShell setLocaleAction={setLocaleAction}>
      <LinkDecision token={token} action={decideByLinkAction}>
        <div className="page-head">
          <div>
            <h1 tabIndex={-1}>{t('title', { number: link.request.number })}</h1>
            <p>{t('lead', { name: link.actor.name, step: tAll(`enums.stepKind.${link.step.kind}`) })}</p>
          </div>
        </div>
        <div className="stack">
          <div className="alert alert--info">
            <p className="alert__title">{t('nothingYet')}</p>
            <p>{t('expires', { time: formatDateTime(link.link.expiresAt, locale) })}</p>
          </div>
          {link.actingFor ? (
            <div className="alert alert--warning">
              <p>{t('actingFor', { name: link.actingFor.name })}</p>
            </div>
          ) : null}
          <LinkRequestSummary request={link.request} options={options} />
        </div>
      </LinkDecision>
    </LinkShell>
  );
}
