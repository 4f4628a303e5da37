import { describe, expect, it } from 'vitest';
import { checkProductionSecrets } from './check-production-secrets';

const goodSecret = 'q7Vx2LpR9sKd4WmZ8bTn1cYh6GfJ3aEu0oNi5Pk_-Hw';
const production = {
  DCLOUD_MODE: 'production',
  NODE_ENV: 'production',
  DATABASE_URL: 'postgres://portal:pw@db.internal:5432/dcloud',
  APP_URL: 'https://cloud.daegu.go.kr',
  SMTP_URL: 'smtp://relay.daegu.go.kr:25',
  AUTH_SECRET: goodSecret,
  AUTH_OIDC_ISSUER: 'https://sso.daegu.go.kr/realms/city',
  AUTH_OIDC_CLIENT_ID: 'dcloud-portal',
  AUTH_OIDC_CLIENT_SECRET: 'from-the-idp',
};

const check = (
  env: Record<string, string | undefined>,
  role: 'web' | 'worker' = 'web',
  demoAuthSecret?: string,
) => checkProductionSecrets({ role, env: env as NodeJS.ProcessEnv, demoAuthSecret });

describe('checkProductionSecrets', () => {
  it('lets a complete production configuration start, web and worker', () => {
    expect(check(production)).toEqual([]);
    expect(check(production, 'worker')).toEqual([]);
  });

  it('lets the demo start with nothing set, and with DCLOUD_MODE=demo under NODE_ENV=production', () => {
    expect(check({})).toEqual([]);
    expect(check({ NODE_ENV: 'test' })).toEqual([]);
    expect(check({ NODE_ENV: 'production', DCLOUD_MODE: 'demo' })).toEqual([]);
  });

  it('refuses NODE_ENV=production without DCLOUD_MODE: the demo password would be accepted', () => {
    expect(check({ NODE_ENV: 'production' })).toEqual([expect.stringContaining('DCLOUD_MODE')]);
    expect(check({ NODE_ENV: 'production' }, 'worker')).toHaveLength(1);
  });

  it('refuses a mode it does not know rather than falling back to the demo', () => {
    expect(check({ ...production, DCLOUD_MODE: 'prod' })).toEqual([
      expect.stringContaining('DCLOUD_MODE=prod'),
    ]);
  });

  it.each([
    { label: 'missing', secret: undefined, says: 'not set' },
    { label: 'short', secret: 'aZ3kQ9', says: 'it has 6' },
    { label: 'a placeholder', secret: 'change-me-to-a-long-random-value-0123456789', says: 'placeholder' },
    { label: "vitest's", secret: 'vitest-only-auth-secret-0123456789abcdef', says: 'placeholder' },
    { label: 'the demo word', secret: 'dcloud-demo-dcloud-demo-dcloud-demo-0000', says: 'placeholder' },
    { label: 'one character repeated', secret: 'a'.repeat(48), says: 'too few characters' },
  ])('refuses an AUTH_SECRET that is $label', ({ secret, says }) => {
    const problems = check({ ...production, AUTH_SECRET: secret });
    expect(problems).toEqual([expect.stringContaining(says)]);
    expect(problems[0]).toContain('AUTH_SECRET');
  });

  it("refuses the demo's generated AUTH_SECRET (DATA_DIR/auth-secret)", () => {
    expect(check(production, 'web', `${goodSecret}\n`)).toEqual([expect.stringContaining('demo')]);
  });

  it('does not take a random secret that merely contains a placeholder word for one', () => {
    expect(check({ ...production, AUTH_SECRET: 'Xq7testVx2LpR9sKd4WmZ8bTn1cYh6GfJ3aEu0oNi' })).toEqual([]);
  });

  it.each([
    {
      label: 'no DATABASE_URL (the embedded PostgreSQL)',
      env: { DATABASE_URL: undefined },
      says: 'DATABASE_URL',
    },
    {
      label: 'a DATABASE_URL that is not PostgreSQL',
      env: { DATABASE_URL: 'mysql://x/y' },
      says: 'postgres://',
    },
    { label: 'no SMTP_URL (the dev mailbox)', env: { SMTP_URL: undefined }, says: 'dev mailbox' },
    { label: 'an SMTP_URL that is not SMTP', env: { SMTP_URL: 'relay:25' }, says: 'smtp://' },
    { label: 'no APP_URL', env: { APP_URL: undefined }, says: 'APP_URL is required' },
    { label: 'a plain-http APP_URL', env: { APP_URL: 'http://cloud.daegu.go.kr' }, says: 'https://' },
    { label: 'demo data', env: { DCLOUD_SEED: 'demo' }, says: 'DCLOUD_SEED=demo' },
  ])('refuses $label, in the web process and in a worker', ({ env, says }) => {
    for (const role of ['web', 'worker'] as const) {
      expect(check({ ...production, ...env }, role)).toEqual([expect.stringContaining(says)]);
    }
  });

  it('asks the web process, not a worker, for single sign-on and the session secret', () => {
    const noSso = { ...production, AUTH_OIDC_ISSUER: undefined, AUTH_SECRET: undefined };
    expect(check(noSso)).toEqual([
      expect.stringContaining('AUTH_SECRET'),
      expect.stringContaining('AUTH_OIDC_ISSUER'),
    ]);
    expect(check(noSso, 'worker')).toEqual([]);
    expect(check({ ...production, AUTH_OIDC_ISSUER: 'http://sso.local' })).toEqual([
      expect.stringContaining('https://'),
    ]);
  });

  it('lists every problem at once, so an operator fixes them in one go', () => {
    expect(check({ DCLOUD_MODE: 'production' })).toHaveLength(5);
  });
});
