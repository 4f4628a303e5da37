import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { CreateDelegationForm } from '@/components/delegations/create-delegation-form';
import { DelegationTable } from '@/components/delegations/delegation-table';
import { PageHead } from '@/components/ui/page-head';
import { listDelegations } from '@/lib/approvals/delegation-queries';
import { listSubstituteCandidates } from '@/lib/approvals/substitute-candidates';
import { seoulToday } from '@/lib/format/dates';
import { createDelegationAction, revokeDelegationAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('delegations');
  return { title: t('title') };
}

// GET /settings/delegations — 대결 지정: my substitutes, and the approvers I stand in for
export default async function DelegationsPage() {
  const actor = await requireActor('requests:decide');
  const [t, rows, candidates] = await Promise.all([
    getTranslations('delegations'),
    listDelegations(actor),
    listSubstituteCandidates(actor),
  ]);
  const today = seoulToday();
  const named = rows.filter((r) => r.userId === actor.id);
  const forMe = rows.filter((r) => r.substituteId === actor.id);
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <div className="stack">
        <CreateDelegationForm candidates={candidates} today={today} action={createDelegationAction} />
        <section aria-labelledby="delegations-named-title">
          <h2 id="delegations-named-title">{t('namedTitle')}</h2>
          {named.length === 0 ? (
            <p className="empty">{t('namedEmpty')}</p>
          ) : (
            <DelegationTable rows={named} side="named" today={today} revokeAction={revokeDelegationAction} />
          )}
        </section>
        <section aria-labelledby="delegations-for-me-title">
          <h2 id="delegations-for-me-title">{t('forMeTitle')}</h2>
          {forMe.length === 0 ? (
            <p className="empty">{t('forMeEmpty')}</p>
          ) : (
            <DelegationTable rows={forMe} side="forMe" today={today} revokeAction={revokeDelegationAction} />
          )}
        </section>
      </div>
    </>
  );
}
