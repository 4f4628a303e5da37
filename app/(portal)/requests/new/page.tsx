import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/app/_auth/require-actor';
import { RequestForm } from '@/components/requests/request-form';
import { PageHead } from '@/components/ui/page-head';
import { getLinePreviewData } from '@/lib/approvals/line-preview-data';
import { getCatalog } from '@/lib/catalog/get-catalog';
import { isRequestableKind } from '@/lib/catalog/spec-schemas';
import { seoulToday } from '@/lib/format/dates';
import { listSystems } from '@/lib/systems/queries';
import { submitRequestAction } from '../actions';
import { checkFitAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('requests');
  return { title: t('newRequest') };
}

// GET /requests/new?item=<catalogue item> — the request form with its live estimate and 결재선
export default async function NewRequestPage({ searchParams }: { searchParams: Promise<{ item?: string }> }) {
  const actor = await requireActor('requests:create');
  const { item: itemId } = await searchParams;
  if (!itemId || typeof itemId !== 'string') redirect('/catalog');
  const [t, locale, catalog, systems, line] = await Promise.all([
    getTranslations('requestForm'),
    getLocale(),
    getCatalog(),
    listSystems({ actor }),
    getLinePreviewData(),
  ]);
  const item = catalog.items.find((i) => i.id === itemId);
  const department = line.departments.find((d) => d.id === actor.departmentId);
  if (!item || !isRequestableKind(item.kind) || !department) notFound();
  const name = locale === 'en' ? item.nameEn : item.name;
  return (
    <>
      <p className="breadcrumb">
        <Link href="/catalog">{t('backToCatalog')}</Link>
      </p>
      <PageHead title={t('title', { name })} lead={t('lead')} />
      <RequestForm
        item={{ id: item.id, kind: item.kind, name }}
        defaults={item.defaults}
        options={catalog.options}
        prices={catalog.rateCard.prices}
        rateCardName={catalog.rateCard.name}
        systems={systems.map((s) => ({ id: s.id, name: s.name }))}
        line={line}
        departmentCode={department.code}
        today={seoulToday()}
        action={submitRequestAction}
        fitAction={checkFitAction}
      />
    </>
  );
}
