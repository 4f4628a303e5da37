import { POST as createToken } from '@/app/api/v1/tokens/route';
import { type DemoUser, demoEmails, demoPassword } from './fixtures';
import { runInRequestScope } from './next-request-scope';

type RouteHandler<P> = (req: Request, context: { params: Promise<P> }) => Promise<Response>;

export type CallOptions<P> = {
  method?: string;
  /** path and query, e.g. /api/v1/requests?mine=true */
  path: string;
  token?: string;
  /** an object is sent as JSON; a string is sent as it is */
  body?: unknown;
  headers?: Record<string, string>;
  params?: P;
};

export type ApiError = {
  error: { code: string; message: string; details?: { fieldErrors: Record<string, string[]> } };
};

/**
 * Calls an exported route handler the way Next would: a real `Request`, the params promise, and
 * next/headers answering from that request. Returns the status and the parsed JSON body.
 */
export async function callRoute<T = unknown, P = Record<string, never>>(
  handler: RouteHandler<P>,
  options: CallOptions<P>,
): Promise<{ status: number; body: T; headers: Headers }> {
  const headers = new Headers(options.headers);
  if (options.token) headers.set('authorization', `Bearer ${options.token}`);
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  }
  const req = new Request(new URL(options.path, 'http://localhost:3000'), {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
  });
  const params = Promise.resolve((options.params ?? {}) as P);
  const res = await runInRequestScope(req, () => handler(req, { params }));
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers };
}

/** A personal access token for a demo account, from POST /api/v1/tokens with its password. */
export async function apiToken(who: DemoUser): Promise<string> {
  const { status, body } = await callRoute<{ token: string }>(createToken, {
    path: '/api/v1/tokens',
    body: { email: demoEmails[who], password: demoPassword, name: 'vitest' },
  });
  if (status !== 201) throw new Error(`token for ${who}: ${status} ${JSON.stringify(body)}`);
  return body.token;
}
