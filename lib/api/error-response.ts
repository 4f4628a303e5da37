import { ZodError } from 'zod';
import { LIMITS } from '@/lib/catalog/spec-schemas';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import type { Locale } from '@/lib/i18n/config';
import { translateKey } from '@/lib/i18n/translate';

// validation messages that name a range ("{min}~{max}GB") get it from the limits the schemas enforce
const rangeValues: Record<string, { min: number; max: number }> = {
  'validation.diskGb': LIMITS.diskGb,
  'validation.sizeGb': LIMITS.volumeGb,
  'validation.instances': LIMITS.instances,
  'validation.cpu': LIMITS.cpu,
  'validation.memory': LIMITS.memory,
};

/** A request status named inside a message reads as its label ("이미 승인 상태인 요청입니다"). */
function labelledValues(locale: Locale, values: Record<string, string | number>) {
  return Object.fromEntries(
    Object.entries(values).map(([name, value]) => [
      name,
      typeof value === 'string' && ['status', 'from', 'to'].includes(name)
        ? translateKey(locale, `enums.requestStatus.${value}`, {}, value)
        : value,
    ]),
  );
}

function translateDetails(locale: Locale, details: unknown): unknown {
  if (!details || typeof details !== 'object' || !('fieldErrors' in details)) return details;
  const fieldErrors = (details as { fieldErrors: Record<string, string[]> }).fieldErrors;
  return {
    fieldErrors: Object.fromEntries(
      Object.entries(fieldErrors).map(([field, messages]) => [
        field,
        messages.map((m) => translateKey(locale, m, rangeValues[m] ?? {}, m)),
      ]),
    ),
  };
}

/** Field errors with catalogue keys turned into text in the user's language (forms use this too). */
export function translateFieldErrors(locale: Locale, fieldErrors: Record<string, string[]>) {
  return (translateDetails(locale, { fieldErrors }) as { fieldErrors: Record<string, string[]> }).fieldErrors;
}

/** The error shape of API.md, in the caller's language. Unknown errors become a generic 500. */
export function errorResponse(error: unknown, locale: Locale): Response {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof ZodError) appError = new AppError('bad_request', { details: zodDetails(error) });
  else {
    console.error('[api] unexpected error', error);
    appError = new AppError('internal');
  }
  const message = translateKey(
    locale,
    `errors.${appError.messageKey}`,
    labelledValues(locale, appError.values),
    translateKey(locale, `errors.${appError.code}`),
  );
  const body: { error: { code: string; message: string; details?: unknown } } = {
    error: { code: appError.code, message },
  };
  if (appError.details !== undefined) body.error.details = translateDetails(locale, appError.details);
  return Response.json(body, { status: appError.status });
}
