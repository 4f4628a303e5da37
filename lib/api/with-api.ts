import type { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { loadActor } from '@/lib/auth/load-actor';
import { auth } from '@/lib/auth/next-auth';
import { type Permission, requirePermission } from '@/lib/auth/permissions';
import { unstorableTextPath } from '@/lib/config/storable-text';
import { AppError } from '@/lib/errors/app-error';
import { zodDetails } from '@/lib/errors/zod-details';
import { type Locale, localeCookie, localeFromAcceptLanguage, toLocale } from '@/lib/i18n/config';
import { verifyToken } from '@/lib/tokens/verify-token';
import { errorResponse } from './error-response';

const MAX_BODY_BYTES = 256 * 1024;

export type ApiContext<P> = {
  req: Request;
  actor: Actor;
  params: P;
  locale: Locale;
  /** the JSON body parsed by a zod schema; 400 with field errors when it does not fit */
  body: <S extends z.ZodType>(schema: S) => Promise<z.output<S>>;
  /** the query string parsed by a zod schema */
  query: <S extends z.ZodType>(schema: S) => z.output<S>;
};

type Options = { permission?: Permission };

function requestLocale(req: Request): Locale {
  const cookie = req.headers.get('cookie')?.match(new RegExp(`${localeCookie}=(ko|en)`))?.[1];
  return cookie ? toLocale(cookie) : localeFromAcceptLanguage(req.headers.get('accept-language'));
}

function clientIp(req: Request): string | null {
  return req.headers.get('x-forwarded-for')?.split(',')[0]?.trim() ?? req.headers.get('x-real-ip');
}

/** Bearer token first; otherwise the next-auth session cookie. */
export async function resolveActor(req: Request): Promise<Actor | null> {
  const header = req.headers.get('authorization');
  if (header) {
    const [scheme, token] = header.split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token)
      throw new AppError('unauthenticated', { messageKey: 'invalidToken' });
    const actor = await verifyToken(token.trim(), clientIp(req));
    if (!actor) throw new AppError('unauthenticated', { messageKey: 'invalidToken' });
    return actor;
  }
  const session = await auth();
  const userId = (session as { userId?: string } | null)?.userId;
  if (!userId) return null;
  // CSRF: a cookie-authenticated state change must come from our own origin
  if (!['GET', 'HEAD', 'OPTIONS'].includes(req.method)) assertSameOrigin(req);
  return loadActor({ id: userId }, 'session', clientIp(req));
}

function assertSameOrigin(req: Request): void {
  const origin = req.headers.get('origin');
  const site = req.headers.get('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none')
    throw new AppError('forbidden', { log: 'cross-site request' });
  if (origin) {
    const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
    // `Origin: null` (a sandboxed frame, a privacy redirect) names no origin at all: refused like a foreign one
    if (!URL.canParse(origin) || new URL(origin).host !== host)
      throw new AppError('forbidden', { log: `origin ${origin} ≠ ${host}` });
  } else if (!site) {
    throw new AppError('forbidden', { log: 'state change without Origin' });
  }
}

/** 400 rather than a database error (500) for text that cannot be stored, naming the field. */
function assertStorable(value: unknown, where: string): void {
  const path = unstorableTextPath(value);
  if (path === null) return;
  throw new AppError('bad_request', {
    log: `unstorable text in ${where} at ${path || '(root)'}`,
    details: { fieldErrors: { [path || '_']: ['errors.bad_request'] } },
  });
}

async function readJson(req: Request): Promise<unknown> {
  const length = Number(req.headers.get('content-length') ?? 0);
  if (length > MAX_BODY_BYTES) throw new AppError('bad_request', { messageKey: 'invalidJson' });
  const text = await req.text();
  if (text.length > MAX_BODY_BYTES) throw new AppError('bad_request', { messageKey: 'invalidJson' });
  let value: unknown;
  try {
    value = text.length ? JSON.parse(text) : {};
  } catch {
    throw new AppError('bad_request', { messageKey: 'invalidJson' });
  }
  assertStorable(value, 'body');
  return value;
}

function parseWith<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new AppError('bad_request', { details: zodDetails(result.error) });
  return result.data;
}

/**
 * Wraps a route handler: resolves who is asking (401 when nobody), checks the permission (403),
 * gives zod-checked body and query, and maps every error to API.md's error shape in the caller's
 * language. A handler returns data (sent as 200 JSON) or a Response.
 */
export function withApi<P = Record<string, never>>(
  handler: (ctx: ApiContext<P>) => Promise<unknown>,
  options: Options = {},
) {
  return async (req: Request, context: { params: Promise<P> }): Promise<Response> => {
    const locale = requestLocale(req);
    try {
      const actor = await resolveActor(req);
      if (!actor) throw new AppError('unauthenticated');
      if (options.permission) requirePermission(actor, options.permission);
      const query = Object.fromEntries(new URL(req.url).searchParams);
      const params = await context.params;
      assertStorable(query, 'query');
      assertStorable(params, 'path');
      const result = await handler({
        req,
        actor,
        params,
        locale,
        body: async (schema) => parseWith(schema, await readJson(req)),
        query: (schema) => parseWith(schema, query),
      });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

/** The same error mapping for the few routes that need no signed-in caller (tokens, healthz). */
export function withPublicApi(handler: (ctx: { req: Request; locale: Locale }) => Promise<unknown>) {
  return async (req: Request): Promise<Response> => {
    const locale = requestLocale(req);
    try {
      const result = await handler({ req, locale });
      return result instanceof Response ? result : Response.json(result);
    } catch (error) {
      return errorResponse(error, locale);
    }
  };
}

export { clientIp, parseWith, readJson, requestLocale };
