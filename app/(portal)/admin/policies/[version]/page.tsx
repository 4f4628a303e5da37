import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { getPolicyVersion, listApprovingUsers, listPolicyDepartments } from '@/lib/approvals/policy-queries';
import { toLocale } from '@/lib/i18n/config';
import { policyNames } from '../_components/names';
import { PolicyView } from '../_components/policy-view';

type Params = Promise<{ version: string }>;

/** The version number of the path, or NaN (which no version has). */
const versionOf = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const t = await getTranslations('admin.policy');
  return { title: t('title', { version: (await params).version }) };
}

/** One version of the 결재 규정, read-only, with a way to start a new version from it. */
export default async function PolicyVersionPage({ params }: { params: Params }) {
  const actor = await requireActor('admin:manage');
  const version = versionOf((await params).version);
  const [t, locale, policy, inForce, departments, people] = await Promise.all([
    getTranslations('admin.policy'),
    getLocale().then(toLocale),
    Number.isNaN(version) ? null : getPolicyVersion({ actor, version }),
    getPolicyVersion({ actor }),
    listPolicyDepartments({ actor }),
    listApprovingUsers({ actor }),
  ]);
  if (!policy) notFound();

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/policies">{t('breadcrumb')}</Link>
      </p>
      <PageHead
        title={t('title', { version: policy.version })}
        lead={policy.name}
        actions={
          <Link href={`/admin/policies/edit?from=${policy.version}`} className="button button--secondary">
            {t('copyLink')}
          </Link>
        }
      />
      <div className="stack">
        <div className="alert alert--info">
          <p>{policy.inForce ? t('readOnlyInForce') : t('readOnly', { current: inForce?.version ?? 0 })}</p>
        </div>
        <section className="card" aria-label={t('title', { version: policy.version })}>
          <PolicyView policy={policy} names={policyNames(departments, people, locale)} headingLevel={2} />
        </section>
      </div>
    </>
  );
}
