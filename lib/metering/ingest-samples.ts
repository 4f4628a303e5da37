import type { PoolClient } from 'pg';
import { getPool } from '@/db';
import {
  copyIntoStaging,
  createStagingTable,
  type EncodedBatch,
  encodeBatch,
  SAMPLE_COLUMNS,
  STAGING_TABLE,
} from './copy-samples';
import { ensurePartitions } from './partitions';
import {
  hourOfDayUpsert,
  type ResourceHourlyMode,
  resourceHourlyUpsert,
  scopeHours,
  scopeUpsert,
  systemUsageMonthlyRefresh,
} from './rollup-sql';
import { meteringSettings } from './settings';

const DAY_MS = 86_400_000;
/** Seoul is UTC+9 all year (lib/metering/seoul-time.ts) */
const SEOUL_OFFSET_MS = 9 * 3_600_000;

/** One usage reading of a resource, with what the resource was given and where it belongs. */
export type UsageSample = {
  resourceId: string;
  /** the start of the interval the reading stands for */
  sampledAt: Date;
  /** how many seconds the reading stands for (the collection interval) */
  intervalS: number;
  poolId: string;
  departmentId: string;
  systemId: string;
  /** allocated */
  vcpu: number;
  ramGb: number;
  storageGb: number;
  /** measured: CPU busy in % of the allocated vCPUs, RAM and disk in use in GB */
  cpuPct: number;
  ramUsedGb: number;
  storageUsedGb: number;
};

export type IngestResult = {
  received: number;
  /** new samples stored and rolled up */
  inserted: number;
  /** samples already stored (same resource and instant): ignored */
  duplicates: number;
  /** samples older than the retention period: refused, their raw partition may be gone */
  tooOld: number;
};

export type IngestSamplesOptions = {
  samples: UsageSample[];
  now?: Date;
  retentionDays?: number;
};

/**
 * Stores a batch of samples and rolls them up, in one transaction: the batch is copied (binary COPY)
 * into the session's staging table, the raw rows go from there into metering_samples, and only the
 * rows that were new are added to the hourly, daily and monthly rollups per resource, per scope and
 * per pool (counts, sums of value × seconds, maxima), the load profile and system_usage_monthly.
 * So a late sample corrects its buckets and a sample sent twice counts once.
 */
export async function ingestSamples({
  samples,
  now = new Date(),
  retentionDays = meteringSettings().retentionDays,
}: IngestSamplesOptions): Promise<IngestResult> {
  const cutoff = now.getTime() - retentionDays * 86_400_000;
  const fresh = samples.filter((s) => s.sampledAt.getTime() >= cutoff);
  const result: IngestResult = {
    received: samples.length,
    inserted: 0,
    duplicates: 0,
    tooOld: samples.length - fresh.length,
  };
  if (fresh.length === 0) return result;

  const pool = getPool();
  // partitions first, outside the transaction: creating one locks the parent table briefly
  await ensurePartitions(seoulMonthsOf(fresh), pool);
  const batch = encodeBatch(fresh);
  // first as if every sample and hour were new (plain inserts); when a key is already stored, again
  // with conflict handling
  let cautious = false;
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const inserted = await insertAndRollUp(client, batch, cautious);
      await client.query('commit');
      result.inserted = inserted;
      result.duplicates = fresh.length - inserted;
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      const code = (error as { code?: string }).code ?? '';
      // a sample of the batch is stored already (a retried round, a re-sent file), or another batch
      // took one of its hours meanwhile: again, skipping what is stored and upserting every rollup
      if (code === '23505' && !cautious) {
        cautious = true;
        continue;
      }
      // every statement takes its row locks in one order (raw, then each rollup, keys sorted), so
      // concurrent batches should not deadlock; should PostgreSQL still pick this one, try it again
      if (attempt < 4 && ['40P01', '40001'].includes(code)) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}

