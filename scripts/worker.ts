// npm run worker — one more worker on the PostgreSQL queue (any number may run).
import { utimesSync, writeFileSync } from 'node:fs';
import { resolveDatabaseUrl } from '@/db/connection-url';
import { checkProductionSecrets } from '@/lib/config/check-production-secrets';
import { runWorker } from '@/lib/jobs/run-worker';

/** How long a stop may take in all: pg-boss waits up to 20 s for jobs in flight (lib/jobs/run-worker.ts). */
const STOP_LIMIT_MS = 30_000;

/** Touched every 10 s while the worker runs: a container healthcheck reads its age (compose.yaml). */
function startHeartbeat(file: string | undefined): NodeJS.Timeout | null {
  if (!file) return null;
  const beat = () => {
    const now = new Date();
    try {
      utimesSync(file, now, now);
    } catch {
      writeFileSync(file, '');
    }
  };
  beat();
  return setInterval(beat, 10_000);
}

async function main() {
  const problems = checkProductionSecrets({ role: 'worker' });
  if (problems.length) {
    for (const p of problems) console.error(`[worker] ${p}`);
    process.exit(1);
  }
  const url = resolveDatabaseUrl();
  if (!url) {
    console.error('[worker] set DATABASE_URL, or run `npm start` first so the embedded PostgreSQL is up.');
    process.exit(1);
  }
  process.env.DCLOUD_PROCESS = 'dcloud-worker';
  const worker = await runWorker({ connectionString: url });
  const heartbeat = startHeartbeat(process.env.DCLOUD_HEARTBEAT_FILE);
  console.log('[worker] started');
  let stopping = false;
  // SIGTERM: take no new jobs, let the jobs in flight finish (pg-boss's graceful stop; one still running
  // at its timeout is failed back to its queue and retried), then exit
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    if (heartbeat) clearInterval(heartbeat);
    console.log('[worker] stopping: no new jobs; finishing the jobs in flight');
    setTimeout(() => {
      console.error('[worker] did not stop in time; exiting');
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    await worker.stop();
    console.log('[worker] stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error('[worker] could not start:', error);
  process.exit(1);
});
