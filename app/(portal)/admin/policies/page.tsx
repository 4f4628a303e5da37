import type { Metadata } from 'next';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import {
  getPolicyVersion,
  listApprovingUsers,
  listPolicyDepartments,
  listPolicyVersions,
} from '@/lib/approvals/policy-queries';
import { formatDateTime } from '@/lib/format/dates';
import { toLocale } from '@/lib/i18n/config';
import { policyNames } from './_components/names';
import { PolicyView } from './_components/policy-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.policies');
  return { title: t('title') };
}

/** 결재 규정 — the version in force in plain words, its settings, and the version history. */
export default async function PoliciesPage() {
  const actor = await requireActor('admin:manage');
  const [t, tAdmin, locale, current, versions, departments, people] = await Promise.all([
    getTranslations('admin.policies'),
    getTranslations('admin'),
    getLocale().then(toLocale),
    getPolicyVersion({ actor }),
    listPolicyVersions({ actor }),
    listPolicyDepartments({ actor }),
    listApprovingUsers({ actor }),
  ]);
  // there is always a version in force: the built-in default when nothing was saved
  const policy = current!;
  const names = policyNames(departments, people, locale);

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin">{tAdmin('breadcrumb')}</Link>
      </p>
      <PageHead
        title={t('title')}
        lead={t('lead')}
        actions={
          <Link href="/admin/policies/edit" className="button">
            {t('editLink')}
          </Link>
        }
      />
      <div className="stack">
        <section className="card" aria-labelledby="policy-in-force">
          <h2 id="policy-in-force">
            {t('inForceTitle')}{' '}
            <span className="badge badge--success">{t('versionValue', { version: policy.version })}</span>
          </h2>
          <PolicyView policy={policy} names={names} />
        </section>

        <section aria-labelledby="policy-history">
          <h2 id="policy-history">{t('historyTitle')}</h2>
          <div className="table-wrap">
            <table>
              <caption className="sr-only">{t('historyCaption', { count: versions.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('versionLabel')}</th>
                  <th scope="col">{t('name')}</th>
                  <th scope="col" className="num">
                    {t('ruleCount')}
                  </th>
                  <th scope="col">{t('savedAt')}</th>
                  <th scope="col">{t('savedBy')}</th>
                  <th scope="col">{t('status')}</th>
                  <th scope="col">{t('actions')}</th>
                </tr>
              </thead>
              <tbody>
                {versions.map((v) => (
                  <tr key={v.version} aria-current={v.inForce ? 'true' : undefined}>
                    <th scope="row" className="nowrap">
                      {t('versionValue', { version: v.version })}
                    </th>
                    <td>
                      {v.name}
                      {v.note ? (
                        <>
                          <br />
                          <span className="muted small">{v.note}</span>
                        </>
                      ) : null}
                    </td>
                    <td className="num">{v.ruleCount}</td>
                    <td className="nowrap">
                      {v.createdAt ? (
                        <time dateTime={v.createdAt.toISOString()}>
                          {formatDateTime(v.createdAt, locale)}
                        </time>
                      ) : (
                        t('notSaved')
                      )}
                    </td>
                    <td>{v.createdBy?.name ?? (v.version === 0 ? t('notSaved') : t('unknownAuthor'))}</td>
                    <td>
                      <span className={`badge ${v.inForce ? 'badge--success' : 'badge--neutral'}`}>
                        {v.inForce ? t('inForce') : t('past')}
                      </span>
                    </td>
                    <td>
                      <Link
                        href={`/admin/policies/${v.version}`}
                        className="button button--small button--secondary"
                        aria-label={t('viewLabel', { version: v.version })}
                      >
                        {t('view')}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </>
  );
}
