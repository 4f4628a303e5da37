import { useTranslations } from 'next-intl';
import type { TableId } from '@/lib/dashboards/savings-table';

/**
 * CSV and XLSX downloads of one savings table, for the filters and sort on screen
 * (GET /dashboards/savings/export). Each link names its table for screen readers.
 */
export function ExportLinks({ table, search, title }: { table: TableId; search: string; title: string }) {
  const t = useTranslations('dashboards.export');
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams(search);
    params.set('table', table);
    params.set('format', format);
    return `/dashboards/savings/export?${params.toString()}`;
  };
  return (
    <ul className="export-links" aria-label={t('listLabel', { table: title })}>
      {(['csv', 'xlsx'] as const).map((format) => (
        <li key={format}>
          <a className="button button--secondary button--small" href={href(format)} download>
            {t(format)}
            <span className="sr-only"> ({title})</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
