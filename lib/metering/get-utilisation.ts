import { getPool } from '@/db';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { type Capacity, capacityAt, loadPoolCapacity } from './queries';
import { bucketLabel, bucketsBetween, type Granularity, nextBucket, seoulDay, seoulIso } from './seoul-time';
import type { UtilisationInput } from './utilisation-input';

export type Figures = { vcpu: number; ramGb: number; storageGb: number };

/** One point of the series: averages over the bucket (time-weighted), one decimal. */
export type UtilisationPoint = {
  /** the bucket's start, ISO-8601 with the Seoul offset */
  at: string;
  /** 2026-03 · 2026-03-05 · 2026-03-05 14:00 */
  label: string;
  /** the pools in scope at the end of the bucket */
  capacity: Capacity;
  /** average allocated and used; null where nothing was recorded */
  allocated: Figures | null;
  used: Figures | null;
  /** where the figures come from: metering rollups, or the systems' monthly history (before metering) */
  sources: ('metering' | 'history')[];
};

export type Utilisation = {
  from: string;
  to: string;
  granularity: Granularity;
  timeZone: 'Asia/Seoul';
  scope: { poolId: string | null; departmentId: string | null; systemId: string | null };
  series: UtilisationPoint[];
};

const tables: Record<Granularity, string> = {
  hour: 'metering_scope_hourly',
  day: 'metering_scope_daily',
  month: 'metering_scope_monthly',
};
/** the per-pool rollups: one row per pool and bucket, for views not narrowed to a department or system */
const poolTables: Record<Granularity, string> = {
  hour: 'metering_pool_hourly',
  day: 'metering_pool_daily',
  month: 'metering_pool_monthly',
};

type Sums = {
  vcpu_s: number;
  vcpu_used_s: number;
  ram_gb_s: number;
  ram_used_gb_s: number;
  storage_gb_s: number;
  storage_used_gb_s: number;
  span: number;
};

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The SQL filter of a scope, from parameter `$first` on. */
function scopeFilter(
  input: UtilisationInput,
  first: number,
  columns: { pool: string; dept: string; system: string },
) {
  const where: string[] = [];
  const params: string[] = [];
  const add = (column: string, value: string | undefined) => {
    if (value === undefined) return;
    params.push(value);
    where.push(`${column} = $${first + params.length - 1}`);
  };
  add(columns.pool, input.poolId);
  add(columns.dept, input.departmentId);
  add(columns.system, input.systemId);
  return { where: where.map((w) => ` and ${w}`).join(''), params };
}

/** The rollup sums per bucket: Σ value × seconds and the metered span of the bucket. */
async function meteredSums(input: UtilisationInput): Promise<Map<number, Sums>> {
  const date = input.granularity !== 'hour';
  const bound = (at: Date) => (date ? seoulDay(at) : at.toISOString());
  const filter = scopeFilter(input, 3, { pool: 'pool_id', dept: 'department_id', system: 'system_id' });
  const { rows } = await getPool().query<Sums & { bucket: string }>(
    `select ${date ? `bucket::text` : `bucket`} as bucket,
       sum(vcpu_s) as vcpu_s, sum(vcpu_used_s) as vcpu_used_s, sum(ram_gb_s) as ram_gb_s,
       sum(ram_used_gb_s) as ram_used_gb_s, sum(storage_gb_s) as storage_gb_s,
       sum(storage_used_gb_s) as storage_used_gb_s,
       extract(epoch from max(last_end) - min(first_at))::float8 as span
     from ${(input.departmentId || input.systemId ? tables : poolTables)[input.granularity]}
     where bucket >= $1 and bucket < $2${filter.where}
     group by bucket`,
    [bound(input.from), bound(input.to), ...filter.params],
  );
  return new Map(
    rows.map((r) => [
      date ? new Date(`${r.bucket}T00:00:00+09:00`).getTime() : new Date(r.bucket).getTime(),
      r,
    ]),
  );
}

type HistoryRow = {
  bucket: string;
  vcpu: number;
  ram_gb: number;
  storage_gb: number;
  vcpu_used: number | null;
  ram_used_gb: number | null;
  storage_used_gb: number | null;
};

/**
 * Months before metering: the systems' monthly allocations and measured usage (the demo's 2016–2021
 * history, or figures imported from the old monitoring), for every (system, month) that has no
 * metering rollup, so nothing is counted twice.
 */
