// The portal for the end-to-end tests, on a fresh database that is removed afterwards:
// with DATABASE_URL, a new database on that server; without it, the embedded PostgreSQL in a temp dir.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';

async function main() {
  const env: NodeJS.ProcessEnv = { ...process.env, DCLOUD_SEED: 'demo' };
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
    await cleanup().catch((error) => console.error('[e2e-server] cleanup:', error));
    process.exit(code ?? 0);
  });
}

main().catch((error) => {
  console.error('[e2e-server]', error);
  process.exit(1);
});
