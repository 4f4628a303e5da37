import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { isDemoMode } from '@/lib/config/runtime';
import { LanguageSwitch } from './language-switch';
import { MainNav, type NavItem } from './main-nav';

type SiteHeaderProps = {
  user: { name: string; departmentName: string; roles: string[] };
  nav: { canDecide: boolean; isAdmin: boolean; inboxCount: number; canReadDashboards?: boolean };
  signOutAction: () => Promise<void>;
  setLocaleAction: (formData: FormData) => Promise<void>;
};

/** The portal header: product name, who is signed in, language, sign-out and the main menu. */
export function SiteHeader({ user, nav, signOutAction, setLocaleAction }: SiteHeaderProps) {
  const t = useTranslations();
  const items: NavItem[] = [
    { href: '/catalog', label: t('nav.catalog') },
    { href: '/requests', label: t('nav.requests') },
    ...(nav.canDecide
      ? [
          {
            href: '/inbox',
            label: t('nav.inbox'),
            count: { value: nav.inboxCount, text: t('nav.inboxWaiting', { count: nav.inboxCount }) },
          },
          { href: '/settings/delegations', label: t('nav.delegations') },
        ]
      : []),
    { href: '/resources', label: t('nav.resources') },
    // the planners' dashboards (savings of the shared cloud): 'dashboards:read'
    ...(nav.canReadDashboards ? [{ href: '/dashboards', label: t('dashboards.nav') }] : []),
    // 월간 보고서: the closed months (app/(portal)/reports), for the same readers as the dashboards
    ...(nav.canReadDashboards ? [{ href: '/reports', label: t('reports.nav') }] : []),
    { href: '/settings/tokens', label: t('nav.settings') },
    ...(nav.isAdmin ? [{ href: '/admin', label: t('nav.admin') }] : []),
    // demo mode: what the portal mailed, links included (app/(portal)/dev/mailbox)
    ...(isDemoMode() ? [{ href: '/dev/mailbox', label: t('devMailbox.nav') }] : []),
  ];
  return (
    <header className="site-header">
      <div className="container site-header__top">
        <Link href="/" className="brand">
          <span className="brand__mark" aria-hidden="true">
            D
          </span>
          {t('app.title')}
        </Link>
        <div className="account">
          <p className="account__who" style={{ margin: 0 }}>
            <span className="account__name">{user.name}</span>
            <span className="account__meta">
              {user.departmentName}
              <span aria-hidden="true"> · </span>
              <span className="sr-only">, {t('nav.roles')}: </span>
              {user.roles.map((role) => t(`enums.role.${role}`)).join(', ')}
            </span>
          </p>
          <LanguageSwitch action={setLocaleAction} />
          <form action={signOutAction}>
            <button type="submit" className="button button--secondary button--small">
              {t('nav.signOut')}
            </button>
          </form>
        </div>
      </div>
      <div className="container">
        <MainNav label={t('nav.main')} items={items} />
      </div>
    </header>
  );
}
