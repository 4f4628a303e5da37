import { eq, inArray } from 'drizzle-orm';
import type { Tx } from '@/db';
import { departments, users } from '@/db/schema/org';
import type { ReferenceData } from '@/lib/catalog/reference-data';
import { AppError } from '@/lib/errors/app-error';
import { buildApprovalLine, leaseMonths, totalCostKrw } from './build-approval-line';
import type { ActivePolicy } from './get-active-policy';

export type PlannedRow = {
  order: number;
  kind: 'review' | 'consult' | 'approve';
  ruleName: string;
  approverRole:
    | 'requester'
    | 'dept_approver'
    | 'it_reviewer'
    | 'senior_approver'
    | 'planner'
    | 'admin'
    | null;
  approverDepartmentId: string | null;
  approverUserId: string | null;
};

export type PlanLineOptions = {
  policy: ActivePolicy;
  /** department codes from reference data already read; read from the database when absent */
  reference?: ReferenceData;
  departmentId: string;
  kind: 'vm' | 'platform_slot' | 'volume' | 'scale_up' | 'resize';
  environment: 'dev' | 'staging' | 'prod';
  monthlyKrw: number;
  leaseUntil: string | null | undefined;
  now: Date;
};

/** The line for a request under a policy, with department codes and emails resolved to ids. */
export async function planLine(tx: Tx, options: PlanLineOptions): Promise<PlannedRow[]> {
  const known = options.reference?.departments;
  const [dept] = known
    ? known.filter((d) => d.id === options.departmentId)
    : await tx
        .select({ code: departments.code })
        .from(departments)
        .where(eq(departments.id, options.departmentId));
  if (!dept) throw new AppError('not_found', { messageKey: 'departmentNotFound' });
  const planned = buildApprovalLine(options.policy, {
    departmentCode: dept.code,
    kind: options.kind,
    environment: options.environment,
    monthlyKrw: options.monthlyKrw,
    totalKrw: totalCostKrw(
      options.monthlyKrw,
      leaseMonths(options.leaseUntil, options.now),
      options.policy.settings.monthsWithoutLease,
    ),
  });
  const codes = planned.flatMap((s) =>
    s.approver.type === 'department_role' ? [s.approver.departmentCode] : [],
  );
  const emails = planned.flatMap((s) => (s.approver.type === 'user' ? [s.approver.email.toLowerCase()] : []));
  const deptRows = known
    ? known.filter((d) => codes.includes(d.code))
    : codes.length
      ? await tx
          .select({ id: departments.id, code: departments.code })
          .from(departments)
          .where(inArray(departments.code, codes))
      : [];
  const userRows = emails.length
    ? await tx.select({ id: users.id, email: users.email }).from(users).where(inArray(users.email, emails))
    : [];
  return planned.map((step) => {
    const a = step.approver;
    const base = { order: step.order, kind: step.kind, ruleName: step.ruleName };
    if (a.type === 'requester_department_role') {
      return {
        ...base,
        approverRole: a.role,
        approverDepartmentId: options.departmentId,
        approverUserId: null,
      };
    }
    if (a.type === 'department_role') {
      const id = deptRows.find((d) => d.code === a.departmentCode)?.id;
      if (!id)
        throw new AppError('rule', { messageKey: 'policyUnresolvable', values: { name: a.departmentCode } });
      return { ...base, approverRole: a.role, approverDepartmentId: id, approverUserId: null };
    }
    const id = userRows.find((u) => u.email === a.email.toLowerCase())?.id;
    if (!id) throw new AppError('rule', { messageKey: 'policyUnresolvable', values: { name: a.email } });
    return { ...base, approverRole: null, approverDepartmentId: null, approverUserId: id };
  });
}
