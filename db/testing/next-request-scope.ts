import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Outside the Next server there is no request scope, so `headers()` and `cookies()` from
 * next/headers (which next-auth's `auth()` reads) would throw. Tests call route handlers inside
 * `runInRequestScope(req, ...)`, and db/testing/setup-env.ts points next/headers at that request:
 * the handler then sees exactly the headers and cookies the test sent, as it would under Next.
 */
const scope = new AsyncLocalStorage<Request>();

export function runInRequestScope<T>(req: Request, fn: () => T): T {
  return scope.run(req, fn);
}

function currentRequest(): Request {
  const req = scope.getStore();
  if (!req) throw new Error('next/headers used outside a request scope (wrap the call in runInRequestScope)');
  return req;
}

function parseCookies(header: string | null) {
  const map = new Map<string, { name: string; value: string }>();
  for (const part of (header ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index < 1) continue;
    const name = part.slice(0, index).trim();
    map.set(name, { name, value: decodeURIComponent(part.slice(index + 1).trim()) });
  }
  return map;
}

/** The parts of next/headers the portal's server code uses, answering from the current test request. */
export const nextHeadersForTests = {
  headers: async () => new Headers(currentRequest().headers),
  cookies: async () => {
    const jar = parseCookies(currentRequest().headers.get('cookie'));
    return {
      get: (name: string) => jar.get(name),
      getAll: () => [...jar.values()],
      has: (name: string) => jar.has(name),
    };
  },
};
