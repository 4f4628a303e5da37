'use client';

import { useTranslations } from 'next-intl';
import { type Draft, fieldId, settingKeys } from './draft';

/** The order fields appear in on the form, for listing errors top to bottom. */
const formOrder = [
  'name',
  'note',
  'rules',
  'match',
  'departments',
  'kinds',
  'environments',
  'monthlyKrw',
  'totalKrw',
  'min',
  'max',
  'steps',
  'kind',
  'approvers',
  'type',
  'role',
  'departmentCode',
  'email',
  'settings',
  ...settingKeys,
];
const rank = (segment: string) => {
  const i = formOrder.indexOf(segment);
  return i === -1 ? formOrder.length : i;
};
const isIndex = (segment: string | undefined) => segment !== undefined && /^\d+$/.test(segment);

function comparePaths(a: string, b: string): number {
  const x = a.split('.');
  const y = b.split('.');
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const p = x[i]!;
    const q = y[i]!;
    if (p === q) continue;
    if (isIndex(p) && isIndex(q)) return Number(p) - Number(q);
    return rank(p) - rank(q) || p.localeCompare(q);
  }
  return x.length - y.length;
}

/** The control an error path belongs to, trying the path itself, then its enclosing groups. */
function focusField(path: string) {
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const element = document.getElementById(fieldId(parts.slice(0, n).join('.')));
    if (element) {
      element.scrollIntoView({ block: 'center' });
      element.focus();
      return;
    }
  }
}

/**
 * Why the save was refused, above the form: each problem named by where it is ("규칙 3 단계 1 결재자 2
 * 이메일") and linked to its field, and the reassurance that the version in force did not change.
 */
export function ErrorSummary({
  draft,
  errors,
  message,
  current,
}: {
  draft: Draft;
  errors: Record<string, string[]>;
  message: string;
  current: number;
}) {
  const t = useTranslations('admin.policyEditor');
  const entries = Object.entries(errors).sort(([a], [b]) => comparePaths(a, b));

  function where(path: string): string {
    const parts = path.split('.');
    const out: string[] = [];
    let rule = -1;
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      const next = parts[i + 1];
      if (part === 'match') continue;
      if (isIndex(next) && (part === 'rules' || part === 'steps' || part === 'approvers')) {
        const n = Number(next) + 1;
        if (part === 'rules') rule = n - 1;
        out.push(
          part === 'rules'
            ? t('rulePrefix', { n })
            : part === 'steps'
              ? t('stepPrefix', { n })
              : t('approverPrefix', { n }),
        );
        i++;
      } else if (part === 'departments' && isIndex(next)) {
        const code = draft.rules[rule]?.departments[Number(next)];
        out.push(code ? `${t('field.departments')} (${code})` : t('field.departments'));
        i++;
      } else if (part === 'settings' && next) {
        out.push(t.has(`settings.${next}`) ? t(`settings.${next}` as never) : next);
        i++;
      } else if (part === 'name') {
        out.push(rule >= 0 ? t('field.ruleName') : t('field.name'));
      } else {
        out.push(t.has(`field.${part}`) ? t(`field.${part}` as never) : part);
      }
    }
    return out.join(' ');
  }

  return (
    <div className="alert alert--error" role="alert">
      <p className="alert__title">
        {entries.length ? t('errorSummary', { count: entries.length }) : message}
      </p>
      {entries.length ? (
        <ul>
          {entries.map(([path, messages]) => {
            // an unknown department is reported by its index; its checkbox group holds the message
            const target = path.replace(/(\.match\.departments)\.\d+$/, '$1');
            return (
              <li key={path}>
                <a
                  href={`#${fieldId(target)}`}
                  onClick={(event) => {
                    event.preventDefault();
                    focusField(target);
                  }}
                >
                  {where(path)}: {messages.join(' ')}
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
      <p>{t('errorKept', { current })}</p>
    </div>
  );
}
