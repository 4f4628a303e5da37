/**
 * Demo mode: demo sign-in, demo password, dev mailbox. On unless DCLOUD_MODE=production;
 * production also requires an OIDC issuer and a real AUTH_SECRET (checked at start).
 */
export function isDemoMode(): boolean {
  return process.env.DCLOUD_MODE !== 'production';
}

export function appUrl(): string {
  return (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
}
