import { asc, inArray } from 'drizzle-orm';
import { getDb } from '@/db';
import { departments, users } from '@/db/schema/org';
import { getActivePolicy } from './get-active-policy';
import type { Policy } from './policy-schema';

export type DepartmentName = { id: string; code: string; nameKo: string; nameEn: string };

/** Every department's code and names, by Korean name (for filters and approver labels). */
export async function listDepartmentNames(): Promise<DepartmentName[]> {
  return getDb()
    .select({
      id: departments.id,
      code: departments.code,
      nameKo: departments.nameKo,
      nameEn: departments.nameEn,
    })
    .from(departments)
    .orderBy(asc(departments.nameKo));
}

/** What a browser needs to compute the 결재선 of a request before it is submitted. */
export type LinePreviewData = {
  policy: Pick<Policy, 'name' | 'rules' | 'settings'> & { version: number };
  departments: DepartmentName[];
  /** the people the policy names by email, with their names (an unknown address shows as itself) */
  people: { email: string; name: string }[];
};

/**
 * The policy in force with the names its approvers need on screen: the form runs the same pure
 * buildApprovalLine as the server, so the preview is the line the request will get.
 */
export async function getLinePreviewData(): Promise<LinePreviewData> {
  const [policy, departmentNames] = await Promise.all([getActivePolicy(), listDepartmentNames()]);
  const emails = [
    ...new Set(
      policy.rules.flatMap((rule) =>
        rule.steps.flatMap((step) =>
          step.approvers.flatMap((a) => (a.type === 'user' ? [a.email.toLowerCase()] : [])),
        ),
      ),
    ),
  ];
  const people = emails.length
    ? await getDb()
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(inArray(users.email, emails))
    : [];
  return {
    policy: { name: policy.name, rules: policy.rules, settings: policy.settings, version: policy.version },
    departments: departmentNames,
    people,
  };
}
