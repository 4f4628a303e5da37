import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applyRetention } from './apply-retention';
import { ingestSamples } from './ingest-samples';
import { listPartitions } from './partitions';
import { rowsOf, sample, seededSystem } from './test-fixtures';

let scope: { systemId: string; departmentId: string };
beforeAll(async () => {
  scope = await seededSystem('SYS-RELIEF');
});

const count = async (query: ReturnType<typeof sql>) => Number((await rowsOf<{ n: string }>(query))[0]!.n);

describe('applyRetention', () => {
  it('drops whole raw partitions past the retention period and keeps every rollup', async () => {
    // samples in January, February and March 2030, each ingested while it was recent
    for (const at of ['2030-01-15T10:00:00+09:00', '2030-02-15T10:00:00+09:00', '2030-03-15T10:00:00+09:00'])
      await ingestSamples({ now: new Date(at), samples: [sample(at, { ...scope })] });
    const before = (await listPartitions()).map((p) => p.name);
    expect(before).toEqual(expect.arrayContaining(['metering_samples_p203001', 'metering_samples_p203002']));

    // 1 June 2030 with 90 days: the cutoff is 3 March, so January and February go; March stays
    const result = await applyRetention({ now: new Date('2030-06-01T00:00:00+09:00'), retentionDays: 90 });
    expect(result.dropped).toEqual(
      expect.arrayContaining(['metering_samples_p203001', 'metering_samples_p203002']),
    );
    expect(result.dropped).not.toContain('metering_samples_p203003');
    const after = (await listPartitions()).map((p) => p.name);
    expect(after).toContain('metering_samples_p203003');
    // the coming months are created ahead
    expect(after).toEqual(expect.arrayContaining(['metering_samples_p203006', 'metering_samples_p203008']));

    expect(
      await count(sql`select count(*) as n from metering_samples
                      where sampled_at < '2030-03-01T00:00:00+09:00' and sampled_at >= '2030-01-01T00:00:00+09:00'`),
    ).toBe(0);
    expect(
      await count(sql`select count(*) as n from metering_scope_monthly
                      where bucket in ('2030-01-01', '2030-02-01', '2030-03-01') and system_id = ${scope.systemId}`),
    ).toBe(3);
    expect(
      await count(sql`select count(*) as n from metering_resource_hourly
                      where bucket >= '2030-01-01T00:00:00+09:00' and bucket < '2030-04-01T00:00:00+09:00'
                        and system_id = ${scope.systemId}`),
    ).toBe(3);
  });

  it('drops nothing when everything is recent', async () => {
    const result = await applyRetention({ now: new Date('2030-03-20T00:00:00+09:00'), retentionDays: 3650 });
    expect(result.dropped).toEqual([]);
  });
});
