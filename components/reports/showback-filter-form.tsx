import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { Locale } from '@/lib/i18n/config';
import type { ShowbackScopes } from '@/lib/reports/queries';
import {
  SHOWBACK_BASES,
  type ShowbackBasis,
  type ShowbackFilterErrors,
  type ShowbackFilters,
} from '@/lib/reports/showback-filters';
import { FilterErrors } from './filter-errors';

type Props = {
  filters: ShowbackFilters;
  errors: ShowbackFilterErrors;
  period: { from: string; to: string };
  basis: ShowbackBasis;
  scopes: ShowbackScopes;
  locale: Locale;
};

const ids = {
  from: 'showback-from',
  to: 'showback-to',
  department: 'showback-department',
  system: 'showback-system',
  basis: 'showback-basis-allocation',
} as const;
type Field = keyof typeof ids;

/**
 * The showback filters as a plain GET form (the URL is the filter; works without JavaScript):
 * period, department, system (grouped by department) and the basis the monthly chart draws.
 */
export function ShowbackFilterForm({ filters, errors, period, basis, scopes, locale }: Props) {
  const t = useTranslations('showback.filters');
  const tb = useTranslations('showback.basis');
  const message = (f: Field) => (errors[f] ? t(`errors.${errors[f]}`) : null);
  const describedBy = (f: Field, hint?: string) =>
    [errors[f] ? `${ids[f]}-error` : null, hint].filter(Boolean).join(' ') || undefined;
  const fieldError = (f: Field) =>
    errors[f] ? (
      <p className="field-error" id={`${ids[f]}-error`}>
        {message(f)}
      </p>
    ) : null;
  const deptName = (d: ShowbackScopes['departments'][number]) => (locale === 'en' ? d.nameEn : d.nameKo);
  const active = Boolean(filters.from || filters.to || filters.department || filters.system || filters.basis);
  return (
    <section aria-labelledby="showback-filters-title" className="card savings-filters">
      <h2 id="showback-filters-title" className="h-small">
        {t('title')}
      </h2>
      <FilterErrors
        title={t('errorTitle')}
        items={(Object.keys(ids) as Field[])
          .filter((f) => errors[f])
          .map((f) => ({ id: ids[f], label: t(f), message: message(f)! }))}
      />
      <form
        key={JSON.stringify([filters, period])}
        method="get"
        action="/dashboards/showback"
        className="filter-form"
        aria-labelledby="showback-filters-title"
      >
        {(['from', 'to'] as const).map((edge) => (
          <div className="field" key={edge}>
            <label htmlFor={ids[edge]}>{t(edge)}</label>
            <input
              id={ids[edge]}
              type="month"
              name={edge}
              min="2000-01"
              max="2099-12"
              defaultValue={filters[edge] ?? period[edge]}
              aria-invalid={errors[edge] ? true : undefined}
              aria-describedby={describedBy(edge, 'showback-month-hint')}
            />
            {fieldError(edge)}
          </div>
        ))}
        <div className="field">
          <label htmlFor={ids.department}>{t('department')}</label>
          <select
            id={ids.department}
            name="department"
            defaultValue={filters.department ?? ''}
            aria-invalid={errors.department ? true : undefined}
            aria-describedby={describedBy('department')}
          >
            <option value="">{t('allDepartments')}</option>
            {scopes.departments.map((d) => (
              <option key={d.code} value={d.code}>
                {deptName(d)}
              </option>
            ))}
          </select>
          {fieldError('department')}
        </div>
        <div className="field">
          <label htmlFor={ids.system}>{t('system')}</label>
          <select
            id={ids.system}
            name="system"
            defaultValue={filters.system ?? ''}
            aria-invalid={errors.system ? true : undefined}
            aria-describedby={describedBy('system')}
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
          {fieldError('system')}
        </div>
        <fieldset className="field" aria-describedby={describedBy('basis')}>
          <legend>{t('basis')}</legend>
          <div className="choices">
            {SHOWBACK_BASES.map((b) => (
              <label className="choice" key={b}>
                <input
                  type="radio"
                  name="basis"
                  value={b}
                  id={`showback-basis-${b}`}
                  defaultChecked={basis === b}
                />
                {tb(b)}
              </label>
            ))}
          </div>
          {fieldError('basis')}
        </fieldset>
        <div className="button-row">
          <button type="submit" className="button">
            {t('apply')}
          </button>
          {active ? <Link href="/dashboards/showback">{t('reset')}</Link> : null}
        </div>
      </form>
      <p className="hint" id="showback-month-hint">
        {t('monthHint')}
      </p>
    </section>
  );
}
