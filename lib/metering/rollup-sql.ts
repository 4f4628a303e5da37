// The SQL that rolls a set of new samples into every rollup, as one statement (lib/metering/ingest-samples.ts).
// The samples are read from the session's staging table (lib/metering/copy-samples.ts), which holds
// exactly the samples just stored — so a sample arriving twice is rolled up once — in key order
// (instant, resource). `h` sums them per Seoul hour and scope. Seoul is UTC+9 all year, so an hour
// never straddles a Seoul day. Each rollup is an upsert that adds counts and sums and keeps maxima
// with greatest(): a late sample corrects its buckets without reading anything else.

const SCOPE = ['pool_id', 'department_id', 'system_id'];

/** A sample's Seoul hour */
const HOUR = "date_trunc('hour', i.sampled_at, 'Asia/Seoul')";

/** value × seconds of a sample, per rollup column (allocated and used) */
const PRODUCTS = {
  vcpu_s: 'i.vcpu::float8 * i.interval_s',
  vcpu_used_s: 'i.vcpu::float8 * i.cpu_pct / 100 * i.interval_s',
  ram_gb_s: 'i.ram_gb::float8 * i.interval_s',
  ram_used_gb_s: 'i.ram_used_gb::float8 * i.interval_s',
  storage_gb_s: 'i.storage_gb::float8 * i.interval_s',
  storage_used_gb_s: 'i.storage_used_gb::float8 * i.interval_s',
} as const;
const SUMS = Object.keys(PRODUCTS) as (keyof typeof PRODUCTS)[];

const RESOURCE_HOURLY_COLUMNS = `resource_id, bucket, pool_id, department_id, system_id,
    samples, seconds, vcpu_max, ram_gb_max, storage_gb_max, cpu_pct_sum, cpu_pct_max,
    ram_used_gb_sum, ram_used_gb_max, storage_used_gb_sum, storage_used_gb_max`;

export type ResourceHourlyMode = {
  /**
   * At most one sample per resource and hour (hourly history, one collection round): each sample is
   * its own group, so the grouping (a hash of every row, then a sort) is skipped, and the rows go in
   * as the staging table holds them, already in key order. The figures are the same.
   */
  onePerHour: boolean;
  /**
   * No row of the rollup exists yet in the batch's hours: a plain insert, without the conflict
   * check of an upsert. Should another batch add one meanwhile, the insert fails (23505) and the
   * caller runs the batch again as an upsert.
   */
  insertOnly: boolean;
};

/** Insert or upsert of metering_resource_hourly from the samples in `source`. */
export function resourceHourlyUpsert(source: string, { onePerHour, insertOnly }: ResourceHourlyMode): string {
  const rows = onePerHour
    ? `select i.resource_id, ${HOUR}, i.pool_id, i.department_id, i.system_id, 1, i.interval_s, i.vcpu,
    i.ram_gb, i.storage_gb, i.cpu_pct, i.cpu_pct, i.ram_used_gb, i.ram_used_gb, i.storage_used_gb,
    i.storage_used_gb
  from ${source} i`
    : `select i.resource_id, ${HOUR} as b, max(i.pool_id), max(i.department_id::text)::uuid,
    max(i.system_id::text)::uuid, count(*), sum(i.interval_s), max(i.vcpu), max(i.ram_gb),
    max(i.storage_gb), sum(i.cpu_pct), max(i.cpu_pct), sum(i.ram_used_gb), max(i.ram_used_gb),
    sum(i.storage_used_gb), max(i.storage_used_gb)
  from ${source} i group by i.resource_id, b
  order by b, i.resource_id`;
  return `
  insert into metering_resource_hourly as r (${RESOURCE_HOURLY_COLUMNS})
  ${rows}${
    insertOnly
      ? ''
      : `
  on conflict (resource_id, bucket) do update set
    pool_id = excluded.pool_id, department_id = excluded.department_id, system_id = excluded.system_id,
    samples = r.samples + excluded.samples,
    seconds = r.seconds + excluded.seconds,
    vcpu_max = greatest(r.vcpu_max, excluded.vcpu_max),
    ram_gb_max = greatest(r.ram_gb_max, excluded.ram_gb_max),
    storage_gb_max = greatest(r.storage_gb_max, excluded.storage_gb_max),
    cpu_pct_sum = r.cpu_pct_sum + excluded.cpu_pct_sum,
    cpu_pct_max = greatest(r.cpu_pct_max, excluded.cpu_pct_max),
    ram_used_gb_sum = r.ram_used_gb_sum + excluded.ram_used_gb_sum,
    ram_used_gb_max = greatest(r.ram_used_gb_max, excluded.ram_used_gb_max),
    storage_used_gb_sum = r.storage_used_gb_sum + excluded.storage_used_gb_sum,
    storage_used_gb_max = greatest(r.storage_used_gb_max, excluded.storage_used_gb_max)`
  }`;
}

