import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { InboxCounts, InboxFilters } from '@/components/inbox/inbox-filters';
import { InboxList } from '@/components/inbox/inbox-list';
import { PageHead } from '@/components/ui/page-head';
import { getInbox, inboxFilter } from '@/lib/approvals/inbox-queries';
import { bulkApproveAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('inbox');
  return { title: t('title') };
}

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (typeof v === 'string' && v !== '' ? v : undefined);

// GET /inbox?stepKind=&department=&itemKind=&overdue=1 — 결재함: what awaits the signed-in approver
export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor('requests:decide');
  const raw = await searchParams;
  const filter = inboxFilter.parse({
    stepKind: one(raw.stepKind),
    department: one(raw.department),
    itemKind: one(raw.itemKind),
    overdue: one(raw.overdue),
  });
  const [t, inbox] = await Promise.all([getTranslations('inbox'), getInbox({ actor, filter })]);
  const filtered = Boolean(filter.stepKind || filter.department || filter.itemKind || filter.overdue);
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <p role="status" className="eyebrow" style={{ fontSize: '1rem' }}>
        {filtered
          ? t('countFiltered', { count: inbox.items.length, total: inbox.counts.total })
          : t('count', { count: inbox.counts.total })}
      </p>
      <InboxCounts counts={inbox.counts} />
      <InboxFilters
        filter={filter}
        departments={inbox.departments}
        reminderWorkingHours={inbox.settings.reminderWorkingHours}
      />
      {inbox.truncated ? <p className="alert alert--info">{t('truncated')}</p> : null}
      <InboxList
        items={inbox.items}
        bulkLimitKrw={inbox.settings.bulkApproveMaxMonthlyKrw}
        filtered={filtered}
        action={bulkApproveAction}
      />
    </>
  );
}
