// The portal for the end-to-end tests, on a fresh database that is removed afterwards:
// with DATABASE_URL, a new database on that server; without it, the embedded PostgreSQL in a temp dir.
// Single sign-on goes to a real OpenID Connect provider started here on 127.0.0.1 (e2e/support/oidc-provider.ts).
// Mail goes over real SMTP to a server started here on 127.0.0.1, which keeps every message as a file in
// E2E_MAIL_DIR (chosen by playwright.config.ts) for the specs to read (e2e/support/smtp-sink.ts).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { oidcTestClient, startOidcProvider } from '../e2e/support/oidc-provider';
import { startSmtpSink } from '../e2e/support/smtp-sink';

async function main() {
  // first the identity provider, which holds nothing to clean up if what follows fails
  const appUrl = process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
  const oidc = await startOidcProvider({ redirectUri: `${appUrl}/api/auth/callback/oidc` });
  console.log(`[e2e-server] OpenID Connect provider on ${oidc.issuer}`);
  const mailDir = process.env.E2E_MAIL_DIR ?? path.join(os.tmpdir(), `dcloud-e2e-mail-${process.pid}`);
  const smtp = await startSmtpSink({ dir: mailDir });
  console.log(`[e2e-server] SMTP server on ${smtp.url}, mail kept in ${mailDir}`);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DCLOUD_SEED: 'demo',
    AUTH_OIDC_ISSUER: oidc.issuer,
    AUTH_OIDC_CLIENT_ID: oidcTestClient.id,
    AUTH_OIDC_CLIENT_SECRET: oidcTestClient.secret,
    AUTH_OIDC_NAME: '시 통합인증',
    AUTH_OIDC_SCOPE: 'openid email profile dcloud',
    SMTP_URL: smtp.url,
  };
  let cleanup: () => Promise<void> = async () => undefined;
  const base = process.env.DATABASE_URL;
  if (base) {
    const name = `dcloud_e2e_${process.pid}_${Date.now()}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    env.DATABASE_URL = url.toString();
    cleanup = async () => {
      const c = new pg.Client({ connectionString: base });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dcloud-e2e-'));
    env.DATA_DIR = dir;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/start.ts'], {
    env,
    stdio: 'inherit',
  });
  const stop = () => child.kill('SIGTERM');
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  child.on('exit', async (code) => {
    await oidc.close().catch((error) => console.error('[e2e-server] OIDC provider:', error));
    await smtp.close().catch((error) => console.error('[e2e-server] SMTP server:', error));
    rmSync(mailDir, { recursive: true, force: true });
    await cleanup().catch((error) => console.error('[e2e-server] cleanup:', error));
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error('[e2e-server]', error);
  process.exit(1);
});
