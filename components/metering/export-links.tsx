import { useTranslations } from 'next-intl';

/** CSV and XLSX downloads of one table of a metering dashboard, for the filters on screen. */
export function MeteringExportLinks({
  dashboard,
  table,
  search,
  title,
}: {
  dashboard: 'utilisation' | 'rightsizing';
  table: string;
  search: string;
  title: string;
}) {
  const t = useTranslations('dashboards.export');
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams(search);
    params.set('table', table);
    params.set('format', format);
    return `/dashboards/${dashboard}/export?${params.toString()}`;
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
