'use client';

import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Field } from '@/components/ui/field';
import { FormMessage, textField, useActionForm } from '../../_components/use-action-form';
import { reassignStepAction } from '../actions';

export type ReassignCandidate = { id: string; name: string; label: string };

/** 재지정: pick the approver a stuck step moves to, and say why (kept in the audit log). */
export function ReassignForm({
  stepId,
  number,
  kindLabel,
  candidates,
  cancelHref,
}: {
  stepId: string;
  number: string;
  kindLabel: string;
  candidates: ReassignCandidate[];
  cancelHref: string;
}) {
  const t = useTranslations('admin.steps');
  const tAdmin = useTranslations('admin');
  const { formRef, messageRef, state, pending, run } = useActionForm();
  const errors = state.fieldErrors;

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const userId = textField(form, 'userId');
    const name = candidates.find((c) => c.id === userId)?.name ?? '';
    run(
      () => reassignStepAction({ stepId, userId, reason: textField(form, 'reason') }),
      () => {
        formRef.current?.reset();
        return <p>{t('done', { number, kind: kindLabel, name })}</p>;
      },
    );
  }

  return (
    <form ref={formRef} className="form" noValidate onSubmit={submit}>
      <FormMessage state={state} messageRef={messageRef} />
      <Field
        id="reassign-user"
        label={t('userLabel')}
        hint={t('userHint')}
        errors={errors.userId ?? errors.stepId}
      >
        {(control) => (
          <select {...control} name="userId" defaultValue="" required>
            <option value="">{t('userPlaceholder')}</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="reassign-reason" label={t('reasonLabel')} hint={t('reasonHint')} errors={errors.reason}>
        {(control) => <textarea {...control} name="reason" maxLength={500} required />}
      </Field>
      <div className="button-row">
        <button type="submit" className="button" disabled={pending}>
          {t('submit')}
        </button>
        <Link href={cancelHref} className="button button--secondary">
          {t('cancel')}
        </Link>
        {pending ? (
          <span className="muted small" role="status">
            {tAdmin('saving')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
