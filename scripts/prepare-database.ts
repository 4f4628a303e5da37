import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { runMigrations } from '@/db/migrate';
import * as schema from '@/db/schema';
import { seedDemo } from '@/db/seed/seed-demo';
import { installQueues } from '@/lib/jobs/boss';

/** Migrations, the job queue's schema and queues, and (demo mode) the demo city. Idempotent. */
export async function prepareDatabase(url: string, options: { seed: boolean }): Promise<void> {
  await runMigrations(url);
  await installQueues(url);
  if (options.seed) {
    const pool = new pg.Pool({ connectionString: url, max: 2 });
    try {
      await seedDemo(drizzle({ client: pool, schema }));
    } finally {
      await pool.end();
    }
  }
}
