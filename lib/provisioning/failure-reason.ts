import type { ProviderErrorCode } from './providers/types';

const codes: ReadonlySet<string> = new Set<ProviderErrorCode>([
  'auth_failed',
  'forbidden',
  'not_found',
  'quota_exceeded',
  'no_capacity',
  'invalid_request',
  'conflict',
  'unavailable',
  'timeout',
]);

/**
 * A stored failure reason split into the provider's closed code (shown as a sentence in the reader's
 * language) and the cloud's own words (kept as they are: they are what an operator searches for).
 */
export function splitFailureReason(reason: string): { code: ProviderErrorCode | null; detail: string } {
  const match = /^\[([a-z_]+)\] ([\s\S]*)$/.exec(reason);
  if (match && codes.has(match[1]!)) return { code: match[1] as ProviderErrorCode, detail: match[2]! };
  return { code: null, detail: reason };
}
