import { ProviderError, type ProviderErrorCode } from '../types';

/**
 * The cloud's own words from an error body. Nova and Cinder wrap them in a fault named for the
 * error (`{"itemNotFound": {"message", "code"}}`, `{"forbidden": …}`, `{"badRequest": …}`); Keystone
 * uses `{"error": {"code", "title", "message"}}`; Glance and the WSGI servers answer plain text or
 * HTML. The text is squeezed to one line and capped, so a stack of HTML cannot flood a reason.
 */
export function cloudMessage(body: unknown, text: string): string {
  if (body && typeof body === 'object') {
    const record = body as Record<string, unknown>;
    if (typeof record.message === 'string') return record.message;
    for (const value of Object.values(record)) {
      if (
        value &&
        typeof value === 'object' &&
        typeof (value as { message?: unknown }).message === 'string'
      ) {
        return (value as { message: string }).message;
      }
    }
  }
  const plain = text
    .replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain || 'no message';
}

const QUOTA = /quota exceeded|exceeds? (?:the )?(?:allowed )?quota|over ?limit/i;
const NO_VALID_HOST = /no ?valid ?host/i;

/** The closed reason for an HTTP status and the cloud's message (NoValidHost hides behind 400 and 500). */
export function codeForStatus(status: number, message: string): ProviderErrorCode {
  if (NO_VALID_HOST.test(message)) return 'no_capacity';
  if (status === 401) return 'auth_failed';
  // Nova answers a used-up quota with 403 "Quota exceeded for cores…"; older APIs and Cinder with 413
  if (status === 413 || ((status === 403 || status === 400) && QUOTA.test(message))) return 'quota_exceeded';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  // rate limited: worth retrying later, like a 503
  if (status === 429 || status >= 500) return 'unavailable';
  return 'invalid_request';
}

/** True when a fault message means no host could take the server. */
export function isNoValidHost(message: string): boolean {
  return NO_VALID_HOST.test(message);
}

/** A ProviderError for an HTTP answer the caller did not expect, with the cloud's own message. */
export function errorFromResponse(what: string, status: number, body: unknown, text: string): ProviderError {
  const message = cloudMessage(body, text);
  const code = codeForStatus(status, message);
  return new ProviderError(code, `OpenStack ${what} failed with HTTP ${status}: ${message}`, { status });
}

function errorCode(error: unknown): string | undefined {
  for (let e = error, depth = 0; e && typeof e === 'object' && depth < 4; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** A ProviderError for a call that got no HTTP answer: a timeout, or a refused or broken connection. */
export function errorFromFailure(what: string, error: unknown, timeoutMs: number): ProviderError {
  if (error instanceof ProviderError) return error;
  const name = error instanceof Error ? error.name : '';
  if (name === 'TimeoutError' || name === 'AbortError') {
    return new ProviderError('timeout', `OpenStack ${what}: no answer within ${timeoutMs} ms`, {
      cause: error,
    });
  }
  const code = errorCode(error);
  const detail = code ?? (error instanceof Error ? error.message : String(error));
  // fetch reports every network failure (ECONNREFUSED, ECONNRESET, a socket closed mid-answer…) as a
  // TypeError whose cause carries the code; none of them is the caller's fault, all are worth a retry
  return new ProviderError('unavailable', `OpenStack ${what}: the cloud is unreachable (${detail})`, {
    cause: error,
  });
}