async function historySums(input: UtilisationInput): Promise<Map<number, HistoryRow>> {
  const filter = scopeFilter(input, 3, { pool: 'p.pool_id', dept: 's.department_id', system: 'a.system_id' });
  const { rows } = await getPool().query<HistoryRow>(
    `select a.month::text as bucket, sum(a.vcpu)::float8 as vcpu, sum(a.ram_gb)::float8 as ram_gb,
       sum(a.storage_gb)::float8 as storage_gb,
       sum(a.vcpu * u.avg_cpu_pct / 100)::float8 as vcpu_used,
       sum(u.ram_used_gb)::float8 as ram_used_gb, sum(u.storage_used_gb)::float8 as storage_used_gb
     from system_allocations_monthly a
     join business_systems s on s.id = a.system_id
     join system_cost_profiles p on p.system_id = a.system_id
     left join system_usage_monthly u on u.system_id = a.system_id and u.month = a.month
     where a.month >= $1 and a.month < $2${filter.where}
       and not exists (select 1 from metering_scope_monthly m where m.system_id = a.system_id and m.bucket = a.month)
     group by a.month`,
    [seoulDay(input.from), seoulDay(input.to), ...filter.params],
  );
  return new Map(rows.map((r) => [new Date(`${r.bucket}T00:00:00+09:00`).getTime(), r]));
}

export type GetUtilisationOptions = { actor: Actor; input: UtilisationInput };

/**
 * GET /api/v1/dashboards/utilisation: capacity, allocated and used over time, bucket by bucket, for
 * every pool or one, a department or a system. Reads rollups only (hourly, daily or monthly by the
 * granularity), never raw samples. Allocated and used are time-weighted averages over the metered
 * part of each bucket (Σ value × seconds ÷ seconds); monthly buckets add the systems' monthly history
 * where metering has nothing.
 */
export async function getUtilisation({ actor, input }: GetUtilisationOptions): Promise<Utilisation> {
  requirePermission(actor, 'dashboards:read');
  const [metered, history, pools] = await Promise.all([
    meteredSums(input),
    input.granularity === 'month' ? historySums(input) : Promise.resolve(new Map<number, HistoryRow>()),
    loadPoolCapacity(),
  ]);
  const inScope = pools.filter((p) => !input.poolId || p.id === input.poolId);

  const series = bucketsBetween(input.from, input.to, input.granularity).map((start): UtilisationPoint => {
    const end = nextBucket(start, input.granularity);
    const capacity = inScope.reduce(
      (sum, pool) => {
        const c = capacityAt(pool, end);
        return {
          vcpu: sum.vcpu + c.vcpu,
          ramGb: sum.ramGb + c.ramGb,
          storageGb: sum.storageGb + c.storageGb,
        };
      },
      { vcpu: 0, ramGb: 0, storageGb: 0 },
    );
    const m = metered.get(start.getTime());
    const h = history.get(start.getTime());
    const allocated = m || h ? { vcpu: 0, ramGb: 0, storageGb: 0 } : null;
    const used = m || h ? { vcpu: 0, ramGb: 0, storageGb: 0 } : null;
    if (m && allocated && used) {
      const span = Math.max(1, m.span);
      allocated.vcpu += m.vcpu_s / span;
      allocated.ramGb += m.ram_gb_s / span;
      allocated.storageGb += m.storage_gb_s / span;
      used.vcpu += m.vcpu_used_s / span;
      used.ramGb += m.ram_used_gb_s / span;
      used.storageGb += m.storage_used_gb_s / span;
    }
    if (h && allocated && used) {
      allocated.vcpu += h.vcpu;
      allocated.ramGb += h.ram_gb;
      allocated.storageGb += h.storage_gb;
      used.vcpu += h.vcpu_used ?? 0;
      used.ramGb += h.ram_used_gb ?? 0;
      used.storageGb += h.storage_used_gb ?? 0;
    }
    const r = (f: Figures | null) =>
      f && { vcpu: round1(f.vcpu), ramGb: round1(f.ramGb), storageGb: round1(f.storageGb) };
    return {
      at: seoulIso(start),
      label: bucketLabel(start, input.granularity),
      capacity,
      allocated: r(allocated),
      used: r(used),
      sources: [...(m ? (['metering'] as const) : []), ...(h ? (['history'] as const) : [])],
    };
  });

  return {
    from: seoulIso(input.from),
    to: seoulIso(input.to),
    granularity: input.granularity,
    timeZone: 'Asia/Seoul',
    scope: {
      poolId: input.poolId ?? null,
      departmentId: input.departmentId ?? null,
      systemId: input.systemId ?? null,
    },
    series,
  };
}