/**
 * `h`: the samples in `source` summed per Seoul hour and scope, once. Every coarser rollup (day,
 * month, the pool totals, the load profile) is summed from these few rows instead of from every sample.
 */
export const scopeHours = (source: string) => `
  select ${HOUR} as b_hour, ${SCOPE.map((c) => `i.${c}`).join(', ')}, count(*)::int as samples,
    min(i.sampled_at) as first_at, max(i.sampled_at + make_interval(secs => i.interval_s)) as last_end,
    ${SUMS.map((c) => `sum(${PRODUCTS[c]}) as ${c}`).join(', ')}, max(i.cpu_pct) as cpu_pct_max
  from ${source} i group by b_hour, ${SCOPE.map((c) => `i.${c}`).join(', ')}`;

/** A Seoul bucket of `h`'s hour: the hour itself, its day or its month. */
const bucketOf = {
  hour: 'b_hour',
  day: "(b_hour at time zone 'Asia/Seoul')::date",
  month: "date_trunc('month', b_hour at time zone 'Asia/Seoul')::date",
} as const;

/**
 * Upsert of one scope rollup from `h`: per hour, day or month, and per `scope` (pool, department,
 * system; or the pool alone).
 */
export function scopeUpsert(table: string, grain: keyof typeof bucketOf, scope: string[] = SCOPE): string {
  const keys = ['bucket', ...scope];
  return `
  insert into ${table} as r (${keys.join(', ')}, samples, first_at, last_end, ${SUMS.join(', ')}, cpu_pct_max)
  select ${bucketOf[grain]} as b, ${scope.join(', ')}, sum(samples), min(first_at), max(last_end),
    ${SUMS.map((c) => `sum(${c})`).join(', ')}, max(cpu_pct_max)
  from h group by b, ${scope.join(', ')}
  order by b, ${scope.join(', ')}
  on conflict (${keys.join(', ')}) do update set
    samples = r.samples + excluded.samples,
    first_at = least(r.first_at, excluded.first_at),
    last_end = greatest(r.last_end, excluded.last_end),
    ${SUMS.map((c) => `${c} = r.${c} + excluded.${c}`).join(',\n    ')},
    cpu_pct_max = greatest(r.cpu_pct_max, excluded.cpu_pct_max)`;
}

const HOD_SUMS = ['vcpu_s', 'vcpu_used_s', 'ram_gb_s', 'ram_used_gb_s'];

/** Upsert of the load profile (Seoul month × hour of day × scope) from `h`. */
export const hourOfDayUpsert = `
  insert into metering_scope_hour_of_day as r (month, hour, ${SCOPE.join(', ')}, samples, ${HOD_SUMS.join(', ')})
  select ${bucketOf.month} as m, extract(hour from b_hour at time zone 'Asia/Seoul')::smallint as hod,
    ${SCOPE.join(', ')}, sum(samples), ${HOD_SUMS.map((c) => `sum(${c})`).join(', ')}
  from h group by m, hod, ${SCOPE.join(', ')}
  order by m, hod, ${SCOPE.join(', ')}
  on conflict (month, hour, ${SCOPE.join(', ')}) do update set
    samples = r.samples + excluded.samples,
    ${HOD_SUMS.map((c) => `${c} = r.${c} + excluded.${c}`).join(',\n    ')}`;

/**
 * system_usage_monthly (the showback-by-usage input of lib/costs) recomputed from the monthly scope
 * rollup for the given (system, month) pairs: CPU % = used ÷ allocated vCPU-seconds; RAM and storage
 * in use = GB-seconds ÷ the system's metered span of the month (a time-weighted average).
 * $1 system ids, $2 months (YYYY-MM-01), pairwise.
 */
export const systemUsageMonthlyRefresh = `
  insert into system_usage_monthly as u (system_id, month, avg_cpu_pct, ram_used_gb, storage_used_gb)
  select m.system_id, m.bucket,
    coalesce(least(100, round((100 * sum(m.vcpu_used_s) / nullif(sum(m.vcpu_s), 0))::numeric, 2)), 0),
    round((sum(m.ram_used_gb_s) / greatest(1, extract(epoch from max(m.last_end) - min(m.first_at))))::numeric, 2),
    round((sum(m.storage_used_gb_s) / greatest(1, extract(epoch from max(m.last_end) - min(m.first_at))))::numeric, 2)
  from metering_scope_monthly m
  join (select unnest($1::uuid[]) as system_id, unnest($2::date[]) as month) t
    on t.system_id = m.system_id and t.month = m.bucket
  where exists (select 1 from business_systems b where b.id = m.system_id)
  group by m.system_id, m.bucket
  order by m.system_id, m.bucket
  on conflict (system_id, month) do update set
    avg_cpu_pct = excluded.avg_cpu_pct,
    ram_used_gb = excluded.ram_used_gb,
    storage_used_gb = excluded.storage_used_gb`;
