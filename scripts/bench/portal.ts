// The benchmarks' shared setup: a fresh database (on DATABASE_URL's server, or an embedded PostgreSQL of
// its own), the production build (built once if missing) and the built portal started on that database
// as `npm start` runs it, web only — no worker competes for the CPU, jobs wait in the queue.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { prepareDatabase } from '../prepare-database';

export type BenchDatabase = {
  url: string;
  /** true when the database was made for this run (false: BENCH_DATABASE_URL, used as it is) */
  fresh: boolean;
  /** drops what was made for this run (nothing when `keep` or when it was given) */
  drop: () => Promise<void>;
};

export type BenchDatabaseOptions = {
  /** the database's name prefix (a random suffix follows) */
  prefix: string;
  /** use this database as it is instead of making one (e.g. BENCH_DATABASE_URL) */
  reuseUrl?: string;
  /** keep the database made on DATABASE_URL's server instead of dropping it */
  keep?: boolean;
  log?: (message: string) => void;
};

/** A fresh database: on DATABASE_URL's server, or in an embedded PostgreSQL of its own. */
export async function openBenchDatabase({
  prefix,
  reuseUrl,
  keep = false,
  log = () => {},
}: BenchDatabaseOptions): Promise<BenchDatabase> {
  if (reuseUrl) return { url: reuseUrl, fresh: false, drop: async () => {} };
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `${prefix}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      fresh: true,
      drop: async () => {
        if (keep) return log(`kept database ${url}`);
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const { startEmbeddedPostgres } = await import('@/db/embedded');
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix.replaceAll('_', '-')}-`));
  chmodSync(dir, 0o755);
  const embedded = await startEmbeddedPostgres({ dir, database: prefix });
  return {
    url: embedded.url,
    fresh: true,
    drop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The production build, made once when `.next/BUILD_ID` is missing. */
export async function buildOnce(log: (message: string) => void = () => {}): Promise<void> {
  if (existsSync('.next/BUILD_ID')) return;
  log('building the portal (next build)');
  const build = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => build.on('exit', resolve));
  if (code !== 0) throw new Error('next build failed');
}

/** Migrations, the job queues and the demo city on a benchmark's database. */
export async function prepareBenchDatabase(url: string): Promise<void> {
  await prepareDatabase(url, { seed: true });
}

export type BenchPortal = {
  /** e.g. http://127.0.0.1:3900 */
  base: string;
  process: ChildProcess;
  /** SIGTERM, then waits for the exit (at most 15 s) */
  stop: () => Promise<void>;
};

export type BenchPortalOptions = {
  /** the prepared database (prepareBenchDatabase) */
  databaseUrl: string;
  port: number;
  /** the host in `base` (Lighthouse's pages use localhost, the API benchmarks 127.0.0.1) */
  host?: string;
  /** more environment for the portal, e.g. { DCLOUD_BENCH: '1' } */
  env?: Record<string, string>;
};

/**
 * The built portal as `npm start` runs it, on a prepared database, web only, with a random AUTH_SECRET;
 * resolves once /api/v1/readyz answers (builds first when there is no production build).
 */
export async function startBenchPortal({
  databaseUrl,
  port,
  host = '127.0.0.1',
  env = {},
}: BenchPortalOptions): Promise<BenchPortal> {
  await buildOnce();
  const base = `http://${host}:${port}`;
  const portal = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      DCLOUD_WORKER: 'off',
      DCLOUD_SEED: 'none',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      APP_URL: base,
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const stop = async () => {
    if (portal.exitCode !== null || portal.signalCode !== null) return;
    const exited = new Promise((resolve) => portal.once('exit', resolve));
    portal.kill('SIGTERM');
    await Promise.race([exited, sleep(15_000)]);
  };
  for (let i = 0; i < 240; i++) {
    if (portal.exitCode !== null) throw new Error(`the portal exited (${portal.exitCode})`);
    const ready = await fetch(`${base}/api/v1/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { base, process: portal, stop };
    await sleep(500);
  }
  await stop();
  throw new Error('the portal did not become ready');
}
