import Link from 'next/link';
import { useTranslations } from 'next-intl';

/** What a missing or hidden page says (deny by default: the two look the same). */
export function NotFoundContent() {
  const t = useTranslations('notFound');
  return (
    <div className="card" style={{ maxWidth: '40rem' }}>
      <h1>{t('title')}</h1>
      <p>{t('body')}</p>
      <Link className="button" href="/">
        {t('home')}
      </Link>
    </div>
  );
}
