import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { ResourceList } from '@/components/resources/resource-list';
import { PageHead } from '@/components/ui/page-head';
import { seesAllDepartments } from '@/lib/auth/actor';
import { listResources } from '@/lib/resources/queries';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('resources');
  return { title: t('title') };
}

export default async function ResourcesPage() {
  const actor = await requireActor('resources:read');
  const [t, page] = await Promise.all([getTranslations('resources'), listResources({ actor, limit: 100 })]);
  return (
    <>
      <PageHead title={t('title')} lead={t('lead')} />
      <ResourceList initial={page} showDepartment={seesAllDepartments(actor)} />
    </>
  );
}
