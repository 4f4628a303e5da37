import { useTranslations } from 'next-intl';
import type { LinkRefusal } from './link-decision-state';

/**
 * What a link that cannot decide shows: which case it is, that nothing was changed, and the way
 * into the portal. The heading is the page's h1.
 */
export function LinkStatePanel({ state, requestNumber }: { state: LinkRefusal; requestNumber?: string }) {
  const t = useTranslations('approveLink');
  const tone = state === 'invalid' ? 'alert--error' : 'alert--warning';
  return (
    <div className="card stack" style={{ maxWidth: '44rem' }} data-link-state={state}>
      <h1 tabIndex={-1}>{t(`state.${state}.title`)}</h1>
      <div className={`alert ${tone}`}>
        <p className="alert__title">{t('nothingChanged')}</p>
        <p>{t(`state.${state}.body`)}</p>
        {requestNumber && state !== 'invalid' ? <p>{t('aboutRequest', { number: requestNumber })}</p> : null}
      </div>
      <p>
        <a className="button" href="/signin">
          {t('signIn')}
        </a>
      </p>
    </div>
  );
}
