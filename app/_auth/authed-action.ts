import { unstable_rethrow } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import { ZodError, type z } from 'zod';
import type { ActionResult } from '@/components/forms/action-result';
import { validationValues } from '@/components/forms/validation-values';
import { translateFieldErrors } from '@/lib/api/error-response';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import { type Locale, toLocale } from '@/lib/i18n/config';
import { translateKey } from '@/lib/i18n/translate';
import { requireActor } from './require-actor';

export type { ActionResult };

function fieldErrorsFrom(locale: Locale, raw: Record<string, string[]>): Record<string, string[]> {
  const plain: Record<string, string[]> = {};
  const ranged: Record<string, string[]> = {};
  const push = (into: Record<string, string[]>, field: string, message: string) => {
    into[field] = [...(into[field] ?? []), message];
  };
  for (const [field, keys] of Object.entries(raw)) {
    for (const key of keys) {
      const values = validationValues[key];
      if (values) push(ranged, field, translateKey(locale, key, values));
      // zod's own English text (not a catalogue key) never reaches a Korean user
      else push(plain, field, /^(validation|errors)\./.test(key) ? key : 'validation.required');
    }
  }
  const translated = translateFieldErrors(locale, plain);
  for (const [field, messages] of Object.entries(ranged)) {
    translated[field] = [...(translated[field] ?? []), ...messages];
  }
  return translated;
}

function messageOf(locale: Locale, error: AppError): string {
  const values = { ...error.values };
  // a request status inside a message reads as its label ("이미 승인 상태인 요청입니다")
  for (const name of ['status', 'from', 'to'] as const) {
    const value = values[name];
    if (typeof value === 'string') {
      values[name] = translateKey(locale, `enums.requestStatus.${value}`, {}, value);
    }
  }
  return translateKey(
    locale,
    `errors.${error.messageKey}`,
    values,
    translateKey(locale, `errors.${error.code}`),
  );
}

/** Maps anything thrown by a use case to the failure shape; unknown errors stay in the log. */
function failure(locale: Locale, error: unknown): ActionResult {
  let appError: AppError;
  if (error instanceof AppError) appError = error;
  else if (error instanceof ZodError) appError = new AppError('bad_request', { details: zodDetails(error) });
  else {
    console.error('[action] unexpected error', error);
    appError = new AppError('internal');
  }
  const details = appError.details as { fieldErrors?: Record<string, string[]> } | undefined;
  return {
    ok: false,
    message: messageOf(locale, appError),
    fieldErrors: details?.fieldErrors ? fieldErrorsFrom(locale, details.fieldErrors) : {},
  };
}

/**
 * The server-action wrapper: who is asking (requireActor, so no session → /signin and a missing
 * permission → 404) → zod parse → one lib call → `{ ok: true, ...data }` or `{ ok: false, message,
 * fieldErrors }` in the user's language. Redirects and notFound thrown inside pass through.
 */
export function authedAction<S extends z.ZodType, R extends object>(
  schema: S,
  fn: (ctx: { actor: Actor; input: z.output<S>; locale: Locale }) => Promise<R>,
  options: { permission?: Permission } = {},
): (input: z.input<S>) => Promise<ActionResult<R>> {
  return async (input) => {
    const actor = await requireActor(options.permission);
    const locale = toLocale(await getLocale());
    try {
      const parsed = schema.safeParse(input);
      if (!parsed.success) return failure(locale, parsed.error) as ActionResult<R>;
      const data = await fn({ actor, input: parsed.data, locale });
      return { ok: true, ...data };
    } catch (error) {
      unstable_rethrow(error);
      return failure(locale, error) as ActionResult<R>;
    }
  };
}
