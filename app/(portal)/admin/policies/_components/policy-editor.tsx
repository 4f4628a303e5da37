'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import { Field, FieldError } from '@/components/ui/field';
import { useHydrated } from '@/components/ui/use-hydrated';
import type { ApprovingUser, DepartmentChoice } from '@/lib/approvals/policy-queries';
import type { Policy } from '@/lib/approvals/policy-schema';
import { toLocale } from '@/lib/i18n/config';
import { savePolicyAction } from '../actions';
import {
  blankApprover,
  type Draft,
  type DraftRule,
  draftFromPolicy,
  draftRule,
  draftStep,
  type EditorApi,
  fieldId,
  move,
  settingKeys,
  toPolicyInput,
} from './draft';
import { DraftLinePreview } from './draft-line-preview';
import { ErrorSummary } from './error-summary';
import { policyNames } from './names';
import { RuleFields } from './rule-fields';

type Errors = Record<string, string[]>;

/** Field errors of a list follow its items when they move or go (item `i` becomes `map(i)`, or none). */
function remapErrors(errors: Errors, listPath: string, map: (i: number) => number | null): Errors {
  const out: Errors = {};
  for (const [key, messages] of Object.entries(errors)) {
    const match = key.startsWith(`${listPath}.`) ? /^(\d+)(.*)$/.exec(key.slice(listPath.length + 1)) : null;
    if (!match) {
      out[key] = messages;
      continue;
    }
    const to = map(Number(match[1]));
    if (to !== null) out[`${listPath}.${to}${match[2]}`] = messages;
  }
  return out;
}
const swap = (from: number, delta: number) => (i: number) =>
  i === from ? from + delta : i === from + delta ? from : i;
const drop = (gone: number) => (i: number) => (i === gone ? null : i > gone ? i - 1 : i);

export type PolicyEditorProps = {
  initial: Policy;
  /** the version in force (0: the built-in default) */
  current: number;
  departments: DepartmentChoice[];
  people: ApprovingUser[];
};

/**
 * The 결재 규정 editor: a structured form over a local draft (rules added, removed and reordered with
 * buttons that keep focus), saved as a new version through the server action. Refused input comes back
 * as field errors by path, shown beside each field and in a summary; the version in force is untouched.
 */
