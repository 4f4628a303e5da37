import { PgBoss } from 'pg-boss';
import { resolveDatabaseUrl } from '@/db/connection-url';
import { queueNames, queues } from './queues';

const globalForBoss = globalThis as unknown as { dcloudBoss?: Promise<PgBoss> };

/**
 * This process's pg-boss handle for sending jobs. It neither supervises nor schedules: that is the
 * worker's part (lib/jobs/run-worker.ts). Started once, on first use.
 */
export function getBoss(): Promise<PgBoss> {
  if (!globalForBoss.dcloudBoss) {
    globalForBoss.dcloudBoss = (async () => {
      const boss = new PgBoss({
        connectionString: resolveDatabaseUrl(),
        supervise: false,
        schedule: false,
        migrate: false,
        max: 2,
      });
      boss.on('error', (error) => console.error('[jobs]', error));
      await boss.start();
      return boss;
    })().catch((error) => {
      globalForBoss.dcloudBoss = undefined;
      throw error;
    });
  }
  return globalForBoss.dcloudBoss;
}

/** Installs or upgrades pg-boss's schema and creates every queue. Run once at start (idempotent). */
export async function installQueues(connectionString: string): Promise<void> {
  const boss = new PgBoss({ connectionString, supervise: false, schedule: false, migrate: true, max: 2 });
  boss.on('error', (error) => console.error('[jobs]', error));
  await boss.start();
  try {
    const existing = new Set((await boss.getQueues()).map((q) => q.name));
    for (const name of queueNames) {
      if (existing.has(name)) await boss.updateQueue(name, queues[name].options);
      else await boss.createQueue(name, queues[name].options);
    }
  } finally {
    await boss.stop({ graceful: false });
  }
}

export async function stopBoss(): Promise<void> {
  const pending = globalForBoss.dcloudBoss;
  globalForBoss.dcloudBoss = undefined;
  if (pending) await (await pending).stop({ graceful: false }).catch(() => undefined);
}
