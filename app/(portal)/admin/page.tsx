import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { listDepartments } from '@/lib/admin/queries';
import { getPolicyVersion } from '@/lib/approvals/policy-queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

/** The administration overview: what can be managed, with counts. */
export default async function AdminPage() {
  const actor = await requireActor('admin:manage');
  const [t, tPools, tDrift, departments, policy] = await Promise.all([
    getTranslations('admin'),
    getTranslations('poolsAdmin'),
    getTranslations('drift'),
    listDepartments({ actor }),
    getPolicyVersion({ actor }),
  ]);
  const users = departments.reduce((sum, d) => sum + d.userCount, 0);
  const active = departments.reduce((sum, d) => sum + d.activeUserCount, 0);
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <section aria-labelledby="admin-sections">
        <h2 id="admin-sections" className="sr-only">
          {t('overview.sections')}
        </h2>
        <ul className="grid-cards">
          <li>
            <section className="card" aria-labelledby="admin-departments">
              <h3 id="admin-departments">{t('overview.departmentsTitle')}</h3>
              <p>{t('overview.departmentsSummary', { count: departments.length })}</p>
              <Link href="/admin/departments" className="button">
                {t('overview.departmentsLink')}
              </Link>
            </section>
          </li>
          <li>
            <section className="card" aria-labelledby="admin-users">
              <h3 id="admin-users">{t('overview.usersTitle')}</h3>
              <p>{t('overview.usersSummary', { count: users, active })}</p>
              <Link href="/admin/users" className="button">
                {t('overview.usersLink')}
              </Link>
            </section>
          </li>
          {policy ? (
            <li>
              <section className="card" aria-labelledby="admin-policies">
                <h3 id="admin-policies">{t('overview.policiesTitle')}</h3>
                <p>
                  {t('overview.policiesSummary', {
                    version: policy.version,
                    name: policy.name,
                    count: policy.rules.length,
                  })}
                </p>
                <Link href="/admin/policies" className="button">
                  {t('overview.policiesLink')}
                </Link>
              </section>
            </li>
          ) : null}
          <li>
            <section className="card" aria-labelledby="admin-steps">
              <h3 id="admin-steps">{t('overview.stepsTitle')}</h3>
              <p>{t('overview.stepsSummary')}</p>
              <Link href="/admin/steps" className="button">
                {t('overview.stepsLink')}
              </Link>
            </section>
          </li>
          <li>
            <section className="card" aria-labelledby="admin-pools">
              <h3 id="admin-pools">{tPools('overview.title')}</h3>
              <p>{tPools('overview.summary')}</p>
              <Link href="/admin/pools" className="button">
                {tPools('overview.link')}
              </Link>
            </section>
          </li>
          <li>
            <section className="card" aria-labelledby="admin-drift">
              <h3 id="admin-drift">{tDrift('overview.title')}</h3>
              <p>{tDrift('overview.summary')}</p>
              <Link href="/admin/drift" className="button">
                {tDrift('overview.link')}
              </Link>
            </section>
          </li>
          <li>
            <section className="card" aria-labelledby="admin-api">
              <h3 id="admin-api">{t('overview.apiTitle')}</h3>
              <p>{t('overview.apiSummary')}</p>
              <a href="/api/v1/openapi.json" className="button button--secondary">
                {t('overview.apiLink')}
              </a>
            </section>
          </li>
        </ul>
      </section>
    </>
  );
}
