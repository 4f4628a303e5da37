'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field, FieldError } from '@/components/ui/field';
import { type Role, roles } from '@/lib/auth/actor';
import { createUserAction, updateUserAction } from '../users/actions';
import { FormMessage, textField, useActionForm } from './use-action-form';

export type UserValues = {
  id?: string;
  email: string;
  name: string;
  departmentId: string;
  roles: Role[];
  active: boolean;
};

export type DepartmentOption = { id: string; label: string };

/** Adds a user (no `id`) or edits one: email, name, department, roles, active flag and password. */
export function UserForm({ user, departments }: { user: UserValues; departments: DepartmentOption[] }) {
  const t = useTranslations('admin.users');
  const tUser = useTranslations('admin.user');
  const tAdmin = useTranslations('admin');
  const tRole = useTranslations('enums.role');
  const { formRef, messageRef, state, pending, run } = useActionForm();
  const editing = user.id !== undefined;
  const prefix = editing ? 'edit-user' : 'new-user';
  const errors = state.fieldErrors;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const password = textField(form, 'password');
    const input = {
      email: textField(form, 'email'),
      name: textField(form, 'name'),
      departmentId: textField(form, 'departmentId'),
      roles: form.getAll('roles').map(String) as Role[],
      ...(password ? { password } : {}),
    };
    if (user.id) {
      const id = user.id;
      run(
        () => updateUserAction({ id, ...input, active: form.get('active') === 'on' }),
        () => <p>{tUser('updated')}</p>,
      );
    } else {
      run(
        () => createUserAction(input),
        ({ id }) => {
          formRef.current?.reset();
          return (
            <p>
              {t('created', { name: input.name.trim() })}{' '}
              <Link href={`/admin/users/${id}`}>{t('openCreated', { name: input.name.trim() })}</Link>
            </p>
          );
        },
      );
    }
  }

  const rolesErrorId = errors.roles ? `${prefix}-roles-error` : undefined;
  const activeErrorId = errors.active ? `${prefix}-active-error` : undefined;

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormMessage state={state} messageRef={messageRef} />
      <div className="field-row">
        <div>
          <Field id={`${prefix}-name`} label={t('nameLabel')} errors={errors.name}>
            {(control) => (
              <input
                {...control}
                type="text"
                name="name"
                defaultValue={user.name}
                autoComplete="off"
                maxLength={100}
                required
              />
            )}
          </Field>
        </div>
        <div>
          <Field id={`${prefix}-email`} label={t('emailLabel')} errors={errors.email}>
            {(control) => (
              <input
                {...control}
                name="email"
                type="email"
                defaultValue={user.email}
                autoComplete="off"
                spellCheck={false}
                maxLength={254}
                required
              />
            )}
          </Field>
        </div>
        <div>
          <Field id={`${prefix}-departmentId`} label={t('departmentLabel')} errors={errors.departmentId}>
            {(control) => (
              <select {...control} name="departmentId" defaultValue={user.departmentId} required>
                <option value="">{t('departmentPlaceholder')}</option>
                {departments.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </div>

      <fieldset
        id={`${prefix}-roles`}
        className="field"
        aria-describedby={[rolesErrorId, `${prefix}-roles-hint`].filter(Boolean).join(' ')}
      >
        <legend>{t('rolesLegend')}</legend>
        <p className="hint" id={`${prefix}-roles-hint`}>
          {t('rolesHint')}
        </p>
        <div className="choices choices--stacked">
          {roles.map((role) => (
            <label key={role} className="choice">
              <input
                type="checkbox"
                name="roles"
                value={role}
                defaultChecked={user.roles.includes(role)}
                aria-invalid={rolesErrorId ? true : undefined}
                aria-describedby={rolesErrorId}
              />
              <span>
                {tRole(role)}
                <small>{t(`roleHints.${role}`)}</small>
              </span>
            </label>
          ))}
        </div>
        <FieldError id={rolesErrorId} errors={errors.roles} />
      </fieldset>

      {editing ? (
        <fieldset className="field" aria-describedby={`${prefix}-active-hint`}>
          <legend>{tUser('activeLegend')}</legend>
          <p className="hint" id={`${prefix}-active-hint`}>
            {tUser('activeHint')}
          </p>
          <div className="choices">
            <label className="choice">
              <input
                type="checkbox"
                name="active"
                defaultChecked={user.active}
                aria-invalid={activeErrorId ? true : undefined}
                aria-describedby={activeErrorId}
              />
              <span>{tUser('activeLabel')}</span>
            </label>
          </div>
          <FieldError id={activeErrorId} errors={errors.active} />
        </fieldset>
      ) : null}

      <Field
        id={`${prefix}-password`}
        label={editing ? tUser('newPasswordLabel') : t('passwordLabel')}
        hint={editing ? tUser('newPasswordHint') : t('passwordHint')}
        errors={errors.password}
      >
        {(control) => (
          <input {...control} name="password" type="password" autoComplete="new-password" maxLength={128} />
        )}
      </Field>

      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {editing ? tUser('submit') : t('submitCreate')}
        </button>
        {pending ? (
          <span className="muted small" role="status">
            {tAdmin('saving')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
