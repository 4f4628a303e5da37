import { getLocale, getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { setLocaleAction, signOutAction } from '@/app/_actions/session';
import { requireActor } from '@/app/_auth/require-actor';
import { SiteHeader } from '@/components/layout/site-header';
import { QueryProvider } from '@/components/providers/query-provider';
import { can } from '@/lib/auth/permissions';
import { getDepartment } from '@/lib/departments/queries';
import { listRequests } from '@/lib/requests/queries';

/** Every portal page: a signed-in user, the header with the main menu, and <main id="main">. */
export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [t, locale, department] = await Promise.all([
    getTranslations('nav'),
    getLocale(),
    getDepartment(actor.departmentId),
  ]);
  const canDecide = can(actor, 'requests:decide');
  const inbox = canDecide ? await listRequests({ actor, pendingForMe: true, limit: 99 }) : null;
  const inboxCount = inbox ? inbox.items.length + (inbox.nextCursor ? 1 : 0) : 0;
  return (
    <>
      <a href="#main" className="skip-link">
        {t('skip')}
      </a>
      <SiteHeader
        user={{
          name: actor.name,
          departmentName: (locale === 'en' ? department?.nameEn : department?.nameKo) ?? '',
          roles: actor.roles,
        }}
        nav={{
          canDecide,
          isAdmin: can(actor, 'admin:manage'),
          inboxCount,
          canReadDashboards: can(actor, 'dashboards:read'),
        }}
        signOutAction={signOutAction}
        setLocaleAction={setLocaleAction}
      />
      <QueryProvider>
        <main id="main" tabIndex={-1}>
          <div className="container">{children}</div>
        </main>
      </QueryProvider>
    </>
  );
}
