import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LanguageSwitch } from '@/components/layout/language-switch';

/**
 * The frame of the email-link pages: outside the portal (no session, no menu), just the product
 * name, the language switch and <main id="main">.
 */
export function LinkShell({
  children,
  setLocaleAction,
}: {
  children: ReactNode;
  setLocaleAction: (formData: FormData) => Promise<void>;
}) {
  const t = useTranslations();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="container site-header__top">
          <span className="brand">
            <span className="brand__mark" aria-hidden="true">
              D
            </span>
            {t('app.title')}
          </span>
          <LanguageSwitch action={setLocaleAction} />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <div className="container">{children}</div>
      </main>
    </>
  );
}
