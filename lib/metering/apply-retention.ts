import { getPool } from '@/db';
import { ensurePartitions, listPartitions, monthsAhead } from './partitions';
import { meteringSettings } from './settings';

export type ApplyRetentionOptions = {
  now?: Date;
  /** default: METERING_RETENTION_DAYS (90) */
  retentionDays?: number;
};

export type RetentionResult = { cutoff: Date; dropped: string[]; kept: number };

/**
 * Drops the raw samples' partitions whose whole month ended before now − retention (DROP TABLE: no
 * row-by-row delete, no bloat) and creates the partitions of the coming months. Rollups are kept: the
 * dashboards and rightsizing never read raw samples. A partition that still holds a sample inside the
 * retention period is never dropped, because its month ends after the cutoff.
 */
export async function applyRetention({
  now = new Date(),
  retentionDays = meteringSettings().retentionDays,
}: ApplyRetentionOptions = {}): Promise<RetentionResult> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  const pool = getPool();
  await ensurePartitions(monthsAhead(now));
  const partitions = await listPartitions(pool);
  const expired = partitions.filter((p) => p.endsAt <= cutoff);
  for (const p of expired) {
    // one short transaction per partition; give up rather than queue behind a long reader
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(`set local lock_timeout = '5s'`);
      await client.query(`drop table if exists "${p.name}"`);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
  return { cutoff, dropped: expired.map((p) => p.name), kept: partitions.length - expired.length };
}
