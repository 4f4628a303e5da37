import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { runwayMethods } from '@/lib/reports/forecast-runway';
import type { RunwayView } from '@/lib/reports/get-runway';
import {
  type RunwayFilterErrors,
  type RunwayFilters,
  THRESHOLD_CHOICES,
  WINDOW_CHOICES,
} from '@/lib/reports/runway-filters';
import { FilterErrors } from './filter-errors';

type Props = {
  filters: RunwayFilters;
  errors: RunwayFilterErrors;
  pools: { id: string; name: string }[];
  view: RunwayView;
};

const ids = {
  pool: 'runway-pool',
  months: 'runway-months',
  method: 'runway-method-linear',
  threshold: 'runway-threshold',
  asOf: 'runway-as-of',
} as const;
type Field = keyof typeof ids;

/** The runway filters as a plain GET form: pool, trend window, growth model, threshold, as-of month. */
export function RunwayFilterForm({ filters, errors, pools, view }: Props) {
  const t = useTranslations('runway.filters');
  const tm = useTranslations('runway.methods');
  const message = (f: Field) => (errors[f] ? t(`errors.${errors[f]}`) : null);
  const describedBy = (f: Field, hint?: string) =>
    [errors[f] ? `${ids[f]}-error` : null, hint].filter(Boolean).join(' ') || undefined;
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p className="field-error" id={`${ids[f]}-error`}>
        {message(f)}
      </p>
    ) : null;
  const active = Object.values(filters).some((v) => v !== undefined);
  return (
    <section aria-labelledby="runway-filters-title" className="card savings-filters">
      <h2 id="runway-filters-title" className="h-small">
        {t('title')}
      </h2>
      <FilterErrors
        title={t('errorTitle')}
        items={(Object.keys(ids) as Field[])
          .filter((f) => errors[f])
          .map((f) => ({ id: ids[f], label: t(f), message: message(f)! }))}
      />
      <form
        key={JSON.stringify(filters)}
        method="get"
        action="/dashboards/runway"
        className="filter-form"
        aria-labelledby="runway-filters-title"
      >
        <div className="field">
          <label htmlFor={ids.pool}>{t('pool')}</label>
          <select
            id={ids.pool}
            name="pool"
            defaultValue={filters.pool ?? ''}
            aria-invalid={errors.pool ? true : undefined}
            aria-describedby={describedBy('pool')}
          >
            <option value="">{t('allPools')}</option>
            {pools.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
          {fieldError('pool')}
        </div>
        <div className="field">
          <label htmlFor={ids.months}>{t('months')}</label>
          <select
            id={ids.months}
            name="months"
            defaultValue={String(view.windowMonths)}
            aria-invalid={errors.months ? true : undefined}
            aria-describedby={describedBy('months')}
          >
            {WINDOW_CHOICES.map((m) => (
              <option key={m} value={m}>
                {t('monthsValue', { count: Number(m) })}
              </option>
            ))}
          </select>
          {fieldError('months')}
        </div>
        <div className="field">
          <label htmlFor={ids.threshold}>{t('threshold')}</label>
          <select
            id={ids.threshold}
            name="threshold"
            defaultValue={String(view.thresholdPct)}
            aria-invalid={errors.threshold ? true : undefined}
            aria-describedby={describedBy('threshold')}
          >
            {THRESHOLD_CHOICES.map((v) => (
              <option key={v} value={v}>
                {t('thresholdValue', { value: v })}
              </option>
            ))}
          </select>
          {fieldError('threshold')}
        </div>
        <div className="field">
          <label htmlFor={ids.asOf}>{t('asOf')}</label>
          <input
            id={ids.asOf}
            type="month"
            name="asOf"
            min="2000-01"
            max="2099-12"
            defaultValue={filters.asOf ?? view.asOf}
            aria-invalid={errors.asOf ? true : undefined}
            aria-describedby={describedBy('asOf', 'runway-as-of-hint')}
          />
          {fieldError('asOf')}
        </div>
        <fieldset className="field" aria-describedby={describedBy('method')}>
          <legend>{t('method')}</legend>
          <div className="choices">
            {runwayMethods.map((m) => (
              <label className="choice" key={m}>
                <input
                  type="radio"
                  name="method"
                  value={m}
                  id={`runway-method-${m}`}
                  defaultChecked={view.method === m}
                />
                {tm(m)}
              </label>
            ))}
          </div>
          {fieldError('method')}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button">
            {t('apply')}
          </button>
          {active ? <Link href="/dashboards/runway">{t('reset')}</Link> : null}
        </div>
      </form>
      <p className="hint" id="runway-as-of-hint">
        {t('asOfHint')}
      </p>
    </section>
  );
}
