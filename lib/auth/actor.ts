import type { roleEnum } from '@/db/schema/enums';

export type Role = (typeof roleEnum.enumValues)[number];
export const roles = [
  'requester',
  'dept_approver',
  'it_reviewer',
  'senior_approver',
  'planner',
  'admin',
] as const satisfies readonly Role[];

/** Who is acting: a signed-in user, a token holder, or the system (jobs). */
export type Actor = {
  id: string;
  email: string;
  name: string;
  departmentId: string;
  roles: Role[];
  via: 'session' | 'token' | 'cli' | 'system';
  ip?: string | null;
};

export function hasRole(actor: Actor, ...wanted: Role[]): boolean {
  return wanted.some((role) => actor.roles.includes(role));
}

/** IT staff, planners, senior approvers and admins see every department; everyone else only their own. */
export function seesAllDepartments(actor: Actor): boolean {
  return hasRole(actor, 'it_reviewer', 'senior_approver', 'planner', 'admin');
}
