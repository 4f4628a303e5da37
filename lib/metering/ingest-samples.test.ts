import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { ingestSamples } from './ingest-samples';
import { rowsOf, sample, seededSystem } from './test-fixtures';

// Hand-computed rollups. Each case uses its own resource and a month of its own in 2031 (so no other
// file's samples share its scope buckets); `now` is set just after the samples.

let scope: { systemId: string; departmentId: string };
beforeAll(async () => {
  scope = await seededSystem('SYS-PARKING');
});

const now = new Date('2031-05-20T00:00:00+09:00');

const hourly = (resourceId: string) =>
  rowsOf<{ bucket: string; samples: number; seconds: number; cpu_pct_sum: number; cpu_pct_max: number }>(
    sql`select bucket, samples, seconds::int, cpu_pct_sum, cpu_pct_max from metering_resource_hourly
        where resource_id = ${resourceId} order by bucket`,
  );
const scopeRow = (table: string, bucket: string) =>
  rowsOf<Record<string, number>>(
    sql`select samples, vcpu_s, vcpu_used_s, ram_gb_s, ram_used_gb_s, cpu_pct_max,
          extract(epoch from last_end - first_at)::int as span
        from ${sql.raw(table)} where bucket = ${bucket}::${sql.raw(table.endsWith('hourly') ? 'timestamptz' : 'date')}
        and system_id = ${scope.systemId}`,
  );

