// Proxy (Next 16's name for middleware): a fresh CSP nonce for every page. Next.js reads the nonce from
// the request's Content-Security-Policy header and puts it on its own scripts; the pages are rendered
// per request (the root layout reads the locale cookie), so every page gets its own nonce.
// The static headers (nosniff, Referrer-Policy, Permissions-Policy, the API's CSP) are in next.config.js.
import { type NextRequest, NextResponse } from 'next/server';
import {
  contentSecurityPolicy,
  generateNonce,
  strictTransportSecurity,
} from '@/lib/config/content-security-policy';

export function proxy(request: NextRequest) {
  const nonce = generateNonce();
  const production = process.env.DCLOUD_MODE === 'production';
  const policy = contentSecurityPolicy({
    nonce,
    dev: process.env.NODE_ENV === 'development',
    production,
    oidcIssuer: process.env.AUTH_OIDC_ISSUER,
  });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  if (production) response.headers.set('strict-transport-security', strictTransportSecurity);
  return response;
}

export const config = {
  matcher: [
    {
      // pages only: not the API (JSON, its own policy in next.config.js), not static files, not prefetches
      source: '/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)',
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
