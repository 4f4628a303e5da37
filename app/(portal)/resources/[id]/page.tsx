import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { ResourceDetail } from '@/components/resources/resource-detail';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { canDecommissionResource } from '@/lib/resources/decommission-resource';
import { getResource } from '@/lib/resources/queries';
import { decommissionAction } from './actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor('resources:read');
  const resource = await getResource({ actor, resourceId: (await params).id });
  const t = await getTranslations('resource');
  return { title: resource ? t('title', { name: resource.name }) : undefined };
}

export default async function ResourcePage({ params }: Props) {
  const actor = await requireActor('resources:read');
  const { id } = await params;
  const [resource, options, mayDecommission] = await Promise.all([
    getResource({ actor, resourceId: id }),
    getCatalogOptions(),
    canDecommissionResource({ actor, resourceId: id }),
  ]);
  if (!resource) notFound();
  return (
    <ResourceDetail
      initial={resource}
      options={options}
      mayDecommission={mayDecommission}
      decommissionAction={decommissionAction}
    />
  );
}
