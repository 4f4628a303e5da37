/** Refuses to run in production with demo secrets or without the settings production needs. */
export function checkProductionSettings(env = process.env): string[] {
  if (env.DCLOUD_MODE !== 'production') return [];
  const problems: string[] = [];
  if (!env.DATABASE_URL) problems.push('DATABASE_URL is required in production.');
  if (!env.AUTH_SECRET || env.AUTH_SECRET.length < 32 || /demo|change-?me|secret/i.test(env.AUTH_SECRET)) {
    problems.push('AUTH_SECRET must be a random value of at least 32 characters.');
  }
  if (!env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_CLIENT_ID || !env.AUTH_OIDC_CLIENT_SECRET) {
    problems.push(
      'AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are required in production.',
    );
  }
  if (!env.APP_URL) problems.push('APP_URL is required in production (the base of links in mail).');
  return problems;
}
