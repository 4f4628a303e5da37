/**
 * The Content-Security-Policy of the portal's pages (proxy.ts sets it with a fresh nonce per request;
 * next.config.js sets the static headers and the API's policy).
 */
export type ContentSecurityPolicyOptions = {
  /** this response's nonce: Next.js puts it on its own scripts, found in the request's CSP header */
  nonce: string;
  /** `next dev`: React's dev tools need eval, and dev CSS arrives as <style> tags without a nonce */
  dev?: boolean;
  /** DCLOUD_MODE=production: upgrade any http:// subresource to https:// */
  production?: boolean;
  /** the single sign-on provider: a sign-in form posted before hydration is redirected there */
  oidcIssuer?: string;
};

function originOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * - scripts: only those carrying the nonce, and what they load ('strict-dynamic'); no 'unsafe-inline',
 *   so a script injected into the page (stored XSS) does not run.
 * - style elements: only ours ('self' stylesheets, nonce'd <style>). Style *attributes* are allowed
 *   ('unsafe-inline' in style-src-attr): React's `style` prop, recharts (SVG positions, tooltips) and the
 *   mails shown in the dev mailbox write them, and a nonce cannot mark an attribute. An attribute
 *   cannot run script; what it could leak by CSS is kept in by img-src/connect-src/font-src 'self'.
 *   Browsers without CSP level 3 fall back to style-src, which allows inline styles for the same reason.
 */
export function contentSecurityPolicy({
  nonce,
  dev = false,
  production = false,
  oidcIssuer,
}: ContentSecurityPolicyOptions) {
  const issuer = originOf(oidcIssuer);
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ''}`,
    "style-src 'self' 'unsafe-inline'",
    dev ? "style-src-elem 'self' 'unsafe-inline'" : `style-src-elem 'self' 'nonce-${nonce}'`,
    "style-src-attr 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${issuer ? ` ${issuer}` : ''}`,
    "frame-ancestors 'none'",
    "frame-src 'self'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ];
  if (production) directives.push('upgrade-insecure-requests');
  return directives.join('; ');
}

/** 128 random bits, base64: unguessable, fresh for every response. */
export function generateNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** HSTS for production: a year, subdomains included; no preload (a city domain decides that itself). */
export const strictTransportSecurity = 'max-age=31536000; includeSubDomains';
