import { useTranslations } from 'next-intl';

type Props = {
  /** the export route, e.g. /dashboards/showback/export */
  path: string;
  /** the page's filters as a query string */
  search: string;
  table: string;
  /** the table's title, for screen readers */
  title: string;
  /** more parameters, e.g. the pool of one chart */
  extra?: Record<string, string>;
};

/** CSV and XLSX downloads of one table, for the filters on screen; each link names its table. */
export function ExportLinks({ path, search, table, title, extra = {} }: Props) {
  const t = useTranslations('showback.export');
  const href = (format: 'csv' | 'xlsx') => {
    const params = new URLSearchParams(search);
    for (const [k, v] of Object.entries(extra)) params.set(k, v);
    params.set('table', table);
    params.set('format', format);
    return `${path}?${params.toString()}`;
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
