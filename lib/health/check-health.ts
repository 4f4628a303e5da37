import { sql } from 'drizzle-orm';
import { getDb } from '@/db';

/** Database reachable, and pg-boss's schema installed (the queue the worker uses). */
export async function checkHealth(): Promise<{ ok: boolean; db: boolean; queue: boolean }> {
  let db = false;
  let queue = false;
  try {
    await getDb().execute(sql`select 1`);
    db = true;
    const result = await getDb().execute<{ present: boolean }>(
      sql`select to_regclass('pgboss.job') is not null as present`,
    );
    queue = Boolean(result.rows[0]?.present);
  } catch (error) {
    console.error('[healthz]', error instanceof Error ? error.message : error);
  }
  return { ok: db && queue, db, queue };
}
