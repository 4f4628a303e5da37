import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { Inbox, InboxFilter } from '@/lib/approvals/inbox-queries';
import { toLocale } from '@/lib/i18n/config';

/** The counts of what waits (all of it, whatever the filter) as a short list. */
export function InboxCounts({ counts }: { counts: Inbox['counts'] }) {
  const t = useTranslations('inbox.counts');
  const tEnum = useTranslations('enums.stepKind');
  const entries: [string, number][] = [
    [t('total'), counts.total],
    [tEnum('review'), counts.review],
    [tEnum('consult'), counts.consult],
    [tEnum('approve'), counts.approve],
    [t('overdue'), counts.overdue],
    [t('escalated'), counts.escalated],
  ];
  return (
    <section aria-labelledby="inbox-counts-title" style={{ marginBottom: 'var(--space-4)' }}>
      <h2 id="inbox-counts-title" className="sr-only">
        {t('title')}
      </h2>
      <ul style={countsStyle}>
        {entries.map(([label, value]) => (
          <li key={label} className="card" style={countStyle}>
            <span className="small muted">{label}</span>{' '}
            <strong style={{ fontSize: '1.25rem' }}>{t('value', { count: value })}</strong>
          </li>
        ))}
      </ul>
    </section>
  );
}

const countsStyle = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: 'var(--space-2)',
  margin: 0,
  padding: 0,
  listStyle: 'none',
} as const;
const countStyle = {
  padding: 'var(--space-2) var(--space-4)',
  display: 'flex',
  alignItems: 'baseline',
  gap: 'var(--space-2)',
} as const;

/** The filters as a GET form, so the URL is the filter: step kind, department, item kind, overdue only. */
export function InboxFilters({
  filter,
  departments,
  reminderWorkingHours,
}: {
  filter: InboxFilter;
  departments: Inbox['departments'];
  reminderWorkingHours: number;
}) {
  const t = useTranslations('inbox.filters');
  const tEnum = useTranslations('enums');
  const locale = toLocale(useLocale());
  const active = Boolean(filter.stepKind || filter.department || filter.itemKind || filter.overdue);
  return (
    <form
      // remounted when the URL's filter changes, so the controls never show a stale choice
      key={JSON.stringify(filter)}
      method="get"
      action="/inbox"
      className="filter-form"
      aria-label={t('title')}
      style={{ marginBottom: 'var(--space-4)' }}
    >
      <div className="field">
        <label htmlFor="filter-step-kind">{t('stepKind')}</label>
        <select id="filter-step-kind" name="stepKind" defaultValue={filter.stepKind ?? ''}>
          <option value="">{t('all')}</option>
          {(['review', 'consult', 'approve'] as const).map((k) => (
            <option key={k} value={k}>
              {tEnum(`stepKind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-department">{t('department')}</label>
        <select id="filter-department" name="department" defaultValue={filter.department ?? ''}>
          <option value="">{t('all')}</option>
          {departments.map((d) => (
            <option key={d.code} value={d.code}>
              {locale === 'en' ? d.nameEn : d.nameKo}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-item-kind">{t('itemKind')}</label>
        <select id="filter-item-kind" name="itemKind" defaultValue={filter.itemKind ?? ''}>
          <option value="">{t('all')}</option>
          {(['vm', 'platform_slot', 'volume', 'scale_up', 'resize'] as const).map((k) => (
            <option key={k} value={k}>
              {tEnum(`kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="choice" htmlFor="filter-overdue">
          <input
            id="filter-overdue"
            type="checkbox"
            name="overdue"
            value="1"
            defaultChecked={filter.overdue}
          />
          {t('overdue', { hours: reminderWorkingHours })}
        </label>
      </div>
      <div className="button-row">
        <button type="submit" className="button button--secondary">
          {t('apply')}
        </button>
        {active ? <Link href="/inbox">{t('reset')}</Link> : null}
      </div>
    </form>
  );
}
