import type { Locale } from '@/lib/i18n/config';
import { errorDetails, errorMessage, toAppError } from '@/lib/i18n/translate-error';

/** The error shape of API.md, in the caller's language. Unknown errors become a generic 500. */
export function errorResponse(error: unknown, locale: Locale): Response {
  const appError = toAppError(error, 'api');
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: appError.code, message: errorMessage(locale, appError) },
  };
  if (appError.details !== undefined) body.error.details = errorDetails(locale, appError.details);
  return Response.json(body, { status: appError.status });
}
