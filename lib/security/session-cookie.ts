import { encode } from 'next-auth/jwt';

/** The cookie next-auth reads over plain http (over https it is `__Secure-authjs.session-token`). */
export const sessionCookieName = 'authjs.session-token';

/** The origin tests send requests to: the host the session cookie and the Origin check are for. */
export const testOrigin = 'http://localhost:3000';

/**
 * A browser session for tests, minted the way next-auth mints one at sign-in: a JWT carrying the
 * user id (lib/auth/next-auth.ts reads `uid`), encrypted with AUTH_SECRET. Sent with `host` and
 * `x-forwarded-proto`, next-auth looks for this cookie on http://localhost:3000 as it would in a browser.
 */
export async function sessionHeaders(userId: string): Promise<Record<string, string>> {
  const secret = process.env.AUTH_SECRET;
  if (!secret) throw new Error('AUTH_SECRET is not set (vitest.config.ts sets one)');
  const jwt = await encode({ token: { uid: userId, sub: userId }, secret, salt: sessionCookieName });
  return { cookie: `${sessionCookieName}=${jwt}`, host: 'localhost:3000', 'x-forwarded-proto': 'http' };
}
