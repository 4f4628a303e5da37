'use client';

import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { createDepartmentAction, updateDepartmentAction } from '../departments/actions';
import { FormMessage, integerField, textField, useActionForm } from './use-action-form';

export type DepartmentValues = {
  id?: string;
  code: string;
  nameKo: string;
  nameEn: string;
  quotaVcpu: number;
  quotaRamGb: number;
  quotaStorageGb: number;
  quotaMonthlyKrw: number;
};

const quotaFields = ['quotaVcpu', 'quotaRamGb', 'quotaStorageGb', 'quotaMonthlyKrw'] as const;

/** Adds a department (no `id`) or edits one: names, code and the four quotas. */
export function DepartmentForm({
  department,
  cancelHref,
}: {
  department: DepartmentValues;
  cancelHref?: string;
}) {
  const t = useTranslations('admin.departments');
  const tAdmin = useTranslations('admin');
  const locale = useLocale();
  const { formRef, messageRef, state, pending, run } = useActionForm();
  const editing = department.id !== undefined;
  const prefix = editing ? 'edit-department' : 'new-department';
  const errors = state.fieldErrors;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = {
      code: textField(form, 'code'),
      nameKo: textField(form, 'nameKo'),
      nameEn: textField(form, 'nameEn'),
      quotaVcpu: integerField(form, 'quotaVcpu'),
      quotaRamGb: integerField(form, 'quotaRamGb'),
      quotaStorageGb: integerField(form, 'quotaStorageGb'),
      quotaMonthlyKrw: integerField(form, 'quotaMonthlyKrw'),
    };
    const name = (d: { nameKo: string; nameEn: string }) => (locale === 'en' ? d.nameEn : d.nameKo);
    if (department.id) {
      const id = department.id;
      run(
        () => updateDepartmentAction({ id, ...input }),
        (d) => <p>{t('updated', { name: name(d) })}</p>,
      );
    } else {
      run(
        () => createDepartmentAction(input),
        (d) => {
          formRef.current?.reset();
          return <p>{t('created', { name: name(d) })}</p>;
        },
      );
    }
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormMessage state={state} messageRef={messageRef} />
      <fieldset className="form-section">
        <legend>{t('namesSection')}</legend>
        <div className="field-row">
          <div>
            <Field id={`${prefix}-code`} label={t('codeLabel')} hint={t('codeHint')} errors={errors.code}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  name="code"
                  defaultValue={department.code}
                  autoComplete="off"
                  autoCapitalize="characters"
                  spellCheck={false}
                  maxLength={20}
                  required
                />
              )}
            </Field>
          </div>
          <div>
            <Field id={`${prefix}-nameKo`} label={t('nameKoLabel')} errors={errors.nameKo}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  name="nameKo"
                  lang="ko"
                  defaultValue={department.nameKo}
                  maxLength={100}
                  required
                />
              )}
            </Field>
          </div>
          <div>
            <Field id={`${prefix}-nameEn`} label={t('nameEnLabel')} errors={errors.nameEn}>
              {(control) => (
                <input
                  {...control}
                  type="text"
                  name="nameEn"
                  lang="en"
                  defaultValue={department.nameEn}
                  maxLength={100}
                  required
                />
              )}
            </Field>
          </div>
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('quotaSection')}</legend>
        <div className="field-row">
          {quotaFields.map((field) => (
            <div key={field}>
              <Field
                id={`${prefix}-${field}`}
                label={t(`${field}Label`)}
                hint={field === 'quotaMonthlyKrw' ? t('quotaMonthlyKrwHint') : undefined}
                errors={errors[field]}
              >
                {(control) => (
                  <input
                    {...control}
                    type="text"
                    name={field}
                    inputMode="numeric"
                    autoComplete="off"
                    defaultValue={department[field].toLocaleString('en-US')}
                    required
                  />
                )}
              </Field>
            </div>
          ))}
        </div>
      </fieldset>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {editing ? t('submitEdit') : t('submitCreate')}
        </button>
        {cancelHref ? (
          <Link href={cancelHref} className="button button--secondary">
            {t('cancelEdit')}
          </Link>
        ) : null}
        {pending ? (
          <span className="muted small" role="status">
            {tAdmin('saving')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
