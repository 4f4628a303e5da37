import type { z } from 'zod';

/**
 * Turns zod issues into `{ fieldErrors: { 'spec.diskGb': [messageKey] }, issues }`.
 * Messages are catalogue keys (validation.*) or zod's own text; the API layer translates them.
 */
export function zodDetails(error: z.ZodError, prefix: (string | number)[] = []) {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = [...prefix, ...issue.path].map(String).join('.') || '_';
    fieldErrors[key] ??= [];
    fieldErrors[key].push(issue.message);
  }
  return { fieldErrors };
}
