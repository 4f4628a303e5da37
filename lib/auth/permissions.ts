import { AppError } from '@/lib/errors/app-error';
import { type Actor, hasRole, type Role } from './actor';

/** Deny by default: a permission not listed here is held by nobody. */
const grants = {
  'requests:create': ['requester', 'dept_approver', 'admin'],
  'requests:read': ['requester', 'dept_approver', 'it_reviewer', 'senior_approver', 'planner', 'admin'],
  'requests:decide': ['dept_approver', 'it_reviewer', 'senior_approver', 'planner', 'admin'],
  'resources:read': ['requester', 'dept_approver', 'it_reviewer', 'senior_approver', 'planner', 'admin'],
  'catalog:read': ['requester', 'dept_approver', 'it_reviewer', 'senior_approver', 'planner', 'admin'],
  'tokens:manage': ['requester', 'dept_approver', 'it_reviewer', 'senior_approver', 'planner', 'admin'],
  'admin:manage': ['admin'],
  'pools:read': ['it_reviewer', 'planner', 'admin'],
  // the planners' dashboards: savings against standalone builds, showback, utilisation
  'dashboards:read': ['it_reviewer', 'senior_approver', 'planner', 'admin'],
  // 월 마감: materialising a month's report by hand (the scheduled job closes the month before anyway)
  'reports:close': ['planner', 'admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof grants;

export function can(actor: Actor, permission: Permission): boolean {
  return hasRole(actor, ...grants[permission]);
}

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new AppError('forbidden', { log: `${actor.email} lacks ${permission}` });
}
