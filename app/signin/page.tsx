import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { setLocaleAction } from '@/app/_actions/session';
import { currentActor } from '@/app/_auth/require-actor';
import { LanguageSwitch } from '@/components/layout/language-switch';
import { PasswordSignInForm } from '@/components/layout/password-sign-in-form';
import { DEMO_PASSWORD } from '@/lib/auth/demo';
import { listDemoUsers } from '@/lib/auth/list-demo-users';
import { isDemoMode } from '@/lib/config/runtime';
import { signInAsDemoUser, signInWithPassword, signInWithSso } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('signin');
  return { title: t('title') };
}

/** next-auth sends a refused or failed sign-in back here as ?error=<type> (lib/auth/next-auth.ts). */
type SearchParams = Promise<{ error?: string | string[] }>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  if (await currentActor()) redirect('/');
  const { error } = await searchParams;
  const [t, tAll, locale, demoUsers] = await Promise.all([
    getTranslations('signin'),
    getTranslations(),
    getLocale(),
    listDemoUsers(),
  ]);
  const ssoName = process.env.AUTH_OIDC_ISSUER ? (process.env.AUTH_OIDC_NAME ?? 'SSO') : null;
  return (
    <>
      <a href="#main" className="skip-link">
        {tAll('nav.skip')}
      </a>
      <header className="site-header">
        <div className="container site-header__top">
          <span className="brand">
            <span className="brand__mark" aria-hidden="true">
              D
            </span>
            {tAll('app.title')}
          </span>
          <LanguageSwitch action={setLocaleAction} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <div className="container signin">
          <div className="page-head">
            <div>
              <h1>{t('title')}</h1>
              <p>{t('lead')}</p>
            </div>
          </div>
          {error ? (
            <div
              className="alert alert--error"
              role="alert"
              id="sso-error"
              style={{ marginBottom: 'var(--space-5)' }}
            >
              <p>{error === 'AccessDenied' ? t('ssoDenied') : t('ssoFailed')}</p>
            </div>
          ) : null}
          <div className="signin__grid">
            {isDemoMode() && demoUsers.length > 0 ? (
              <section className="card" aria-labelledby="demo-title">
                <h2 id="demo-title">{t('demoTitle')}</h2>
                <p className="hint">{t('demoHint')}</p>
                <ul className="demo-users">
                  {demoUsers.map((user) => (
                    <li key={user.email}>
                      <form action={signInAsDemoUser}>
                        <input type="hidden" name="email" value={user.email} />
                        <button type="submit" className="demo-user">
                          <span className="demo-user__name">{user.name}</span>
                          <span className="demo-user__meta">
                            {locale === 'en' ? user.departmentNameEn : user.departmentName} ·{' '}
                            {user.roles.map((role) => tAll(`enums.role.${role}`)).join(', ')}
                          </span>
                          <span className="demo-user__email" aria-hidden="true">
                            {user.email}
                          </span>
                          <span className="sr-only"> {t('demoButton', { name: user.email })}</span>
                        </button>
                      </form>
                    </li>
                  ))}
                </ul>
              </section>
            ) : null}
            <div className="stack">
              <section className="card" aria-labelledby="password-title">
                <h2 id="password-title">{t('passwordTitle')}</h2>
                <PasswordSignInForm action={signInWithPassword} />
                {isDemoMode() ? (
                  <p className="hint" style={{ marginTop: '0.75rem' }}>
                    {t('demoPassword', { password: DEMO_PASSWORD })}
                  </p>
                ) : null}
              </section>
              {ssoName ? (
                <section className="card" aria-labelledby="sso-title">
                  <h2 id="sso-title">{t('ssoTitle')}</h2>
                  <form action={signInWithSso}>
                    <button type="submit" className="button button--secondary button--block">
                      {t('sso', { name: ssoName })}
                    </button>
                  </form>
                </section>
              ) : null}
            </div>
          </div>
        </div>
      </main>
    </>
  );
}
