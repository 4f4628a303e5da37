import { inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { approvalPolicies } from '@/db/schema/approvals';
import { departments, userRoles, users } from '@/db/schema/org';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { approvingRoles } from './approving-roles';
import { getActivePolicy } from './get-active-policy';
import type { Policy } from './policy-schema';

const APPROVING_ROLES: readonly string[] = approvingRoles;

export type SavePolicyOptions = { actor: Actor; policy: Policy };

/**
 * Saves a new version of the approval policy (the old versions stay; requests keep the line they were
 * given). Refuses a policy naming a department code or a person that does not exist, or a person who
 * cannot approve, with the field it is about; the version in force stays as it was.
 */
export async function savePolicy({ actor, policy }: SavePolicyOptions): Promise<{ version: number }> {
  requirePermission(actor, 'admin:manage');
  const fieldErrors: Record<string, string[]> = {};
  const codes = new Set<string>();
  const emails = new Set<string>();
  policy.rules.forEach((rule) => {
    for (const code of rule.match.departments ?? []) codes.add(code);
    for (const step of rule.steps) {
      for (const a of step.approvers) {
        if (a.type === 'department_role') codes.add(a.departmentCode);
        if (a.type === 'user') emails.add(a.email.toLowerCase());
      }
    }
  });
  const db = getDb();
  const known = codes.size
    ? new Set(
        (
          await db
            .select({ code: departments.code })
            .from(departments)
            .where(inArray(departments.code, [...codes]))
        ).map((d) => d.code),
      )
    : new Set<string>();
  const approvers = emails.size
    ? await db
        .select({ email: users.email, role: userRoles.role, active: users.active })
        .from(users)
        .innerJoin(userRoles, sql`${userRoles.userId} = ${users.id}`)
        .where(inArray(users.email, [...emails]))
    : [];
  policy.rules.forEach((rule, r) => {
    (rule.match.departments ?? []).forEach((code, i) => {
      if (!known.has(code)) fieldErrors[`rules.${r}.match.departments.${i}`] = ['errors.departmentNotFound'];
    });
    rule.steps.forEach((step, s) => {
      step.approvers.forEach((a, i) => {
        const path = `rules.${r}.steps.${s}.approvers.${i}`;
        if (a.type === 'department_role' && !known.has(a.departmentCode)) {
          fieldErrors[`${path}.departmentCode`] = ['errors.departmentNotFound'];
        }
        if (a.type === 'user') {
          const held = approvers.filter((u) => u.email === a.email.toLowerCase());
          if (held.length === 0) fieldErrors[`${path}.email`] = ['errors.userNotFound'];
          // a disabled account cannot sign: its step would wait for nobody
          else if (!held.some((u) => u.active && APPROVING_ROLES.includes(u.role)))
            fieldErrors[`${path}.email`] = ['errors.notAnApprover'];
        }
      });
    });
  });
  if (Object.keys(fieldErrors).length) throw new AppError('bad_request', { details: { fieldErrors } });

  return db.transaction(async (tx) => {
    // serialise saves so two admins never write the same version
    await tx.execute(sql`select pg_advisory_xact_lock(726354002)`);
    const current = await getActivePolicy(tx);
    const version = current.version + 1;
    await tx.insert(approvalPolicies).values({
      version,
      name: policy.name,
      note: policy.note,
      rules: policy.rules,
      settings: policy.settings,
      createdBy: actor.id,
    });
    await writeAudit(tx, {
      actor,
      action: 'policy.saved',
      entityType: 'approval_policy',
      entityId: String(version),
      before: {
        version: current.version,
        name: current.name,
        rules: current.rules,
        settings: current.settings,
      },
      after: { version, name: policy.name, rules: policy.rules, settings: policy.settings },
    });
    return { version };
  });
}
