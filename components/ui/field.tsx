import type { ReactNode } from 'react';

export type ControlProps = {
  id: string;
  'aria-invalid': boolean | undefined;
  'aria-describedby': string | undefined;
};

type FieldProps = {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: (control: ControlProps) => ReactNode;
};

/** A labelled control with its hint and its errors, wired by id for screen readers. */
export function Field({ id, label, hint, errors, children }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children({ id, 'aria-invalid': errorId ? true : undefined, 'aria-describedby': describedBy })}
      <FieldError id={errorId} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id?: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p className="field-error" id={id}>
      {errors.join(' ')}
    </p>
  );
}

/** A group of radios or checkboxes: a fieldset whose legend names it. */
export function ChoiceGroup({
  id,
  legend,
  hint,
  errors,
  children,
  stacked,
}: {
  id: string;
  legend: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  children: ReactNode;
  stacked?: boolean;
}) {
  const errorId = errors?.length ? `${id}-error` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <fieldset
      id={id}
      className="field"
      aria-describedby={[errorId, hintId].filter(Boolean).join(' ') || undefined}
      tabIndex={-1}
    >
      <legend>{legend}</legend>
      {hint ? (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <div className={`choices${stacked ? ' choices--stacked' : ''}`}>{children}</div>
      <FieldError id={errorId} errors={errors} />
    </fieldset>
  );
}
