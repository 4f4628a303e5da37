import { sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { AppError } from '@/lib/errors/app-error';

/**
 * Counts one hit against `key` in a fixed window; throws 429 past `limit`. Shared by every
 * instance through PostgreSQL (one upsert per hit).
 */
export async function enforceRateLimit(key: string, limit: number, windowSeconds: number): Promise<void> {
  const result = await getDb().execute<{ count: number }>(sql`
    insert into rate_limits (key, window_start, count) values (${key}, now(), 1)
    on conflict (key) do update set
      count = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then 1
                   else rate_limits.count + 1 end,
      window_start = case when rate_limits.window_start < now() - make_interval(secs => ${windowSeconds}) then now()
                   else rate_limits.window_start end
    returning count`);
  const count = Number(result.rows[0]?.count ?? 0);
  if (count > limit) throw new AppError('rate_limited');
}
