import { LIMITS } from '@/lib/catalog/spec-schemas';

/**
 * Values for validation messages that name a range ("디스크는 {min}~{max}GB …"); the schemas report
 * only the message key, the limits live beside the spec schemas.
 */
export const validationValues: Record<string, { min: number; max: number }> = {
  'validation.diskGb': LIMITS.diskGb,
  'validation.sizeGb': LIMITS.volumeGb,
  'validation.instances': LIMITS.instances,
  'validation.cpu': LIMITS.cpu,
  'validation.memory': LIMITS.memory,
  'validation.expiresInDays': { min: 1, max: 365 },
};
