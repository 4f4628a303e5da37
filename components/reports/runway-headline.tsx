import { useTranslations } from 'next-intl';
import type { RunwayView } from '@/lib/reports/get-runway';
import { firstToFill } from './runway-pool-section';

/** Per pool: the dimension that fills first on the chosen model, when, and how many systems hold it. */
export function RunwayHeadline({ view }: { view: RunwayView }) {
  const t = useTranslations('runway');
  if (view.pools.length === 0) return null;
  return (
    <section aria-labelledby="runway-headline-title" className="kpi-section">
      <h2 id="runway-headline-title" className="sr-only">
        {t('headline.title')}
      </h2>
      <dl className="kpis">
        {view.pools.map((pool) => {
          const { filling } = firstToFill(pool, view, t);
          const f = filling?.[view.method];
          return (
            <div className="kpi kpi--primary" key={pool.poolId}>
              <dt>
                {pool.poolName} · {t('headline.first')}
              </dt>
              <dd>
                <span className="kpi__value">
                  {pool.series.length === 0
                    ? t('fill.insufficient')
                    : filling && f
                      ? t('headline.value', {
                          dimension: t(`dimensions.${filling.dimension}`),
                          month: f.fillMonth!,
                        })
                      : t('headline.none', { months: view.horizonMonths })}
                </span>
                <span className="kpi__exact">
                  {f
                    ? `${t('headline.monthsLeft', { months: f.monthsLeft!, method: t(`methods.${view.method}`) })} · `
                    : ''}
                  {t('headline.systems', { count: pool.systems })}
                </span>
              </dd>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
