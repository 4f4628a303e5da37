import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { can } from '@/lib/auth/permissions';
import { getCatalog } from '@/lib/catalog/get-catalog';
import { formatKrw } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('catalog');
  return { title: t('title') };
}

export default async function CatalogPage() {
  const actor = await requireActor('catalog:read');
  const [t, tAll, locale, catalog] = await Promise.all([
    getTranslations('catalog'),
    getTranslations(),
    getLocale().then(toLocale),
    getCatalog(),
  ]);
  const mayRequest = can(actor, 'requests:create');
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      {!mayRequest ? (
        <div className="alert alert--info" style={{ marginBottom: '1.5rem' }}>
          <p>{t('readOnly')}</p>
        </div>
      ) : null}
      {catalog.items.length === 0 ? (
        <p className="empty">{t('empty')}</p>
      ) : (
        <ul className="grid-cards">
          {catalog.items.map((item) => {
            const name = locale === 'en' ? item.nameEn : item.name;
            return (
              <li key={item.id}>
                <article className="card catalog-card" aria-labelledby={`item-${item.id}`}>
                  <span className="eyebrow">{tAll(`enums.kind.${item.kind}`)}</span>
                  <h2 id={`item-${item.id}`}>{name}</h2>
                  <p>{locale === 'en' ? item.descriptionEn : item.description}</p>
                  <p className="catalog-card__price">
                    {t('startingPrice', { price: formatKrw(item.monthlyPriceKrw, locale) })}
                  </p>
                  <p className="catalog-card__note">
                    {t('startingPriceNote', { card: catalog.rateCard.name })}
                  </p>
                  {mayRequest ? (
                    <p>
                      <Link className="button" href={`/requests/new?item=${encodeURIComponent(item.id)}`}>
                        {t('request', { name })}
                      </Link>
                    </p>
                  ) : null}
                </article>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
