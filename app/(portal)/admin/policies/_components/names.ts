import type { ApprovingUser, DepartmentChoice } from '@/lib/approvals/policy-queries';
import type { Locale } from '@/lib/i18n/config';
import type { PolicyNames } from './rule-text';

/** The names a policy's codes and addresses stand for, in the reader's language. */
export function policyNames(
  departments: DepartmentChoice[],
  people: ApprovingUser[],
  locale: Locale,
): PolicyNames {
  return {
    departments: Object.fromEntries(departments.map((d) => [d.code, locale === 'en' ? d.nameEn : d.nameKo])),
    people: Object.fromEntries(people.map((p) => [p.email.toLowerCase(), p.name])),
  };
}
