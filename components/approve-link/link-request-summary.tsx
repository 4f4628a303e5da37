import { useLocale, useTranslations } from 'next-intl';
import { ApprovalLine } from '@/components/requests/approval-line';
import { SpecSummary } from '@/components/requests/spec-summary';
import { RequestStatusBadge } from '@/components/ui/status-badge';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { formatKrw, formatKrwShort } from '@/lib/format/krw';
import { toLocale } from '@/lib/i18n/config';
import type { RequestView } from '@/lib/requests/queries';

/** The request an email link decides: what is asked for, by whom, for how much, and the line so far. */
export function LinkRequestSummary({ request, options }: { request: RequestView; options: CatalogOptions }) {
  const t = useTranslations('approveLink');
  const tAll = useTranslations();
  const locale = toLocale(useLocale());
  const itemName = locale === 'en' ? request.catalogItemNameEn : request.catalogItemName;
  return (
    <div className="two-col">
      <section className="card" aria-labelledby="link-summary-title">
        <h2 id="link-summary-title">{t('summary')}</h2>
        <dl className="facts">
          <dt>{t('number')}</dt>
          <dd>{request.number}</dd>
          <dt>{t('status')}</dt>
          <dd>
            <RequestStatusBadge status={request.status} />
          </dd>
          <dt>{t('item')}</dt>
          <dd>
            {itemName}
            {itemName !== tAll(`enums.kind.${request.kind}`) ? (
              <span className="muted"> ({tAll(`enums.kind.${request.kind}`)})</span>
            ) : null}
          </dd>
          <dt>{t('system')}</dt>
          <dd>{request.systemName}</dd>
          <dt>{t('department')}</dt>
          <dd>{locale === 'en' ? request.departmentNameEn : request.departmentName}</dd>
          <dt>{t('environment')}</dt>
          <dd>{tAll(`enums.environment.${request.environment}`)}</dd>
          <dt>{t('requester')}</dt>
          <dd>{request.requesterName}</dd>
          <dt>{t('estimate')}</dt>
          <dd>
            <strong>
              {tAll('common.perMonth', { amount: formatKrwShort(request.estimate.monthlyKrw, locale) })}
            </strong>{' '}
            <span className="muted">({formatKrw(request.estimate.monthlyKrw, locale)})</span>
          </dd>
          <dt>{t('purpose')}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{request.purpose}</dd>
        </dl>
        <h3 style={{ marginTop: '1.5rem' }}>{t('spec')}</h3>
        <SpecSummary kind={request.kind} spec={request.spec} options={options} />
      </section>
      <section className="card" aria-labelledby="link-line-title">
        <h2 id="link-line-title">{t('line')}</h2>
        <ApprovalLine steps={request.steps} />
      </section>
    </div>
  );
}
