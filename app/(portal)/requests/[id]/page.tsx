import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { RequestDetail } from '@/components/requests/request-detail';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { getRequest } from '@/lib/requests/queries';
import { cancelRequestAction, decideAction } from '../actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor('requests:read');
  const request = await getRequest({ actor, requestId: (await params).id });
  const t = await getTranslations('request');
  return { title: request ? t('title', { number: request.number }) : undefined };
}

export default async function RequestPage({ params }: Props) {
  const actor = await requireActor('requests:read');
  const { id } = await params;
  const [request, options] = await Promise.all([getRequest({ actor, requestId: id }), getCatalogOptions()]);
  if (!request) notFound();
  return (
    <RequestDetail
      initial={request}
      viewerId={actor.id}
      options={options}
      decideAction={decideAction}
      cancelAction={cancelRequestAction}
    />
  );
}
