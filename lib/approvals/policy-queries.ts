import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { approvalPolicies } from '@/db/schema/approvals';
import { departments, userRoles, users } from '@/db/schema/org';
import { type Actor, roles as allRoles, type Role } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { approvingRoles } from './approving-roles';
import { defaultPolicy, type Policy, policyInput } from './policy-schema';

// Reads of the administrators' side of the approval policy (결재 규정): its versions, one version,
// and the departments and people the editor offers. Only holders of admin:manage may call them.

export type PolicyAuthor = { name: string; email: string };

/** One row of the version history; version 0 is the built-in default (never stored). */
export type PolicyVersionSummary = {
  version: number;
  name: string;
  note: string;
  ruleCount: number;
  createdAt: Date | null;
  createdBy: PolicyAuthor | null;
  inForce: boolean;
};

/** A whole version: the policy itself, when and by whom it was saved, and whether it is in force. */
export type PolicyVersion = Policy & {
  version: number;
  createdAt: Date | null;
  createdBy: PolicyAuthor | null;
  inForce: boolean;
};

const builtIn = (inForce: boolean): PolicyVersion => ({
  ...defaultPolicy,
  version: 0,
  createdAt: null,
  createdBy: null,
  inForce,
});

function storedVersions() {
  return getDb()
    .select({
      version: approvalPolicies.version,
      name: approvalPolicies.name,
      note: approvalPolicies.note,
      rules: approvalPolicies.rules,
      settings: approvalPolicies.settings,
      ruleCount: sql<number>`jsonb_array_length(${approvalPolicies.rules})::int`,
      createdAt: approvalPolicies.createdAt,
      authorName: users.name,
      authorEmail: users.email,
    })
    .from(approvalPolicies)
    .leftJoin(users, eq(users.id, approvalPolicies.createdBy));
}
type StoredVersion = Awaited<ReturnType<ReturnType<typeof storedVersions>['execute']>>[number];

const authorOf = (row: StoredVersion): PolicyAuthor | null =>
  row.authorName !== null && row.authorEmail !== null
    ? { name: row.authorName, email: row.authorEmail }
    : null;

export type ListPolicyVersionsOptions = { actor: Actor };

/** Every saved version, newest first, then the built-in default (in force while nothing was saved). */
export async function listPolicyVersions({
  actor,
}: ListPolicyVersionsOptions): Promise<PolicyVersionSummary[]> {
  requirePermission(actor, 'admin:manage');
  const rows = await storedVersions().orderBy(desc(approvalPolicies.version));
  const saved = rows.map((row, i) => ({
    version: row.version,
    name: row.name,
    note: row.note,
    ruleCount: row.ruleCount,
    createdAt: row.createdAt,
    createdBy: authorOf(row),
    inForce: i === 0,
  }));
  const fallback = builtIn(saved.length === 0);
  return [
    ...saved,
    {
      version: 0,
      name: fallback.name,
      note: fallback.note,
      ruleCount: fallback.rules.length,
      createdAt: null,
      createdBy: null,
      inForce: fallback.inForce,
    },
  ];
}

export type GetPolicyVersionOptions = {
  actor: Actor;
  /** the version to read; without it, the version in force */
  version?: number;
};

/** One version (0: the built-in default), or null when there is no such version. */
export async function getPolicyVersion({
  actor,
  version,
}: GetPolicyVersionOptions): Promise<PolicyVersion | null> {
  requirePermission(actor, 'admin:manage');
  if (version !== undefined && (!Number.isSafeInteger(version) || version < 0)) return null;
  const [latest] = await storedVersions().orderBy(desc(approvalPolicies.version)).limit(1);
  if (version === 0 || (version === undefined && !latest)) return builtIn(!latest);
  const [row] =
    version === undefined || version === latest?.version
      ? [latest]
      : await storedVersions().where(eq(approvalPolicies.version, version));
  if (!row) return null;
  // stored versions were validated when saved; parsing again fills defaults added since
  const policy = policyInput.parse({
    name: row.name,
    note: row.note,
    rules: row.rules,
    settings: row.settings,
  });
  return {
    ...policy,
    version: row.version,
    createdAt: row.createdAt,
    createdBy: authorOf(row),
    inForce: row.version === latest?.version,
  };
}

export type DepartmentChoice = { code: string; nameKo: string; nameEn: string };

export type ListPolicyDepartmentsOptions = { actor: Actor };

/** Every department by Korean name: what a rule may match and a step may name. */
export async function listPolicyDepartments({
  actor,
}: ListPolicyDepartmentsOptions): Promise<DepartmentChoice[]> {
  requirePermission(actor, 'admin:manage');
  return getDb()
    .select({ code: departments.code, nameKo: departments.nameKo, nameEn: departments.nameEn })
    .from(departments)
    .orderBy(asc(departments.nameKo));
}

/** An active user who may sign a step (holds an approving role), for the editor and reassignment. */
export type ApprovingUser = {
  id: string;
  email: string;
  name: string;
  departmentCode: string;
  departmentNameKo: string;
  departmentNameEn: string;
  roles: Role[];
};

export type ListApprovingUsersOptions = { actor: Actor };

/** Active users holding an approving role, by name, with all their roles and their department. */
export async function listApprovingUsers({ actor }: ListApprovingUsersOptions): Promise<ApprovingUser[]> {
  requirePermission(actor, 'admin:manage');
  const rows = await getDb()
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      departmentCode: departments.code,
      departmentNameKo: departments.nameKo,
      departmentNameEn: departments.nameEn,
      // text[]: pg cannot parse enum arrays
      roles: sql<string[]>`array_agg(${userRoles.role}::text)`,
    })
    .from(users)
    .innerJoin(departments, eq(departments.id, users.departmentId))
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(eq(users.active, true))
    .groupBy(users.id, departments.id)
    .having(sql`bool_or(${inArray(userRoles.role, [...approvingRoles])})`)
    .orderBy(asc(users.name), asc(users.email));
  return rows.map((row) => ({ ...row, roles: allRoles.filter((role) => row.roles.includes(role)) }));
}
