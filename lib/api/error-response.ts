import { unavailableRetryAfterSeconds } from '@/lib/errors/database-unavailable';
import type { Locale } from '@/lib/i18n/config';
import { errorDetails, errorMessage, toAppError } from '@/lib/i18n/translate-error';

/**
 * The error shape of API.md, in the caller's language. A lost database connection is a 503 with
 * Retry-After (the client may try again, with the same Idempotency-Key); other unknown errors
 * become a generic 500.
 */
export function errorResponse(error: unknown, locale: Locale): Response {
  const appError = toAppError(error, 'api');
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: appError.code, message: errorMessage(locale, appError) },
  };
  if (appError.details !== undefined) body.error.details = errorDetails(locale, appError.details);
  const headers =
    appError.code === 'unavailable' ? { 'Retry-After': String(unavailableRetryAfterSeconds) } : undefined;
  return Response.json(body, { status: appError.status, headers });
}
