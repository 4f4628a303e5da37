import type { PoolClient } from 'pg';
import { getPool } from '@/db';
import { seoulMonth } from './seoul-time';

// The raw samples' monthly partitions (metering_samples_pYYYYMM, Seoul months). They are created
// ahead by the jobs and on demand for the months of a batch; old ones are dropped whole by retention.

type Queryable = Pick<PoolClient, 'query'>;

/** Makes sure a partition exists for each Seoul month (YYYY-MM-01) given; cheap when they do. */
export async function ensurePartitions(months: Iterable<string>, db: Queryable = getPool()): Promise<void> {
  const list = [...new Set(months)].sort();
  if (list.length === 0) return;
  await db.query('select metering_ensure_partition(m) from unnest($1::date[]) as m', [list]);
}

/** The Seoul months from the one holding `now` to `ahead` months later (the jobs create these ahead). */
export function monthsAhead(now: Date, ahead = 2): string[] {
  const first = seoulMonth(now);
  let [y, m] = first.split('-').map(Number) as [number, number];
  const out: string[] = [];
  for (let i = 0; i <= ahead; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}-01`);
    m += 1;
    if (m > 12) [y, m] = [y + 1, 1];
  }
  return out;
}

export type SamplePartition = { name: string; month: string; endsAt: Date };

/** The raw partitions that exist, oldest first, with the instant each one's month ends. */
export async function listPartitions(db: Queryable = getPool()): Promise<SamplePartition[]> {
  const { rows } = await db.query<{ name: string }>(
    `select c.relname as name from pg_inherits i
       join pg_class c on c.oid = i.inhrelid
       join pg_class p on p.oid = i.inhparent
      where p.relname = 'metering_samples' and c.relname ~ '^metering_samples_p[0-9]{6}$'
      order by c.relname`,
  );
  return rows.map(({ name }) => {
    const y = Number(name.slice(-6, -2));
    const m = Number(name.slice(-2));
    const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
    return {
      name,
      month: `${y}-${String(m).padStart(2, '0')}-01`,
      endsAt: new Date(`${next}T00:00:00+09:00`),
    };
  });
}
