import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { ResourceDetail } from '@/components/resources/resource-detail';
import { can } from '@/lib/auth/permissions';
import { getCatalogOptions, getRateCard } from '@/lib/catalog/queries';
import { seoulToday } from '@/lib/format/dates';
import { LEASE_MAX_MONTHS } from '@/lib/lifecycle/lease-dates';
import { listResourceChanges } from '@/lib/lifecycle/queries';
import { MAX_SCALE_UP_DAYS } from '@/lib/lifecycle/request-change';
import { canDecommissionResource } from '@/lib/resources/decommission-resource';
import { getResource } from '@/lib/resources/queries';
import { decommissionAction, extendLeaseAction, requestChangeAction } from './actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor('resources:read');
  const resource = await getResource({ actor, resourceId: (await params).id });
  const t = await getTranslations('resource');
  return { title: resource ? t('title', { name: resource.name }) : undefined };
}

// GET /resources/:id — a resource live: progress, how to reach it, DR, lease, 변경 신청, history
export default async function ResourcePage({ params }: Props) {
  const actor = await requireActor('resources:read');
  const { id } = await params;
  const [resource, options, card, mayDecommission, changes] = await Promise.all([
    getResource({ actor, resourceId: id }),
    getCatalogOptions(),
    getRateCard(),
    canDecommissionResource({ actor, resourceId: id }),
    listResourceChanges({ actor, resourceId: id }),
  ]);
  if (!resource) notFound();
  // 변경 신청 and 사용 기간 연장 follow the 반납 rule; a change is a request, so it needs that permission too
  const mayChange = mayDecommission && can(actor, 'requests:create');
  return (
    <ResourceDetail
      initial={resource}
      initialChanges={changes ?? []}
      options={options}
      prices={card.prices}
      today={seoulToday()}
      limits={{ leaseMonths: LEASE_MAX_MONTHS, scaleUpDays: MAX_SCALE_UP_DAYS }}
      mayDecommission={mayDecommission}
      mayChange={mayChange}
      decommissionAction={decommissionAction}
      requestChangeAction={requestChangeAction}
      extendLeaseAction={extendLeaseAction}
    />
  );
}
