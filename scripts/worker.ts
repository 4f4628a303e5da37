// npm run worker — one more worker on the PostgreSQL queue (any number may run).
import { resolveDatabaseUrl } from '@/db/connection-url';
import { runWorker } from '@/lib/jobs/run-worker';

async function main() {
  const url = resolveDatabaseUrl();
  if (!url) {
    console.error('[worker] set DATABASE_URL, or run `npm start` first so the embedded PostgreSQL is up.');
    process.exit(1);
  }
  process.env.DCLOUD_PROCESS = 'dcloud-worker';
  const worker = await runWorker({ connectionString: url });
  console.log('[worker] started');
  const stop = async () => {
    console.log('[worker] finishing in-flight jobs');
    await worker.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  console.error('[worker] could not start:', error);
  process.exit(1);
});
