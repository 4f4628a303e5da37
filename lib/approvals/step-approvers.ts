import { and, eq, gte, inArray, isNull, lte, type SQL } from 'drizzle-orm';
import type { getDb, Tx } from '@/db';
import { delegations } from '@/db/schema/approvals';
import { userRoles, users } from '@/db/schema/org';
import type { approvalSteps } from '@/db/schema/requests';
import type { Actor } from '@/lib/auth/actor';

type Step = Pick<
  typeof approvalSteps.$inferSelect,
  'approverRole' | 'approverDepartmentId' | 'approverUserId'
>;
export type Person = { id: string; email: string; name: string };

/** Today's date in Asia/Seoul (delegation ranges are Seoul dates). */
export function seoulDate(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(now);
}

/** The people a step names: the named person, or everyone holding the role in the department. */
export async function directApprovers(db: Tx | ReturnType<typeof getDb>, step: Step): Promise<Person[]> {
  const columns = { id: users.id, email: users.email, name: users.name };
  if (step.approverUserId) {
    return db
      .select(columns)
      .from(users)
      .where(and(eq(users.id, step.approverUserId), eq(users.active, true)));
  }
  if (!step.approverRole) return [];
  const filters: SQL[] = [eq(userRoles.role, step.approverRole), eq(users.active, true)];
  if (step.approverDepartmentId) filters.push(eq(users.departmentId, step.approverDepartmentId));
  return db
    .select(columns)
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(...filters));
}

/** 대결: substitutes in force on `now` for any of these approvers, with whom each acts for. */
export async function activeSubstitutes(
  db: Tx | ReturnType<typeof getDb>,
  approvers: Person[],
  now: Date,
): Promise<(Person & { actingFor: Person })[]> {
  if (approvers.length === 0) return [];
  const today = seoulDate(now);
  const rows = await db
    .select({ userId: delegations.userId, id: users.id, email: users.email, name: users.name })
    .from(delegations)
    .innerJoin(users, eq(users.id, delegations.substituteId))
    .where(
      and(
        inArray(
          delegations.userId,
          approvers.map((p) => p.id),
        ),
        isNull(delegations.revokedAt),
        lte(delegations.startsOn, today),
        gte(delegations.endsOn, today),
        eq(users.active, true),
      ),
    );
  return rows.map((r) => {
    const { id, email, name } = approvers.find((p) => p.id === r.userId)!;
    return { id: r.id, email: r.email, name: r.name, actingFor: { id, email, name } };
  });
}

/** Everyone who can act on a step now, each once: its approvers, then substitutes acting for them. */
export async function stepApprovers(
  db: Tx | ReturnType<typeof getDb>,
  step: Step,
  now: Date = new Date(),
): Promise<(Person & { actingFor: Person | null })[]> {
  const direct = await directApprovers(db, step);
  const subs = await activeSubstitutes(db, direct, now);
  const all = direct.map((p) => ({ ...p, actingFor: null as Person | null }));
  for (const s of subs) if (!all.some((p) => p.id === s.id)) all.push(s);
  return all;
}

/**
 * Whether the actor may decide the step, and for whom: themselves (actingFor null), or — as a
 * substitute in force — an approver of the step (대결). Null when they may not.
 */
export async function actorMayDecide(
  db: Tx | ReturnType<typeof getDb>,
  actor: Actor,
  step: Step,
  now: Date = new Date(),
): Promise<{ actingFor: Person | null } | null> {
  const direct = step.approverUserId
    ? step.approverUserId === actor.id
    : step.approverRole !== null &&
      actor.roles.includes(step.approverRole) &&
      (step.approverDepartmentId === null || step.approverDepartmentId === actor.departmentId);
  if (direct) return { actingFor: null };
  const approvers = await directApprovers(db, step);
  const subs = await activeSubstitutes(db, approvers, now);
  const mine = subs.find((s) => s.id === actor.id);
  return mine ? { actingFor: mine.actingFor } : null;
}
