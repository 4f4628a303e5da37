import { unstable_rethrow } from 'next/navigation';
import { getLocale } from 'next-intl/server';
import type { z } from 'zod';
import type { ActionResult } from '@/components/forms/action-result';
import type { Actor } from '@/lib/auth/actor';
import type { Permission } from '@/lib/auth/permissions';
import { type Locale, toLocale } from '@/lib/i18n/config';
import { errorMessage, fieldErrorMessages, toAppError } from '@/lib/i18n/translate-error';
import { requireActor } from './require-actor';

export type { ActionResult };

/** Maps anything thrown by a use case to the failure shape; unknown errors stay in the log. */
function failure(locale: Locale, error: unknown): ActionResult {
  const appError = toAppError(error, 'action');
  const details = appError.details as { fieldErrors?: Record<string, string[]> } | undefined;
  return {
    ok: false,
    message: errorMessage(locale, appError),
    fieldErrors: details?.fieldErrors ? fieldErrorMessages(locale, details.fieldErrors) : {},
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
