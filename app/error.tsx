'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';

/** The last resort: a calm message and a retry; the details stay in the server log. */
export default function ErrorPage({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  const t = useTranslations('errorPage');
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <main id="main">
      <div className="container">
        <div className="card" style={{ maxWidth: '40rem' }} role="alert">
          <h1>{t('title')}</h1>
          <p>{t('body')}</p>
          {error.digest ? <p className="small muted mono">{error.digest}</p> : null}
          <div className="button-row">
            <button type="button" className="button" onClick={reset}>
              {t('retry')}
            </button>
            <a className="button button--secondary" href="/">
              {t('home')}
            </a>
          </div>
        </div>
      </div>
    </main>
  );
}
