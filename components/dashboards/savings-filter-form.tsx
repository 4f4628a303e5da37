import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { SavingsScopes } from '@/lib/dashboards/queries';
import type { FilterErrors, SavingsFilters } from '@/lib/dashboards/savings-filters';
import type { Locale } from '@/lib/i18n/config';

type Props = {
  filters: SavingsFilters;
  errors: FilterErrors;
  /** the months shown (defaults filled in) */
  period: { from: string; to: string };
  scopes: SavingsScopes;
  locale: Locale;
};

const fieldIds = {
  from: 'savings-from',
  to: 'savings-to',
  department: 'savings-department',
  system: 'savings-system',
};

/**
 * The dashboard's filters as a plain GET form, so the URL is the filter and it works without
 * JavaScript: period (YYYY-MM), department, system (grouped by department). A value the page had to
 * drop is named above the form, linked to its field.
 */
export function SavingsFilterForm({ filters, errors, period, scopes, locale }: Props) {
  const t = useTranslations('dashboards.savings.filters');
  const active = Boolean(filters.from || filters.to || filters.department || filters.system);
  const errorOf = (field: keyof typeof fieldIds) => (errors[field] ? t(`errors.${errors[field]}`) : null);
  const described = (field: keyof typeof fieldIds, hint?: string) =>
    [errors[field] ? `${fieldIds[field]}-error` : null, hint].filter(Boolean).join(' ') || undefined;
  const listed = (Object.keys(fieldIds) as (keyof typeof fieldIds)[]).filter((f) => errors[f]);
  const deptName = (d: SavingsScopes['departments'][number]) => (locale === 'en' ? d.nameEn : d.nameKo);
  return (
    <section aria-labelledby="savings-filters-title" className="card savings-filters">
      <h2 id="savings-filters-title" className="h-small">
        {t('title')}
      </h2>
      {listed.length ? (
        <div className="alert alert--error" role="alert">
          <p className="alert__title">{t('errorTitle')}</p>
          <ul>
            {listed.map((f) => (
              <li key={f}>
                <a href={`#${fieldIds[f]}`}>
                  {t(f)}: {errorOf(f)}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <form
        // remounted when the URL's filter changes, so the controls never show a stale choice
        key={JSON.stringify([filters, period])}
        method="get"
        action="/dashboards/savings"
        className="filter-form"
        aria-labelledby="savings-filters-title"
      >
        {(['from', 'to'] as const).map((edge) => (
          <div className="field" key={edge}>
            <label htmlFor={fieldIds[edge]}>{t(edge)}</label>
            <input
              id={fieldIds[edge]}
              type="month"
              name={edge}
              min="2000-01"
              max="2099-12"
              defaultValue={filters[edge] ?? period[edge]}
              aria-invalid={errors[edge] ? true : undefined}
              aria-describedby={described(edge, 'savings-month-hint')}
            />
            {errors[edge] ? (
              <p className="field-error" id={`${fieldIds[edge]}-error`}>
                {errorOf(edge)}
              </p>
            ) : null}
          </div>
        ))}
        <div className="field">
          <label htmlFor={fieldIds.department}>{t('department')}</label>
          <select
            id={fieldIds.department}
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
          {errors.department ? (
            <p className="field-error" id={`${fieldIds.department}-error`}>
              {errorOf('department')}
            </p>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor={fieldIds.system}>{t('system')}</label>
          <select
            id={fieldIds.system}
            name="system"
            defaultValue={filters.system ?? ''}
            aria-invalid={errors.system ? true : undefined}
            aria-describedby={described('system', 'savings-system-hint')}
          >
            <option value="">{t('allSystems')}</option>
            {scopes.departments.map((d) => (
              <optgroup key={d.code} label={deptName(d)}>
                {scopes.systems
                  .filter((s) => s.departmentId === d.id)
                  .map((s) => (
                    <option key={s.code} value={s.code}>
                      {s.name} ({s.code})
                    </option>
                  ))}
              </optgroup>
            ))}
          </select>
          {errors.system ? (
            <p className="field-error" id={`${fieldIds.system}-error`}>
              {errorOf('system')}
            </p>
          ) : null}
        </div>
        {filters.sort ? (
          <input type="hidden" name="sort" value={`${filters.sort.key}.${filters.sort.dir}`} />
        ) : null}
        {filters.dsort ? (
          <input type="hidden" name="dsort" value={`${filters.dsort.key}.${filters.dsort.dir}`} />
        ) : null}
        <div className="button-row">
          <button type="submit" className="button">
            {t('apply')}
          </button>
          {active ? <Link href="/dashboards/savings">{t('reset')}</Link> : null}
        </div>
      </form>
      <p className="hint" id="savings-month-hint">
        {t('monthHint')}
      </p>
      <p className="hint" id="savings-system-hint">
        {t('systemHint')}
      </p>
    </section>
  );
}
