import { POLICY_LIMITS } from '@/lib/approvals/policy-schema';
import { LIMITS } from '@/lib/catalog/spec-schemas';

/**
 * Validation messages that name a range ("디스크는 {min}~{max}GB …") get it from the limits the
 * schemas enforce, so the message and the rule cannot drift apart. Pure data: forms use it too.
 */
export const validationValues: Record<string, { min: number; max: number }> = {
  'validation.diskGb': LIMITS.diskGb,
  'validation.sizeGb': LIMITS.volumeGb,
  'validation.instances': LIMITS.instances,
  'validation.cpu': LIMITS.cpu,
  'validation.memory': LIMITS.memory,
  'validation.expiresInDays': { min: 1, max: 365 },
  'validation.reminderWorkingHours': POLICY_LIMITS.reminderWorkingHours,
  'validation.escalationWorkingHours': POLICY_LIMITS.escalationWorkingHours,
  'validation.linkTtlHours': POLICY_LIMITS.linkTtlHours,
  'validation.monthsWithoutLease': POLICY_LIMITS.monthsWithoutLease,
};