/** The Seoul months (YYYY-MM-01) the samples fall in, from their distinct days. */
function seoulMonthsOf(samples: UsageSample[]): string[] {
  const days = new Set<number>();
  for (const s of samples) days.add(Math.floor((s.sampledAt.getTime() + SEOUL_OFFSET_MS) / DAY_MS));
  // day d is the Seoul date whose midnight, read as UTC, is d × 24 h
  return [...new Set([...days].map((d) => `${new Date(d * DAY_MS).toISOString().slice(0, 7)}-01`))];
}

/**
 * The raw rows from the staging table, in key order: copy-samples.ts wrote them sorted, and a temporary
 * table filled by one COPY reads back in the order written. A key already stored fails it (23505).
 */
const rawInsert = `insert into metering_samples (${SAMPLE_COLUMNS}) select ${SAMPLE_COLUMNS} from ${STAGING_TABLE}`;

/** The same, skipping rows already stored, then dropping those from the staging table (not new). */
const rawInsertSkippingStored = `
with ins as (
  insert into metering_samples (${SAMPLE_COLUMNS}) select ${SAMPLE_COLUMNS} from ${STAGING_TABLE}
  on conflict do nothing returning sampled_at, resource_id
)
delete from ${STAGING_TABLE} g
where not exists (select 1 from ins where ins.sampled_at = g.sampled_at and ins.resource_id = g.resource_id)`;

/** Does the per-resource hourly rollup hold any row in these hours? ($1, $2: the first and last hour) */
const hoursTaken = `select exists (select 1 from metering_resource_hourly where bucket between $1 and $2) as taken`;

/** Every rollup from the staging table's rows (all of them new), in one statement. */
const rollupStatement = (mode: ResourceHourlyMode) => `
with h as (${scopeHours(STAGING_TABLE)}),
rh as (${resourceHourlyUpsert(STAGING_TABLE, mode)}),
sh as (${scopeUpsert('metering_scope_hourly', 'hour')}),
sd as (${scopeUpsert('metering_scope_daily', 'day')}),
sm as (${scopeUpsert('metering_scope_monthly', 'month')}),
hd as (${hourOfDayUpsert}),
ph as (${scopeUpsert('metering_pool_hourly', 'hour', ['pool_id'])}),
pd as (${scopeUpsert('metering_pool_daily', 'day', ['pool_id'])}),
pm as (${scopeUpsert('metering_pool_monthly', 'month', ['pool_id'])})
select coalesce((select sum(samples) from h), 0)::int as inserted,
  coalesce((select json_agg(json_build_array(system_id, month)) from (
    select system_id, date_trunc('month', b_hour at time zone 'Asia/Seoul')::date as month
    from h group by 1, 2) p), '[]') as pairs`;
const statements = new Map<string, string>();
const rollups = (mode: ResourceHourlyMode) => {
  const key = `${mode.onePerHour}:${mode.insertOnly}`;
  let text = statements.get(key);
  if (!text) {
    text = rollupStatement(mode);
    statements.set(key, text);
  }
  return text;
};

/**
 * One attempt, inside the caller's transaction. `cautious`: a first attempt found a key already
 * stored, so raw rows already stored are skipped and the hourly rollup is upserted whatever it holds.
 */
async function insertAndRollUp(client: PoolClient, batch: EncodedBatch, cautious: boolean): Promise<number> {
  // a batch's sorts and groupings fit in memory (the default 4 MB spills a 20,000-sample batch to disk)
  await client.query(`set local work_mem = '32MB'; ${createStagingTable}`);
  await copyIntoStaging(client, batch);
  await client.query(cautious ? rawInsertSkippingStored : rawInsert);
  const taken = cautious
    ? true
    : (await client.query<{ taken: boolean }>(hoursTaken, [batch.firstHour, batch.lastHour])).rows[0]!.taken;
  const { rows } = await client.query<{ inserted: number; pairs: [string, string][] }>(
    rollups({ onePerHour: batch.onePerHour, insertOnly: !taken }),
  );
  const { inserted, pairs } = rows[0]!;
  if (pairs.length)
    await client.query(systemUsageMonthlyRefresh, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
  return inserted;
}
