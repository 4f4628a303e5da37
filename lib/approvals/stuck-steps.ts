import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db';
import { catalogItems } from '@/db/schema/catalog';
import { departments, users } from '@/db/schema/org';
import { approvalSteps, requests } from '@/db/schema/requests';
import type { Actor, Role } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { workingHoursBetween } from '@/lib/calendar/working-hours';
import { type Person, stepApprovers } from './step-approvers';

const requestDept = alias(departments, 'request_dept');
const approverDept = alias(departments, 'approver_dept');
const requester = alias(users, 'requester');
const approverUser = alias(users, 'approver_user');

/** A pending step of a request in approval, as the admin's reassignment list shows it. */
export type StuckStep = {
  stepId: string;
  requestId: string;
  /** REQ-000123 */
  number: string;
  item: { nameKo: string; nameEn: string };
  department: { nameKo: string; nameEn: string };
  requester: { id: string; name: string };
  kind: 'review' | 'consult' | 'approve';
  order: number;
  ruleName: string | null;
  /** who the step names: a role (in a department, or any department) or a person */
  approver: {
    role: Role | null;
    department: { nameKo: string; nameEn: string } | null;
    user: { id: string; name: string; email: string } | null;
  };
  /** the people who can act on it now (approvers and substitutes in force), never the drafter */
  canAct: (Person & { actingFor: Person | null })[];
  pendingSince: Date;
  /** whole hours of working time (09–18 Seoul, weekdays, not holidays) it has waited */
  workingHours: number;
  reminded: boolean;
  escalated: boolean;
};

export type ListStuckStepsOptions = { actor: Actor; now?: Date; limit?: number };

/**
 * The pending steps of the current round of every request in approval, oldest first, with how long
 * each has waited in working hours and who could act on it — a step nobody can act on (its role is
 * vacant, its person inactive) waits forever until an admin reassigns it.
 */
export async function listStuckSteps({
  actor,
  now = new Date(),
  limit = 200,
}: ListStuckStepsOptions): Promise<StuckStep[]> {
  requirePermission(actor, 'admin:manage');
  const db = getDb();
  const rows = await db
    .select({
      step: approvalSteps,
      seq: requests.seq,
      requesterId: requests.requesterId,
      requesterName: requester.name,
      itemKo: catalogItems.nameKo,
      itemEn: catalogItems.nameEn,
      departmentKo: requestDept.nameKo,
      departmentEn: requestDept.nameEn,
      approverDeptKo: approverDept.nameKo,
      approverDeptEn: approverDept.nameEn,
      approverUserName: approverUser.name,
      approverUserEmail: approverUser.email,
    })
    .from(approvalSteps)
    .innerJoin(
      requests,
      and(eq(requests.id, approvalSteps.requestId), eq(requests.round, approvalSteps.round)),
    )
    .innerJoin(requestDept, eq(requestDept.id, requests.departmentId))
    .innerJoin(requester, eq(requester.id, requests.requesterId))
    .innerJoin(catalogItems, eq(catalogItems.id, requests.catalogItemId))
    .leftJoin(approverDept, eq(approverDept.id, approvalSteps.approverDepartmentId))
    .leftJoin(approverUser, eq(approverUser.id, approvalSteps.approverUserId))
    .where(and(eq(approvalSteps.status, 'pending'), eq(requests.status, 'in_approval')))
    .orderBy(sql`${approvalSteps.pendingSince} asc nulls first`, asc(requests.seq), asc(approvalSteps.id))
    .limit(limit);

  const out: StuckStep[] = [];
  for (const row of rows) {
    const { step } = row;
    const pendingSince = step.pendingSince ?? now;
    // segregation of duties: the drafter is never asked (activate-step-group.ts skips them too)
    const canAct = (await stepApprovers(db, step, now)).filter((p) => p.id !== row.requesterId);
    out.push({
      stepId: step.id,
      requestId: step.requestId,
      number: `REQ-${String(row.seq).padStart(6, '0')}`,
      item: { nameKo: row.itemKo, nameEn: row.itemEn },
      department: { nameKo: row.departmentKo, nameEn: row.departmentEn },
      requester: { id: row.requesterId, name: row.requesterName },
      kind: step.kind,
      order: step.order,
      ruleName: step.ruleName,
      approver: {
        role: step.approverRole,
        department:
          row.approverDeptKo !== null && row.approverDeptEn !== null
            ? { nameKo: row.approverDeptKo, nameEn: row.approverDeptEn }
            : null,
        user:
          step.approverUserId && row.approverUserName !== null && row.approverUserEmail !== null
            ? { id: step.approverUserId, name: row.approverUserName, email: row.approverUserEmail }
            : null,
      },
      canAct,
      pendingSince,
      workingHours: Math.floor(workingHoursBetween(pendingSince, now)),
      reminded: step.reminderSentAt !== null,
      escalated: step.escalatedAt !== null,
    });
  }
  return out;
}
