import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { requireActor } from '@/app/_auth/require-actor';
import { RequestTable } from '@/components/requests/request-table';
import { PageHead } from '@/components/ui/page-head';
import { requestStatusEnum } from '@/db/schema/enums';
import { seesAllDepartments } from '@/lib/auth/actor';
import { can } from '@/lib/auth/permissions';
import { listRequests } from '@/lib/requests/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('requests');
  return { title: t('title') };
}

const PAGE_SIZE = 50;

// the URL is the filter: ?scope=mine|all&status=<status>&cursor=<number>; bad values fall back
const searchSchema = z.object({
  scope: z.enum(['mine', 'all']).optional().catch(undefined),
  status: z.enum(requestStatusEnum.enumValues).optional().catch(undefined),
  cursor: z.coerce.number().int().positive().optional().catch(undefined),
});

type Search = Record<string, string | string[] | undefined>;

export default async function RequestsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const actor = await requireActor('requests:read');
  const raw = await searchParams;
  const search = searchSchema.parse({
    scope: typeof raw.scope === 'string' ? raw.scope : undefined,
    status: typeof raw.status === 'string' ? raw.status : undefined,
    cursor: typeof raw.cursor === 'string' ? raw.cursor : undefined,
  });
  const mayCreate = can(actor, 'requests:create');
  const scope = search.scope ?? (mayCreate ? 'mine' : 'all');
  const [t, tAll, page] = await Promise.all([
    getTranslations('requests'),
    getTranslations(),
    listRequests({
      actor,
      mine: scope === 'mine',
      status: search.status ? [search.status] : undefined,
      limit: PAGE_SIZE,
      cursor: search.cursor,
    }),
  ]);
  const href = (params: { scope?: string; status?: string; cursor?: string }) => {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
    const s = q.toString();
    return s ? `/requests?${s}` : '/requests';
  };
  const allLabel = seesAllDepartments(actor) ? t('all') : t('allDepartment');
  return (
    <>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        actions={
          mayCreate ? (
            <Link className="button" href="/catalog">
              {t('newRequest')}
            </Link>
          ) : null
        }
      />
      <div className="filters">
        <nav aria-label={t('scope')}>
          <ul className="segmented">
            {(['mine', 'all'] as const).map((s) => (
              <li key={s}>
                <Link
                  href={href({ scope: s, status: search.status })}
                  aria-current={scope === s ? 'page' : undefined}
                >
                  {s === 'mine' ? t('mine') : allLabel}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form method="get" action="/requests" className="filter-form">
          <input type="hidden" name="scope" value={scope} />
          <div className="field">
            <label htmlFor="status-filter">{t('statusFilter')}</label>
            <select id="status-filter" name="status" defaultValue={search.status ?? ''}>
              <option value="">{t('allStatuses')}</option>
              {requestStatusEnum.enumValues
                .filter((s) => s !== 'draft' && s !== 'submitted')
                .map((s) => (
                  <option key={s} value={s}>
                    {tAll(`enums.requestStatus.${s}`)}
                  </option>
                ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('apply')}
          </button>
        </form>
      </div>
      {page.items.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <RequestTable requests={page.items} showDepartment={seesAllDepartments(actor) && scope === 'all'} />
      )}
      {page.nextCursor ? (
        <p style={{ marginTop: '1rem' }}>
          <Link href={href({ scope, status: search.status, cursor: page.nextCursor })}>
            {tAll('common.next')}
          </Link>
        </p>
      ) : null}
    </>
  );
}
