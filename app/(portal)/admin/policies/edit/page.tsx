import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { PageHead } from '@/components/ui/page-head';
import { getPolicyVersion, listApprovingUsers, listPolicyDepartments } from '@/lib/approvals/policy-queries';
import { PolicyEditor } from '../_components/policy-editor';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin.policyEditor');
  return { title: t('title') };
}

type SearchParams = Promise<{ from?: string | string[] }>;

/** 결재 규정 새 버전 — the editor, starting from the version in force or from `?from=<version>`. */
export default async function EditPolicyPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor('admin:manage');
  const { from: raw } = await searchParams;
  const from = typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : undefined;
  const [t, current, base, departments, people] = await Promise.all([
    getTranslations('admin.policyEditor'),
    getPolicyVersion({ actor }),
    from === undefined ? null : getPolicyVersion({ actor, version: from }),
    listPolicyDepartments({ actor }),
    listApprovingUsers({ actor }),
  ]);
  if (!current || (from !== undefined && !base)) notFound();
  const start = base ?? current;

  return (
    <>
      <p className="breadcrumb">
        <Link href="/admin/policies">{t('breadcrumb')}</Link>
      </p>
      <PageHead
        title={t('title')}
        lead={
          start.version === current.version
            ? t('lead', { current: current.version })
            : t('leadFrom', { from: start.version, current: current.version })
        }
      />
      <PolicyEditor
        initial={{ name: start.name, note: start.note, rules: start.rules, settings: start.settings }}
        current={current.version}
        departments={departments}
        people={people}
      />
    </>
  );
}
