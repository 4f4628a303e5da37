import { ZodError } from 'zod';
import { AppError } from '@/lib/errors/app-error';
import { databaseUnavailable } from '@/lib/errors/database-unavailable';
import { zodDetails } from '@/lib/errors/zod-details';
import { validationValues } from '@/lib/i18n/validation-values';
import type { Locale } from './config';
import { translateKey } from './translate';

/**
 * Any thrown value as an AppError: a lost database connection becomes `unavailable` (try again
 * shortly), other unknown errors a generic `internal`; their text stays in the log.
 */
export function toAppError(error: unknown, where: string): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return new AppError('bad_request', { details: zodDetails(error) });
  const unavailable = databaseUnavailable(error);
  if (unavailable) {
    console.warn(`[${where}] ${unavailable.message}`);
    return unavailable;
  }
  console.error(`[${where}] unexpected error`, error);
  return new AppError('internal');
}

/** The user-facing message of an error; a request status inside it reads as its label ("이미 승인 상태인 …"). */
export function errorMessage(locale: Locale, error: AppError): string {
  const values = Object.fromEntries(
    Object.entries(error.values).map(([name, value]) => [
      name,
      typeof value === 'string' && ['status', 'from', 'to'].includes(name)
        ? translateKey(locale, `enums.requestStatus.${value}`, {}, value)
        : value,
    ]),
  );
  return translateKey(
    locale,
    `errors.${error.messageKey}`,
    values,
    translateKey(locale, `errors.${error.code}`),
  );
}

/**
 * Field errors with catalogue keys (validation.*, errors.*) turned into text in the user's language.
 * Zod's own wording (no key) becomes the generic "check this field" so no English reaches a Korean user.
 */
export function fieldErrorMessages(
  locale: Locale,
  fieldErrors: Record<string, string[]>,
): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, keys]) => [
      field,
      keys.map((key) =>
        /^(validation|errors)\./.test(key)
          ? translateKey(locale, key, validationValues[key] ?? {}, key)
          : translateKey(locale, 'errors.bad_request'),
      ),
    ]),
  );
}

/** The details of an error for the client, with field errors translated. */
export function errorDetails(locale: Locale, details: unknown): unknown {
  if (!details || typeof details !== 'object' || !('fieldErrors' in details)) return details;
  return {
    fieldErrors: fieldErrorMessages(
      locale,
      (details as { fieldErrors: Record<string, string[]> }).fieldErrors,
    ),
  };
}
