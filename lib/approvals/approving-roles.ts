import type { Role } from '@/lib/auth/actor';

/**
 * The roles that may sign a step of the 결재선 (save-policy.ts and reassign-step.ts refuse anyone
 * else). Plain data, so the policy editor in the browser can offer the same list.
 */
export const approvingRoles = [
  'dept_approver',
  'it_reviewer',
  'senior_approver',
  'planner',
  'admin',
] as const satisfies readonly Role[];
