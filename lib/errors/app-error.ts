/** The closed set of error codes; each maps to one HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  illegal_transition: 409,
  conflict: 409,
  capacity: 409,
  rule: 422,
  rate_limited: 429,
  internal: 500,
  /** the database is unreachable or dropped the connection (a restart, a failover): retry shortly */
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof errorStatus;

export type AppErrorOptions = {
  /** catalogue key of the user-facing message, under `errors.` (defaults to the code) */
  messageKey?: string;
  values?: Record<string, string | number>;
  /** safe, structured details for the client (e.g. field errors) */
  details?: unknown;
  /** text for the log only, never sent to the client */
  log?: string;
};

/** The one error type of the domain. Its user message is looked up in the caller's language. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly values: Record<string, string | number>;
  readonly details: unknown;

  constructor(code: ErrorCode, options: AppErrorOptions = {}) {
    super(options.log ?? options.messageKey ?? code);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = options.messageKey ?? code;
    this.values = options.values ?? {};
    this.details = options.details;
  }

  get status(): number {
    return errorStatus[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
