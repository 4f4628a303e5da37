// npm start — the portal: embedded PostgreSQL (unless DATABASE_URL), migrations, demo data, worker, Next.
// npm run dev — the same with `next dev` (hot reload) instead of a production build.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dataDir } from '@/db/connection-url';
import { type EmbeddedDatabase, startEmbeddedPostgres } from '@/db/embedded';
import { runWorker } from '@/lib/jobs/run-worker';
import { checkProductionSettings } from './check-production';
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

async function main() {
  const problems = checkProductionSettings();
  if (problems.length) {
    for (const p of problems) console.error(`[dcloud] ${p}`);
    process.exit(1);
  }

  // stopping at any point (even during the first build) takes down what was started, PostgreSQL included
  let embedded: EmbeddedDatabase | null = null;
  let worker: Awaited<ReturnType<typeof runWorker>> | null = null;
  let child: ChildProcess | null = null;
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    log('stopping');
    child?.kill('SIGTERM');
    await worker?.stop().catch((error) => console.error(error));
    await embedded?.stop().catch((error) => console.error(error));
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  // Phase 1: the database
  let url = process.env.DATABASE_URL;
  if (!url) {
    log(`starting the embedded PostgreSQL in ${dataDir()}`);
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
  };
  const web = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', devServer ? 'dev' : 'start', '-p', port],
    {
      env,
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