export function PolicyEditor({ initial, current, departments, people }: PolicyEditorProps) {
  const t = useTranslations('admin.policyEditor');
  const locale = toLocale(useLocale());
  const router = useRouter();
  const [draft, setDraft] = useState<Draft>(() => draftFromPolicy(initial));
  const [errors, setErrors] = useState<Errors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saved, setSaved] = useState<number | null>(null);
  const [answer, setAnswer] = useState(0);
  const [announcement, setAnnouncement] = useState('');
  const [focusIds, setFocusIds] = useState<string[]>([]);
  const [pending, startTransition] = useTransition();
  const hydrated = useHydrated();
  const messageRef = useRef<HTMLDivElement>(null);
  const names = useMemo(() => policyNames(departments, people, locale), [departments, people, locale]);

  useEffect(() => {
    if (answer > 0) messageRef.current?.focus();
  }, [answer]);
  useEffect(() => {
    if (focusIds.length === 0) return;
    for (const id of focusIds) {
      const element = document.getElementById(id);
      if (element) {
        element.focus();
        break;
      }
    }
    setFocusIds([]);
  }, [focusIds]);

  const ruleLabel = (rule: DraftRule | undefined, r: number) =>
    rule?.name.trim() ? `‘${rule.name.trim()}’` : t('rulePrefix', { n: r + 1 });
  const stepLabel = (r: number, s: number) =>
    `${t('rulePrefix', { n: r + 1 })} ${t('stepPrefix', { n: s + 1 })}`;
  const setRules = (fn: (rules: DraftRule[]) => DraftRule[]) =>
    setDraft((d) => ({ ...d, rules: fn(d.rules) }));
  const setSteps = (r: number, fn: (steps: DraftRule['steps']) => DraftRule['steps']) =>
    setRules((rules) => rules.map((rule, i) => (i === r ? { ...rule, steps: fn(rule.steps) } : rule)));
  const setApprovers = (
    r: number,
    s: number,
    fn: (list: DraftRule['steps'][number]['approvers']) => typeof list,
  ) =>
    setSteps(r, (steps) =>
      steps.map((step, i) => (i === s ? { ...step, approvers: fn(step.approvers) } : step)),
    );
  /** a change of structure: the draft, where errors now belong, where focus goes, and what to announce */
  const restructure = (
    change: () => void,
    listPath: string,
    map: (i: number) => number | null,
    focus: string[],
    say: string,
  ) => {
    change();
    setErrors((e) => remapErrors(e, listPath, map));
    setFocusIds(focus);
    setAnnouncement(say);
  };
  const stepCount = (r: number) => draft.rules[r]?.steps.length ?? 0;

  const api: EditorApi = {
    errors: (path) => errors[path],
    updateRule: (r, patch) =>
      setRules((rules) => rules.map((rule, i) => (i === r ? { ...rule, ...patch } : rule))),
    moveRule: (r, delta) =>
      restructure(
        () => setRules((rules) => move(rules, r, delta)),
        'rules',
        swap(r, delta),
        [`${fieldId(`rules.${r + delta}`)}-${delta < 0 ? 'up' : 'down'}`],
        t('moved', { what: ruleLabel(draft.rules[r], r), position: r + delta + 1 }),
      ),
    removeRule: (r) =>
      restructure(
        () => setRules((rules) => rules.filter((_, i) => i !== r)),
        'rules',
        drop(r),
        ['policy-rules-title'],
        t('removed', { what: ruleLabel(draft.rules[r], r) }),
      ),
    addStep: (r) =>
      restructure(
        () => setSteps(r, (steps) => [...steps, draftStep()]),
        `rules.${r}.steps`,
        (i) => i,
        [fieldId(`rules.${r}.steps.${stepCount(r)}.kind`)],
        t('added', { what: stepLabel(r, stepCount(r)) }),
      ),
    updateStep: (r, s, patch) =>
      setSteps(r, (steps) => steps.map((step, i) => (i === s ? { ...step, ...patch } : step))),
    moveStep: (r, s, delta) =>
      restructure(
        () => setSteps(r, (steps) => move(steps, s, delta)),
        `rules.${r}.steps`,
        swap(s, delta),
        [`${fieldId(`rules.${r}.steps.${s + delta}`)}-${delta < 0 ? 'up' : 'down'}`],
        t('moved', { what: stepLabel(r, s), position: s + delta + 1 }),
      ),
    removeStep: (r, s) =>
      restructure(
        () => setSteps(r, (steps) => steps.filter((_, i) => i !== s)),
        `rules.${r}.steps`,
        drop(s),
        [`${fieldId(`rules.${r}`)}-add-step`],
        t('removed', { what: stepLabel(r, s) }),
      ),
    addApprover: (r, s) => {
      const n = draft.rules[r]?.steps[s]?.approvers.length ?? 0;
      restructure(
        () => setApprovers(r, s, (list) => [...list, blankApprover()]),
        `rules.${r}.steps.${s}.approvers`,
        (i) => i,
        [fieldId(`rules.${r}.steps.${s}.approvers.${n}.type`)],
        t('added', { what: `${stepLabel(r, s)} ${t('approverPrefix', { n: n + 1 })}` }),
      );
    },
    updateApprover: (r, s, i, patch) =>
      setApprovers(r, s, (list) => list.map((a, j) => (j === i ? { ...a, ...patch } : a))),
    removeApprover: (r, s, i) =>
      restructure(
        () => setApprovers(r, s, (list) => list.filter((_, j) => j !== i)),
        `rules.${r}.steps.${s}.approvers`,
        drop(i),
        [`${fieldId(`rules.${r}.steps.${s}`)}-add-approver`, fieldId(`rules.${r}.steps.${s}`)],
        t('removed', { what: `${stepLabel(r, s)} ${t('approverPrefix', { n: i + 1 })}` }),
      ),
  };

  function addRule() {
    const n = draft.rules.length;
    restructure(
      () => setRules((rules) => [...rules, draftRule()]),
      'rules',
      (i) => i,
      [fieldId(`rules.${n}.name`)],
      t('added', { what: t('rulePrefix', { n: n + 1 }) }),
    );
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = toPolicyInput(draft);
    startTransition(async () => {
      const result = await savePolicyAction(input);
      if (result.ok) {
        setErrors({});
        setFailure(null);
        setSaved(result.version);
        router.refresh();
      } else {
        setErrors(result.fieldErrors);
        setFailure(result.message);
        setSaved(null);
      }
      setAnswer((n) => n + 1);
    });
  }

  return (
    <div className="two-col">
      <form className="form" noValidate onSubmit={submit}>
        <div ref={messageRef} tabIndex={-1}>
          {failure !== null ? (
            <ErrorSummary draft={draft} errors={errors} message={failure} current={current} />
          ) : saved !== null ? (
            <div className="alert alert--success" role="status">
              <p>
                {t('saved', { version: saved })} <Link href="/admin/policies">{t('viewSaved')}</Link>
              </p>
            </div>
          ) : null}
        </div>

        <fieldset className="card form-section">
          <legend>{t('basicsSection')}</legend>
          <Field id={fieldId('name')} label={t('nameLabel')} errors={errors.name}>
            {(control) => (
              <input
                {...control}
                type="text"
                autoComplete="off"
                maxLength={100}
                value={draft.name}
                onChange={(e) => setDraft((d) => ({ ...d, name: e.target.value }))}
              />
            )}
          </Field>
          <Field id={fieldId('note')} label={t('noteLabel')} hint={t('noteHint')} errors={errors.note}>
            {(control) => (
              <textarea
                {...control}
                maxLength={2000}
                value={draft.note}
                onChange={(e) => setDraft((d) => ({ ...d, note: e.target.value }))}
              />
            )}
          </Field>
        </fieldset>

        <section className="card" aria-labelledby="policy-rules-title">
          <h2 id="policy-rules-title" tabIndex={-1}>
            {t('rulesSection')}
          </h2>
          <p className="hint" id="policy-rules-hint">
            {t('rulesHint')}
          </p>
          <div id={fieldId('rules')} tabIndex={-1}>
            <FieldError id={errors.rules ? `${fieldId('rules')}-error` : undefined} errors={errors.rules} />
          </div>
          <ol className="policy-rule-list">
            {draft.rules.map((rule, r) => (
              <li key={rule.uid}>
                <RuleFields
                  api={api}
                  r={r}
                  rule={rule}
                  ruleCount={draft.rules.length}
                  departments={departments}
                  people={people}
                />
              </li>
            ))}
          </ol>
          <button type="button" className="button button--secondary" onClick={addRule}>
            {t('addRule')}
          </button>
        </section>

        <fieldset className="card form-section">
          <legend>{t('settingsSection')}</legend>
          <div className="field-row">
            {settingKeys.map((key) => (
              <div key={key}>
                <Field
                  id={fieldId(`settings.${key}`)}
                  label={t(`settings.${key}`)}
                  hint={t(`settingsHints.${key}`)}
                  errors={errors[`settings.${key}`]}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={draft.settings[key]}
                      onChange={(e) =>
                        setDraft((d) => ({ ...d, settings: { ...d.settings, [key]: e.target.value } }))
                      }
                    />
                  )}
                </Field>
              </div>
            ))}
          </div>
        </fieldset>

        <div className="button-row">
          <button type="submit" className="button" disabled={pending || !hydrated}>
            {t('submit')}
          </button>
          <Link href="/admin/policies" className="button button--secondary">
            {t('cancel')}
          </Link>
          {pending ? (
            <span className="muted small" role="status">
              {t('saving')}
            </span>
          ) : null}
        </div>
        <p className="sr-only" role="status">
          {announcement}
        </p>
        <datalist id="policy-approver-emails">
          {people.map((p) => (
            <option key={p.id} value={p.email}>
              {p.name} · {locale === 'en' ? p.departmentNameEn : p.departmentNameKo}
            </option>
          ))}
        </datalist>
      </form>
      <aside className="sticky" aria-labelledby="draft-preview-title">
        <DraftLinePreview draft={draft} names={names} departments={departments} />
      </aside>
    </div>
  );
}
