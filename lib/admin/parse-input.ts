import type { z } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';

/** Parses a use case's input; bad input is a 400 whose field errors are catalogue keys. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError('bad_request', { details: zodDetails(result.error) });
  return result.data;
}

/** True for PostgreSQL's unique_violation (23505), also when drizzle wraps the driver's error. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === 'object' && depth < 3; depth++) {
    const pgError = e as { code?: unknown; constraint?: unknown; cause?: unknown };
    if (pgError.code === '23505') return constraint === undefined || pgError.constraint === constraint;
    e = pgError.cause;
  }
  return false;
}
