import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import type { UtilisationField, UtilisationFilters } from '@/lib/metering/get-utilisation-page';
import { METRICS } from '@/lib/metering/metering-tables';
import type { UtilisationScopes } from '@/lib/metering/queries';
import type { Granularity } from '@/lib/metering/seoul-time';

type Props = {
  filters: UtilisationFilters;
  errors: Partial<Record<UtilisationField, string>>;
  granularity: Granularity;
  /** the period shown (first and last bucket), for the inputs' defaults */
  period: { from: string; to: string };
  scopes: UtilisationScopes;
  locale: Locale;
  /** the form's target: this dashboard's path */
  action: string;
  /** the fields this dashboard has */
  fields: UtilisationField[];
};

const id = (field: UtilisationField) => `metering-${field}`;

/**
 * A dashboard's filters as a plain GET form: the URL is the filter, and it works without JavaScript.
 * A value the page had to drop is named above the form, linked to its field.
 */
export function UtilisationFilterForm({
  filters,
  errors,
  granularity,
  period,
  scopes,
  locale,
  action,
  fields,
}: Props) {
  const t = useTranslations('metering.filters');
  const listed = fields.filter((f) => errors[f]);
  const has = (f: UtilisationField) => fields.includes(f);
  const described = (f: UtilisationField, hint?: string) =>
    [errors[f] ? `${id(f)}-error` : null, hint].filter(Boolean).join(' ') || undefined;
  const error = (f: UtilisationField) =>
    errors[f] ? (
      <p className="field-error" id={`${id(f)}-error`}>
        {errors[f]}
      </p>
    ) : null;
  const deptName = (d: UtilisationScopes['departments'][number]) => (locale === 'en' ? d.nameEn : d.nameKo);
  const monthly = granularity === 'month';
  const active = fields.some((f) => filters[f]);
  return (
    <section aria-labelledby="metering-filters-title" className="card savings-filters">
      <h2 id="metering-filters-title" className="h-small">
        {t('title')}
      </h2>
      {listed.length ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{t('errorTitle')}</p>
          <ul>
            {listed.map((f) => (
              <li key={f}>
                <a href={`#${id(f)}`}>
                  {t(f)}: {errors[f]}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        key={JSON.stringify([filters, period])}
        method="get"
        action={action}
        className="filter-form"
        aria-labelledby="metering-filters-title"
      >
        {has('granularity') ? (
          <div className="field">
            <label htmlFor={id('granularity')}>{t('granularity')}</label>
            <select
              id={id('granularity')}
              name="granularity"
              defaultValue={granularity}
              aria-describedby={described('granularity', 'metering-granularity-hint')}
            >
              {(['month', 'day', 'hour'] as const).map((g) => (
                <option key={g} value={g}>
                  {t(`granularities.${g}`)}
                </option>
              ))}
            </select>
            {error('granularity')}
          </div>
        ) : null}
        {(['from', 'to'] as const).filter(has).map((edge) => (
          <div className="field" key={edge}>
            <label htmlFor={id(edge)}>{t(edge)}</label>
            <input
              id={id(edge)}
              type={monthly ? 'month' : 'date'}
              name={edge}
              min={monthly ? '2000-01' : '2000-01-01'}
              max={monthly ? '2099-12' : '2099-12-31'}
              defaultValue={filters[edge] ?? (monthly ? period[edge].slice(0, 7) : period[edge].slice(0, 10))}
              aria-invalid={errors[edge] ? true : undefined}
              aria-describedby={described(edge, 'metering-period-hint')}
            />
            {error(edge)}
          </div>
        ))}
        {has('pool') ? (
          <div className="field">
            <label htmlFor={id('pool')}>{t('pool')}</label>
            <select
              id={id('pool')}
              name="pool"
              defaultValue={filters.pool ?? ''}
              aria-invalid={errors.pool ? true : undefined}
              aria-describedby={described('pool')}
            >
              <option value="">{t('allPools')}</option>
              {scopes.pools.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
            {error('pool')}
          </div>
        ) : null}
        {has('department') ? (
          <div className="field">
            <label htmlFor={id('department')}>{t('department')}</label>
            <select
              id={id('department')}
              name="department"
              defaultValue={filters.department ?? ''}
              aria-invalid={errors.department ? true : undefined}
              aria-describedby={described('department')}
            >
              <option value="">{t('allDepartments')}</option>
              {scopes.departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {deptName(d)}
                </option>
              ))}
            </select>
            {error('department')}
          </div>
        ) : null}
        {has('system') ? (
          <div className="field">
            <label htmlFor={id('system')}>{t('system')}</label>
            <select
              id={id('system')}
              name="system"
              defaultValue={filters.system ?? ''}
              aria-invalid={errors.system ? true : undefined}
              aria-describedby={described('system')}
            >
              <option value="">{t('allSystems')}</option>
              {scopes.departments.map((d) => {
                const systems = scopes.systems.filter((s) => s.departmentId === d.id);
                return systems.length ? (
                  <optgroup key={d.code} label={deptName(d)}>
                    {systems.map((s) => (
                      <option key={s.code} value={s.code}>
                        {s.name} ({s.code})
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
            {error('system')}
          </div>
        ) : null}
        {has('metric') ? (
          <div className="field">
            <label htmlFor={id('metric')}>{t('metric')}</label>
            <select
              id={id('metric')}
              name="metric"
              defaultValue={filters.metric ?? 'vcpu'}
              aria-describedby={described('metric')}
            >
              {METRICS.map((m) => (
                <option key={m} value={m}>
                  {t(`metrics.${m}`)}
                </option>
              ))}
            </select>
            {error('metric')}
          </div>
        ) : null}
        <div className="button-row">
          <button type="submit" className="button">
            {t('apply')}
          </button>
          {active ? <Link href={action}>{t('reset')}</Link> : null}
        </div>
      </form>
      {has('from') ? (
        <p className="hint" id="metering-period-hint">
          {t('periodHint')}
        </p>
      ) : null}
      {has('granularity') ? (
        <p className="hint" id="metering-granularity-hint">
          {t('granularityHint')}
        </p>
      ) : null}
    </section>
  );
}
