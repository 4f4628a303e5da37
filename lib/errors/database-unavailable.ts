import { AppError } from './app-error';

/** How long a client should wait before trying again: about what a PostgreSQL restart takes. */
export const unavailableRetryAfterSeconds = 5;

// SQLSTATE: class 08 (connection exception), 57P01–57P03 (the server shutting down, crashed or not
// yet accepting connections), 53300 (no connection slot left)
const unavailableSqlState = /^(08...|57P0[123]|53300)$/;
// the socket's own failures: nobody listening, the connection cut, the host unreachable
const unavailableErrno = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
]);
// node-postgres's errors for a connection that ended under it carry no code, only these words
const unavailableMessage =
  /^(Connection terminated|Client has encountered a connection error|Client was closed and is not queryable|timeout exceeded when trying to connect)/;

/** The connection failure in `error` or its causes, if there is one. */
function connectionLoss(error: unknown, depth = 0): { message?: unknown; code?: unknown } | undefined {
  if (!error || typeof error !== 'object' || depth > 5) return undefined;
  const { code, message, cause, errors } = error as {
    code?: unknown;
    message?: unknown;
    cause?: unknown;
    errors?: unknown;
  };
  if (typeof code === 'string' && (unavailableSqlState.test(code) || unavailableErrno.has(code)))
    return error;
  if (typeof message === 'string' && unavailableMessage.test(message)) return error;
  // drizzle wraps the driver's error as `cause`; a refused connection to every address is an AggregateError
  const inner = connectionLoss(cause, depth + 1);
  if (inner) return inner;
  return Array.isArray(errors) ? errors.map((e) => connectionLoss(e, depth + 1)).find(Boolean) : undefined;
}

/**
 * The database could not be reached, or dropped the connection mid-call (a restart, a failover):
 * an `unavailable` AppError (503, to be retried) instead of a generic 500; null for anything else.
 * Whether a statement in flight committed is unknown to the caller — a retry with the same
 * Idempotency-Key finds out.
 */
export function databaseUnavailable(error: unknown): AppError | null {
  const loss = connectionLoss(error);
  if (!loss) return null;
  // the driver's words, not drizzle's wrapper (which quotes the statement and its parameters)
  const why = [loss.code, loss.message].filter((part) => typeof part === 'string' && part).join(' ');
  return new AppError('unavailable', { log: `database unavailable: ${why}` });
}
