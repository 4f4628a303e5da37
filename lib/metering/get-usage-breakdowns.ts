import { getPool } from '@/db';
import { seoulDay } from './seoul-time';
import type { UtilisationInput } from './utilisation-input';

// The utilisation dashboard's two breakdowns, from the rollups: the systems that used most in the
// period (vCPU-hours, GB-hours: additive, so months of history and metered months add up) and the
// load by hour of day (used ÷ allocated, Seoul hours).

export type Consumer = {
  systemId: string;
  code: string;
  name: string;
  departmentNameKo: string;
  departmentNameEn: string;
  vcpuHours: number;
  vcpuUsedHours: number;
  ramGbHours: number;
  ramUsedGbHours: number;
  storageGbHours: number;
  storageUsedGbHours: number;
};

const table = { hour: 'metering_scope_hourly', day: 'metering_scope_daily', month: 'metering_scope_monthly' };

function filters(
  input: UtilisationInput,
  first: number,
  cols: { pool: string; dept: string; system: string },
) {
  const params: string[] = [];
  const where: string[] = [];
  for (const [col, value] of [
    [cols.pool, input.poolId],
    [cols.dept, input.departmentId],
    [cols.system, input.systemId],
  ] as const) {
    if (value === undefined) continue;
    params.push(value);
    where.push(` and ${col} = $${first + params.length - 1}`);
  }
  return { where: where.join(''), params };
}

/** The systems with the most used vCPU-hours in the period (RAM and storage alongside), at most `limit`. */
export async function topConsumers(input: UtilisationInput, limit = 10): Promise<Consumer[]> {
  const date = input.granularity !== 'hour';
  const bound = (d: Date) => (date ? seoulDay(d) : d.toISOString());
  const m = filters(input, 3, { pool: 'pool_id', dept: 'department_id', system: 'system_id' });
  const h = filters(input, 3, { pool: 'p.pool_id', dept: 's.department_id', system: 'a.system_id' });
  // the history's months count their hours: a month's average × its length
  const history =
    input.granularity === 'month'
      ? `union all
         select a.system_id, a.vcpu * hrs, a.vcpu * coalesce(u.avg_cpu_pct, 0) / 100 * hrs, a.ram_gb * hrs,
           coalesce(u.ram_used_gb, 0) * hrs, a.storage_gb * hrs, coalesce(u.storage_used_gb, 0) * hrs
         from system_allocations_monthly a
         cross join lateral (select extract(epoch from (a.month + interval '1 month') - a.month) / 3600 as hrs) len
         join business_systems s on s.id = a.system_id
         join system_cost_profiles p on p.system_id = a.system_id
         left join system_usage_monthly u on u.system_id = a.system_id and u.month = a.month
         where a.month >= $1 and a.month < $2${h.where}
           and not exists (select 1 from metering_scope_monthly x where x.system_id = a.system_id and x.bucket = a.month)`
      : '';
  const { rows } = await getPool().query<Record<string, string | number>>(
    `with usage as (
       select system_id, vcpu_s / 3600 as v, vcpu_used_s / 3600 as vu, ram_gb_s / 3600 as r,
         ram_used_gb_s / 3600 as ru, storage_gb_s / 3600 as st, storage_used_gb_s / 3600 as su
       from ${table[input.granularity]} where bucket >= $1 and bucket < $2${m.where}
       ${history}
     ), bysys as (
       select system_id, sum(v)::float8 v, sum(vu)::float8 vu, sum(r)::float8 r, sum(ru)::float8 ru,
         sum(st)::float8 st, sum(su)::float8 su
       from usage group by system_id order by sum(vu) desc, system_id limit ${Math.floor(limit)}
     )
     select b.*, s.code, s.name, d.name_ko, d.name_en
     from bysys b join business_systems s on s.id = b.system_id join departments d on d.id = s.department_id
     order by b.vu desc, s.code`,
    [bound(input.from), bound(input.to), ...m.params],
  );
  return rows.map((r) => ({
    systemId: String(r.system_id),
    code: String(r.code),
    name: String(r.name),
    departmentNameKo: String(r.name_ko),
    departmentNameEn: String(r.name_en),
    vcpuHours: Number(r.v),
    vcpuUsedHours: Number(r.vu),
    ramGbHours: Number(r.r),
    ramUsedGbHours: Number(r.ru),
    storageGbHours: Number(r.st),
    storageUsedGbHours: Number(r.su),
  }));
}

export type HourLoad = { hour: number; cpuPct: number | null; ramPct: number | null; samples: number };

/**
 * Load by Seoul hour of day over the period: CPU busy in % of the allocated vCPUs and RAM in use in
 * % of the allocated RAM. Hourly periods read the hourly rollup; longer ones the monthly profile of
 * every month the period touches.
 */
export async function loadByHour(input: UtilisationInput): Promise<HourLoad[]> {
  const f = filters(input, 3, { pool: 'pool_id', dept: 'department_id', system: 'system_id' });
  const query =
    input.granularity === 'hour'
      ? `select extract(hour from bucket at time zone 'Asia/Seoul')::int as hour, sum(samples)::int as samples,
           sum(vcpu_used_s) / nullif(sum(vcpu_s), 0) * 100 as cpu, sum(ram_used_gb_s) / nullif(sum(ram_gb_s), 0) * 100 as ram
         from metering_scope_hourly where bucket >= $1 and bucket < $2${f.where} group by 1`
      : `select hour::int as hour, sum(samples)::int as samples,
           sum(vcpu_used_s) / nullif(sum(vcpu_s), 0) * 100 as cpu, sum(ram_used_gb_s) / nullif(sum(ram_gb_s), 0) * 100 as ram
         from metering_scope_hour_of_day where month >= date_trunc('month', $1::date) and month < $2${f.where} group by 1`;
  const params =
    input.granularity === 'hour'
      ? [input.from.toISOString(), input.to.toISOString()]
      : [seoulDay(input.from), seoulDay(input.to)];
  const { rows } = await getPool().query<{
    hour: number;
    samples: number;
    cpu: number | null;
    ram: number | null;
  }>(query, [...params, ...f.params]);
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return Array.from({ length: 24 }, (_, hour) => {
    const r = byHour.get(hour);
    return { hour, cpuPct: round1(r?.cpu ?? null), ramPct: round1(r?.ram ?? null), samples: r?.samples ?? 0 };
  });
}
