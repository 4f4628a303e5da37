/**
 * The settings a process refuses to start with. Production is DCLOUD_MODE=production (lib/config/runtime.ts);
 * anything else is the demo: demo sign-in, the demo password, the dev mailbox, an embedded PostgreSQL.
 */
export type ProcessRole = 'web' | 'worker';

export type CheckProductionSecretsOptions = {
  /** `web` runs the portal (sessions, sign-in); `worker` runs jobs (mail, cloud) */
  role: ProcessRole;
  env?: NodeJS.ProcessEnv;
  /** the AUTH_SECRET that `npm start` generated for the demo (DATA_DIR/auth-secret), when there is one */
  demoAuthSecret?: string | null;
};

/** Words that give away a placeholder rather than a generated secret, standing as words (`change-me-…`). */
const placeholder =
  /(^|[^a-z])(demo|change-?me|secret|example|password|test|default|dcloud|sample|todo)([^a-z]|$)/i;
const knownModes = ['production', 'demo'];

function isUrl(value: string, protocols: string[]): boolean {
  try {
    return protocols.includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

function authSecretProblem(secret: string | undefined, demoSecret: string | null | undefined): string | null {
  const rule =
    'AUTH_SECRET must be a random value of at least 32 characters (e.g. `openssl rand -base64 32`)';
  if (!secret) return `${rule}; it is not set.`;
  if (secret.length < 32) return `${rule}; it has ${secret.length}.`;
  if (demoSecret && secret.trim() === demoSecret.trim()) return `${rule}; it is the demo's generated secret.`;
  if (placeholder.test(secret)) return `${rule}; it looks like a placeholder.`;
  // a generated secret of 32+ characters has far more than 12 distinct characters
  if (new Set(secret).size < 12) return `${rule}; it repeats too few characters to be random.`;
  return null;
}

/**
 * What is wrong with this process's settings, one sentence each; an empty list when it may run.
 * In production: no demo secrets, no demo data, no dev mailbox, no embedded database, single sign-on
 * configured. Outside production only a mode that would silently fall back to the demo is refused:
 * NODE_ENV=production without DCLOUD_MODE, or a DCLOUD_MODE the portal does not know (e.g. `prod`).
 */
export function checkProductionSecrets({
  role,
  env = process.env,
  demoAuthSecret,
}: CheckProductionSecretsOptions): string[] {
  const mode = env.DCLOUD_MODE;
  if (mode !== undefined && mode !== '' && !knownModes.includes(mode)) {
    return [
      `DCLOUD_MODE=${mode} is not a mode: use DCLOUD_MODE=production, or DCLOUD_MODE=demo for the demo.`,
    ];
  }
  if (mode !== 'production') {
    if (env.NODE_ENV === 'production' && mode !== 'demo') {
      return [
        'NODE_ENV=production without DCLOUD_MODE would run the demo (demo sign-in, the password dcloud-demo, ' +
          'the dev mailbox): set DCLOUD_MODE=production, or DCLOUD_MODE=demo to run the demo on purpose.',
      ];
    }
    return [];
  }

  const problems: string[] = [];
  // Phase 1: what every process needs — the database, where mail links point, how mail leaves
  if (!env.DATABASE_URL) {
    problems.push('DATABASE_URL is required in production (the embedded PostgreSQL is for the demo only).');
  } else if (!isUrl(env.DATABASE_URL, ['postgres:', 'postgresql:'])) {
    problems.push('DATABASE_URL must be a postgres:// or postgresql:// URL.');
  }
  if (!env.APP_URL) problems.push('APP_URL is required in production (the base of links in mail).');
  else if (!isUrl(env.APP_URL, ['https:'])) problems.push('APP_URL must be an https:// URL in production.');
  if (!env.SMTP_URL) {
    problems.push(
      'SMTP_URL is required in production: without it mail goes to the dev mailbox, which is off.',
    );
  } else if (!isUrl(env.SMTP_URL, ['smtp:', 'smtps:'])) {
    problems.push('SMTP_URL must be an smtp:// or smtps:// URL.');
  }
  if (env.DCLOUD_SEED && env.DCLOUD_SEED !== 'none') {
    problems.push(`DCLOUD_SEED=${env.DCLOUD_SEED} would load demo data: unset it in production.`);
  }
  if (role === 'worker') return problems;

  // Phase 2: what the web process needs — a real session secret and single sign-on
  const secret = authSecretProblem(env.AUTH_SECRET, demoAuthSecret);
  if (secret) problems.push(secret);
  if (!env.AUTH_OIDC_ISSUER || !env.AUTH_OIDC_CLIENT_ID || !env.AUTH_OIDC_CLIENT_SECRET) {
    problems.push(
      'AUTH_OIDC_ISSUER, AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are required in production.',
    );
  } else if (!isUrl(env.AUTH_OIDC_ISSUER, ['https:'])) {
    problems.push('AUTH_OIDC_ISSUER must be an https:// URL in production.');
  }
  return problems;
}
