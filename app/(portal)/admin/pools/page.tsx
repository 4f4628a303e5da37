import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PoolProvidersForm } from '@/components/admin/pools/pool-providers-form';
import { PageHead } from '@/components/ui/page-head';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { listPoolSettings } from '@/lib/pools/pool-settings';
import { setPoolProvidersAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('poolsAdmin');
  return { title: t('title') };
}

// GET /admin/pools — 자원 풀: capacity, held, used, and the providers each pool makes resources with
export default async function PoolsAdminPage() {
  const actor = await requireActor('admin:manage');
  const [t, tAdmin, locale, pools] = await Promise.all([
    getTranslations('poolsAdmin'),
    getTranslations('admin'),
    getLocale().then(toLocale),
    listPoolSettings({ actor }),
  ]);
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'ko-KR');
  const amounts = (a: { vcpu: number; ramGb: number; storageGb: number }) =>
    t('amounts', { vcpu: n.format(a.vcpu), ramGb: n.format(a.ramGb), storageGb: n.format(a.storageGb) });
  const providerName = (kind: string) =>
    t.has(`providerValue.${kind}` as never) ? t(`providerValue.${kind}` as never) : kind;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin">{tAdmin('breadcrumb')}</Link>
      </p>
      <PageHead title={t('title')} lead={t('lead')} />
      <div className="stack">
        <div className="table-wrap">
          <table>
            <caption>{t('caption', { count: pools.items.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pool')}</th>
                <th scope="col">{t('site')}</th>
                <th scope="col">{t('capacity')}</th>
                <th scope="col">{t('held')}</th>
                <th scope="col">{t('used')}</th>
                <th scope="col">{t('providers')}</th>
              </tr>
            </thead>
            <tbody>
              {pools.items.map((pool) => (
                <tr key={pool.id}>
                  <th scope="row">
                    {pool.name}
                    <br />
                    <span className="mono small muted">{pool.id}</span>
                  </th>
                  <td className="nowrap">{t(`siteValue.${pool.site}`)}</td>
                  <td>{amounts(pool.capacity)}</td>
                  <td>{amounts(pool.held)}</td>
                  <td>{amounts(pool.used)}</td>
                  <td>
                    {t('providersValue', {
                      provider: providerName(pool.provider),
                      platform: providerName(pool.platformProvider),
                    })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="hint">{t('figuresNote', { time: formatDateTime(pools.measuredAt, locale) })}</p>

        <section className="card" aria-labelledby="providers-title">
          <h2 id="providers-title">{t('providersTitle')}</h2>
          <p className="hint">{t('providersLead')}</p>
          <div className="stack">
            {pools.items.map((pool) => (
              <PoolProvidersForm
                key={pool.id}
                pool={{
                  id: pool.id,
                  name: pool.name,
                  provider: pool.provider,
                  platformProvider: pool.platformProvider,
                }}
                choices={pools.choices}
                action={setPoolProvidersAction}
              />
            ))}
          </div>
        </section>
      </div>
    </>
  );
}
