import { z } from 'zod';
import { ProviderError, type ProviderErrorCode } from '../types';

// the API's error body: https://kubernetes.io/docs/reference/using-api/api-concepts/ (kind Status)
const statusBody = z.object({
  kind: z.literal('Status'),
  message: z.string().optional(),
  reason: z.string().optional(),
  code: z.number().optional(),
});

// Kubernetes' StatusReason values the portal tells apart; others fall back to the HTTP status
const BY_REASON: Record<string, ProviderErrorCode> = {
  Unauthorized: 'auth_failed',
  Forbidden: 'forbidden',
  NotFound: 'not_found',
  AlreadyExists: 'conflict',
  Conflict: 'conflict',
  Invalid: 'invalid_request',
  BadRequest: 'invalid_request',
  Timeout: 'timeout',
  ServerTimeout: 'timeout',
  TooManyRequests: 'unavailable',
  InternalError: 'unavailable',
  ServiceUnavailable: 'unavailable',
};

function byStatus(status: number): ProviderErrorCode {
  if (status === 401) return 'auth_failed';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 504) return 'timeout';
  // 429 asks to come back later, like a 5xx
  if (status === 429 || status >= 500) return 'unavailable';
  return 'invalid_request';
}

/** A ProviderError from an API answer, keeping the Status reason ("AlreadyExists") for callers that tolerate one. */
export class KubernetesApiError extends ProviderError {
  readonly reason?: string;

  constructor(
    code: ProviderErrorCode,
    message: string,
    options: { status?: number; reason?: string; cause?: unknown } = {},
  ) {
    super(code, message, options);
    this.reason = options.reason;
  }
}

/**
 * A ProviderError for an API answer outside 2xx. The reason comes from the Status body when there
 * is one; a quota refusal is a 403 Forbidden whose message says "exceeded quota", so it is told
 * apart from a missing permission by its message. The API's own message is kept for the requester.
 */
export function apiError(what: string, status: number, body: string): KubernetesApiError {
  let parsed: z.infer<typeof statusBody> | undefined;
  try {
    parsed = statusBody.safeParse(JSON.parse(body)).data;
  } catch {
    parsed = undefined;
  }
  // a proxy or load balancer in front of the API may answer in HTML or plain text
  const message = parsed?.message ?? (body.trim().slice(0, 200) || 'no message');
  let code = (parsed?.reason && BY_REASON[parsed.reason]) || byStatus(status);
  if (code === 'forbidden' && /exceeded quota/i.test(message)) code = 'quota_exceeded';
  const reason = parsed?.reason ? `${parsed.reason}, ` : '';
  const text = `Kubernetes API: ${what} failed: ${message} (${reason}HTTP ${status})`;
  return new KubernetesApiError(code, text, { status, reason: parsed?.reason });
}

const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
]);

/**
 * A ProviderError for a call that got no answer. An unreachable server is `unavailable` (retried);
 * a certificate the portal cannot trust is `auth_failed`, since retrying will not fix a wrong CA.
 */
export function transportError(
  what: string,
  error: unknown,
  timeoutMs: number,
  timedOut: boolean,
): ProviderError {
  if (timedOut) {
    return new ProviderError('timeout', `Kubernetes API: ${what} got no answer within ${timeoutMs} ms`, {
      cause: error,
    });
  }
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new ProviderError(
      'auth_failed',
      `Kubernetes API: ${what} failed: the API server's certificate is not trusted (${detail})`,
      {
        cause: error,
      },
    );
  }
  const why = UNREACHABLE.has(code) ? 'the API server cannot be reached' : 'the connection failed';
  return new ProviderError('unavailable', `Kubernetes API: ${what} failed: ${why} (${detail})`, {
    cause: error,
  });
}
