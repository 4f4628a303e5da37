import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import belowFold from './below-fold.module.css';

type Props = {
  id: string;
  title: string;
  /** what the chart shows and its main finding, in words (the figure's caption) */
  description: string;
  chart: ReactNode;
  /** the same figures as a table, shown on demand */
  table: ReactNode;
  actions?: ReactNode;
  /** usually below the fold: drawn when it comes near the viewport (below-fold.module.css) */
  deferred?: boolean;
};

/**
 * A chart with its text alternatives: a heading, a caption saying what it shows and what stands
 * out, and a <details> table view with every figure (keyboard: the summary is a button).
 */
export function ChartSection({ id, title, description, chart, table, actions, deferred }: Props) {
  const t = useTranslations('dashboards.savings');
  return (
    <section
      aria-labelledby={`${id}-title`}
      className={deferred ? `dash-section ${belowFold.deferred}` : 'dash-section'}
    >
      <div className="dash-section__head">
        <h2 id={`${id}-title`}>{title}</h2>
        {actions}
      </div>
      <figure className="chart-figure">
        <figcaption id={`${id}-desc`} className="chart-figure__caption">
          {description}
        </figcaption>
        <div className="chart-figure__chart">{chart}</div>
      </figure>
      <details className="table-view" id={`${id}-table-view`}>
        <summary>
          {t('tableView')}
          <span className="sr-only">: {title}</span>
        </summary>
        {table}
      </details>
    </section>
  );
}
