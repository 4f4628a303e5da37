import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { RequestDetail } from '@/components/requests/request-detail';
import type { ResubmitContext } from '@/components/requests/resubmit-form';
import { getLinePreviewData } from '@/lib/approvals/line-preview-data';
import { getCatalog } from '@/lib/catalog/get-catalog';
import { seoulToday } from '@/lib/format/dates';
import { getRequest } from '@/lib/requests/queries';
import { cancelRequestAction, decideAction, resubmitAction } from '../actions';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const actor = await requireActor('requests:read');
  const request = await getRequest({ actor, requestId: (await params).id });
  const t = await getTranslations('request');
  return { title: request ? t('title', { number: request.number }) : undefined };
}

// GET /requests/:id — a request, its 결재선 over every round, and what the viewer may do with it
export default async function RequestPage({ params }: Props) {
  const actor = await requireActor('requests:read');
  const { id } = await params;
  const [request, catalog] = await Promise.all([getRequest({ actor, requestId: id }), getCatalog()]);
  if (!request) notFound();
  // the drafter may have to revise it (반려 → 수정하여 다시 상신), even if it is rejected while open
  const resubmit: ResubmitContext | null =
    request.requesterId === actor.id
      ? await getLinePreviewData().then((line) => ({
          options: catalog.options,
          prices: catalog.rateCard.prices,
          rateCardName: catalog.rateCard.name,
          line,
          departmentCode: line.departments.find((d) => d.id === request.departmentId)?.code ?? '',
          today: seoulToday(),
        }))
      : null;
  return (
    <RequestDetail
      initial={request}
      viewerId={actor.id}
      options={catalog.options}
      decideAction={decideAction}
      cancelAction={cancelRequestAction}
      resubmitAction={resubmitAction}
      resubmit={resubmit}
    />
  );
}
