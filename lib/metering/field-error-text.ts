import type { Locale } from '@/lib/i18n/config';
import { translateKey } from '@/lib/i18n/translate';
import type { FieldErrors } from './utilisation-input';

/** A refused value's message in the user's language. */
export function fieldErrorText(
  locale: Locale,
  error: { key: string; values?: Record<string, string | number> },
) {
  return translateKey(locale, error.key, error.values ?? {}, translateKey(locale, 'errors.bad_request'));
}

/** API.md's error body for refused filters: 400 bad_request with a message per field. */
export function badRequestBody(locale: Locale, errors: FieldErrors) {
  return {
    error: {
      code: 'bad_request',
      message: translateKey(locale, 'errors.bad_request'),
      details: {
        fieldErrors: Object.fromEntries(
          Object.entries(errors).map(([field, error]) => [field, [fieldErrorText(locale, error!)]]),
        ),
      },
    },
  };
}

/** The same body for messages already in the user's language (a dashboard export's dropped filters). */
export function badRequestTextBody(locale: Locale, texts: Record<string, string | undefined>) {
  return {
    error: {
      code: 'bad_request',
      message: translateKey(locale, 'errors.bad_request'),
      details: {
        fieldErrors: Object.fromEntries(
          Object.entries(texts)
            .filter(([, text]) => text)
            .map(([field, text]) => [field, [text!]]),
        ),
      },
    },
  };
}