describe('ingestSamples', () => {
  it('rolls two samples of an hour up into sums, maxima and vCPU-seconds', async () => {
    const resourceId = randomUUID();
    const base = { ...scope, resourceId };
    const result = await ingestSamples({
      now,
      samples: [
        sample('2031-05-03T10:00:00+09:00', { ...base, cpuPct: 10, ramUsedGb: 8 }),
        sample('2031-05-03T10:05:00+09:00', { ...base, cpuPct: 30, ramUsedGb: 12 }),
      ],
    });
    expect(result).toEqual({ received: 2, inserted: 2, duplicates: 0, tooOld: 0 });
    const [h] = await hourly(resourceId);
    expect(h).toMatchObject({ samples: 2, seconds: 600, cpu_pct_sum: 40, cpu_pct_max: 30 });
    expect(new Date(h!.bucket).toISOString()).toBe('2031-05-03T01:00:00.000Z');
    // 4 vCPU × 600 s allocated; used 4 × 10 % × 300 + 4 × 30 % × 300 = 120 + 360
    const [sh] = await scopeRow('metering_scope_hourly', '2031-05-03T10:00:00+09:00');
    expect(sh).toMatchObject({ samples: 2, vcpu_s: 2400, vcpu_used_s: 480, ram_gb_s: 9600, span: 600 });
    expect(sh!.ram_used_gb_s).toBeCloseTo(8 * 300 + 12 * 300, 6);
    // the pool's rollup holds the same sums (the whole-pool views read it)
    const [pool] = await rowsOf<Record<string, number>>(
      sql`select samples, vcpu_s, vcpu_used_s from metering_pool_hourly
          where bucket = '2031-05-03T10:00:00+09:00' and pool_id = 'dc-primary'`,
    );
    expect(pool).toEqual({ samples: 2, vcpu_s: 2400, vcpu_used_s: 480 });
  });

  it('counts a sample sent twice once, and a late sample corrects its hour, day and month', async () => {
    const resourceId = randomUUID();
    const base = { ...scope, resourceId };
    const first = sample('2031-06-10T23:55:00+09:00', { ...base, cpuPct: 20 });
    await ingestSamples({ now: new Date('2031-06-20T00:00:00+09:00'), samples: [first] });

    // the same reading again (a retried round): nothing changes
    const again = await ingestSamples({ now: new Date('2031-06-20T00:00:00+09:00'), samples: [first] });
    expect(again).toMatchObject({ inserted: 0, duplicates: 1 });
    // and twice within one batch
    const twin = sample('2031-06-10T23:50:00+09:00', { ...base, cpuPct: 40 });
    const late = await ingestSamples({ now: new Date('2031-06-20T00:00:00+09:00'), samples: [twin, twin] });
    expect(late).toMatchObject({ received: 2, inserted: 1, duplicates: 1 });

    expect(await hourly(resourceId)).toMatchObject([{ samples: 2, cpu_pct_sum: 60, cpu_pct_max: 40 }]);
    // 23:50 and 23:55 Seoul time are on 10 June in Seoul (14:50 UTC)
    const [day] = await scopeRow('metering_scope_daily', '2031-06-10');
    expect(day).toMatchObject({ samples: 2, vcpu_s: 2400, vcpu_used_s: 4 * 0.2 * 300 + 4 * 0.4 * 300 });
    const [month] = await scopeRow('metering_scope_monthly', '2031-06-01');
    expect(month).toMatchObject({ samples: 2, span: 600 });

    // showback by usage reads the month: CPU 30 %, RAM and storage as time-weighted averages
    const [usage] = await rowsOf<{ avg_cpu_pct: string; ram_used_gb: string; storage_used_gb: string }>(
      sql`select avg_cpu_pct, ram_used_gb, storage_used_gb from system_usage_monthly
          where system_id = ${scope.systemId} and month = '2031-06-01'`,
    );
    expect(usage).toEqual({ avg_cpu_pct: '30.00', ram_used_gb: '8.00', storage_used_gb: '50.00' });
  });

  it('puts a sample into its Seoul day and month, not UTC’s', async () => {
    const resourceId = randomUUID();
    // 2031-07-31 23:30 UTC is 1 August 08:30 in Seoul
    await ingestSamples({
      now: new Date('2031-08-10T00:00:00Z'),
      samples: [sample('2031-07-31T23:30:00Z', { ...scope, resourceId, cpuPct: 50 })],
    });
    expect(await scopeRow('metering_scope_monthly', '2031-07-01')).toEqual([]);
    expect(await scopeRow('metering_scope_monthly', '2031-08-01')).toMatchObject([{ samples: 1 }]);
    const [profile] = await rowsOf<{ hour: number; vcpu_used_s: number }>(
      sql`select hour, vcpu_used_s from metering_scope_hour_of_day
          where month = '2031-08-01' and system_id = ${scope.systemId}`,
    );
    expect(profile).toEqual({ hour: 8, vcpu_used_s: 4 * 0.5 * 300 });
  });

  it('refuses samples older than the retention period and keeps the rest', async () => {
    const result = await ingestSamples({
      now: new Date('2031-09-30T00:00:00+09:00'),
      retentionDays: 30,
      samples: [
        sample('2031-08-01T00:00:00+09:00', { ...scope }),
        sample('2031-09-29T00:00:00+09:00', { ...scope }),
      ],
    });
    expect(result).toEqual({ received: 2, inserted: 1, duplicates: 0, tooOld: 1 });
  });
  it('stores every field as sent: instants, uuids in any case, fractions; a sample repeated in another case counts once', async () => {
    const resourceId = randomUUID();
    const base = { ...scope, resourceId };
    const samples = [
      sample('2031-10-02T09:00:00.123+09:00', { ...base, cpuPct: 12.3, ramUsedGb: 7.7, storageUsedGb: 42.5 }),
      sample('2031-10-02T09:05:00+09:00', { ...base, cpuPct: 250, ramUsedGb: Number.NaN, intervalS: 300 }),
      // the same resource and instant as the first, its id in capitals: a duplicate
      sample('2031-10-02T09:00:00.123+09:00', { ...base, resourceId: resourceId.toUpperCase(), cpuPct: 99 }),
    ];
    const result = await ingestSamples({ now: new Date('2031-10-03T00:00:00+09:00'), samples });
    expect(result).toEqual({ received: 3, inserted: 2, duplicates: 1, tooOld: 0 });
    const raw = await rowsOf<{
      sampled_at: Date;
      cpu_pct: number;
      ram_used_gb: number;
      storage_used_gb: number;
    }>(
      sql`select sampled_at, cpu_pct, ram_used_gb, storage_used_gb from metering_samples
          where resource_id = ${resourceId} order by sampled_at`,
    );
    expect(raw.map((r) => new Date(r.sampled_at).toISOString())).toEqual([
      '2031-10-02T00:00:00.123Z',
      '2031-10-02T00:05:00.000Z',
    ]);
    // real columns read back as sent; out-of-range values clamped, NaN as 0
    expect(raw[0]).toMatchObject({ cpu_pct: 12.3, ram_used_gb: 7.7, storage_used_gb: 42.5 });
    expect(raw[1]).toMatchObject({ cpu_pct: 100, ram_used_gb: 0 });
    expect(await hourly(resourceId)).toMatchObject([{ samples: 2, seconds: 600, cpu_pct_max: 100 }]);
  });

  it('adds up two batches of the same resource and hour sent at the same time', async () => {
    const resourceId = randomUUID();
    const base = { ...scope, resourceId };
    const batch = (minute: string, cpuPct: number) =>
      ingestSamples({
        now: new Date('2031-11-03T00:00:00+09:00'),
        samples: [sample(`2031-11-02T14:${minute}:00+09:00`, { ...base, cpuPct })],
      });
    const results = await Promise.all([batch('00', 10), batch('05', 20), batch('10', 30)]);
    expect(results.map((r) => r.inserted)).toEqual([1, 1, 1]);
    expect(await hourly(resourceId)).toMatchObject([
      { samples: 3, seconds: 900, cpu_pct_sum: 60, cpu_pct_max: 30 },
    ]);
  });
});
