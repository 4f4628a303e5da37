import type { PoolClient } from 'pg';
import { getPool } from '@/db';
import { ensurePartitions } from './partitions';
import {
  derivedSamples,
  hourOfDayUpsert,
  resourceHourlyUpsert,
  scopeHours,
  scopeUpsert,
  systemUsageMonthlyRefresh,
} from './rollup-sql';
import { seoulMonth } from './seoul-time';
import { meteringSettings } from './settings';

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

const clamp = (x: number, lo: number, hi: number) =>
  Number.isFinite(x) ? Math.min(hi, Math.max(lo, x)) : lo;

/**
 * Stores a batch of samples and rolls them up, in one transaction: the raw rows are inserted with
 * `on conflict do nothing returning`, and only what was inserted is added to the hourly, daily and
 * monthly rollups per scope and per pool (counts, sums of value × seconds, maxima), the load profile
 * and system_usage_monthly.
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
  await ensurePartitions(
    fresh.map((s) => seoulMonth(s.sampledAt)),
    pool,
  );
  const params = arrayParams(fresh);
  for (let attempt = 1; ; attempt++) {
    const client = await pool.connect();
    try {
      await client.query('begin');
      const inserted = await insertAndRollUp(client, params);
      await client.query('commit');
      result.inserted = inserted;
      result.duplicates = fresh.length - inserted;
      return result;
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      // every statement takes its row locks in one order (raw, then each rollup, keys sorted), so
      // concurrent batches should not deadlock; should PostgreSQL still pick this one, try it again
      if (attempt < 3 && ['40P01', '40001'].includes((error as { code?: string }).code ?? '')) continue;
      throw error;
    } finally {
      client.release();
    }
  }
}

const ingestStatement = `
with input as (
  select distinct on (sampled_at, resource_id) *
  from unnest($1::uuid[], $2::timestamptz[], $3::int[], $4::text[], $5::uuid[], $6::uuid[],
              $7::int[], $8::int[], $9::int[], $10::real[], $11::real[], $12::real[])
    as t(resource_id, sampled_at, interval_s, pool_id, department_id, system_id,
         vcpu, ram_gb, storage_gb, cpu_pct, ram_used_gb, storage_used_gb)
),
ins as (
  insert into metering_samples select * from input order by sampled_at, resource_id
  on conflict do nothing returning *
),
s as (${derivedSamples}),
h as (${scopeHours}),
rh as (${resourceHourlyUpsert}),
sh as (${scopeUpsert('metering_scope_hourly', 'hour')}),
sd as (${scopeUpsert('metering_scope_daily', 'day')}),
sm as (${scopeUpsert('metering_scope_monthly', 'month')}),
hd as (${hourOfDayUpsert}),
ph as (${scopeUpsert('metering_pool_hourly', 'hour', ['pool_id'])}),
pd as (${scopeUpsert('metering_pool_daily', 'day', ['pool_id'])}),
pm as (${scopeUpsert('metering_pool_monthly', 'month', ['pool_id'])})
select (select count(*) from s)::int as inserted,
  coalesce((select json_agg(json_build_array(system_id, month)) from (
    select system_id, date_trunc('month', b_hour at time zone 'Asia/Seoul')::date as month
    from h group by 1, 2) p), '[]') as pairs`;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A uuid as it goes into an array literal; anything else is refused before it reaches SQL. */
function uuid(value: string): string {
  if (!UUID.test(value)) throw new Error(`not a uuid: ${value}`);
  return value;
}

/** A text element of an array literal, quoted and escaped. */
const quoted = (value: string) => `"${value.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`;

/**
 * The batch as twelve PostgreSQL array literals, one per column. Built here rather than by pg's
 * generic array serialiser, which costs about ten times as much on a 20,000-sample batch.
 */
function arrayParams(samples: UsageSample[]): string[] {
  const cols: string[][] = Array.from({ length: 12 }, () => new Array<string>(samples.length));
  const num = (x: number, lo: number, hi: number) => String(clamp(x, lo, hi));
  const int = (x: number, lo: number, hi: number) => String(Math.round(clamp(x, lo, hi)));
  samples.forEach((s, i) => {
    cols[0]![i] = uuid(s.resourceId);
    cols[1]![i] = s.sampledAt.toISOString();
    cols[2]![i] = int(s.intervalS, 1, 86_400);
    cols[3]![i] = quoted(s.poolId);
    cols[4]![i] = uuid(s.departmentId);
    cols[5]![i] = uuid(s.systemId);
    cols[6]![i] = int(s.vcpu, 0, 1e6);
    cols[7]![i] = int(s.ramGb, 0, 1e7);
    cols[8]![i] = int(s.storageGb, 0, 1e9);
    cols[9]![i] = num(s.cpuPct, 0, 100);
    cols[10]![i] = num(s.ramUsedGb, 0, 1e7);
    cols[11]![i] = num(s.storageUsedGb, 0, 1e9);
  });
  return cols.map((c) => `{${c.join(',')}}`);
}

async function insertAndRollUp(client: PoolClient, params: string[]): Promise<number> {
  const { rows } = await client.query<{ inserted: number; pairs: [string, string][] }>(
    ingestStatement,
    params,
  );
  const { inserted, pairs } = rows[0]!;
  if (pairs.length)
    await client.query(systemUsageMonthlyRefresh, [pairs.map((p) => p[0]), pairs.map((p) => p[1])]);
  return inserted;
}
