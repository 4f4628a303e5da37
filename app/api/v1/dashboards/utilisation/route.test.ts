import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import type { Utilisation } from '@/lib/metering/get-utilisation';
import { ingestSamples } from '@/lib/metering/ingest-samples';
import { rowsOf, sample, seededSystem } from '@/lib/metering/test-fixtures';
import { GET } from './route';

type Answer = Utilisation & ApiError;

let planner: string;
let sme: { systemId: string; departmentId: string };
beforeAll(async () => {
  planner = await apiToken('planner');
  sme = await seededSystem('SYS-SME');
});

const utilisation = (query: string, token: string | undefined = planner, headers?: Record<string, string>) =>
  callRoute<Answer>(GET, { path: `/api/v1/dashboards/utilisation${query}`, token, headers });

describe('GET /api/v1/dashboards/utilisation', () => {
  it('answers the 2016–2021 history month by month, with capacity grown by the pool investments', async () => {
    const { status, body } = await utilisation('?from=2016-01&to=2021-12&poolId=dc-primary');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      granularity: 'month',
      timeZone: 'Asia/Seoul',
      from: '2016-01-01T00:00:00+09:00',
      to: '2022-01-01T00:00:00+09:00',
    });
    expect(body.series).toHaveLength(72);
    const june = body.series.find((p) => p.label === '2016-06')!;
    // 512 cores × 4 today, less the 2017–2021 tranches (48 + 48 + 64 + 32 + 64 cores × 4)
    expect(june.capacity.vcpu).toBe(2048 - 256 * 4);
    expect(june.sources).toEqual(['history']);
    const [expected] = await rowsOf<{ vcpu: string }>(
      sql`select sum(vcpu) as vcpu from system_allocations_monthly where month = '2016-06-01'`,
    );
    expect(june.allocated!.vcpu).toBe(Number(expected!.vcpu));
    expect(june.used!.vcpu).toBeGreaterThan(0);
    expect(june.used!.vcpu).toBeLessThan(june.allocated!.vcpu);
    // after the last tranche the line reaches the pool's recorded capacity
    expect(body.series.at(-1)!.capacity.vcpu).toBe(2048);
  });

  it('averages metered samples over the hour, time-weighted', async () => {
    // 4 vCPU at 50 % the whole hour, and 2 vCPU at 10 % for its second half
    const base = { ...sme, resourceId: randomUUID() };
    const other = { ...sme, resourceId: randomUUID(), vcpu: 2, cpuPct: 10 };
    const samples = Array.from({ length: 12 }, (_, i) => [
      sample(`2032-03-02T10:${String(i * 5).padStart(2, '0')}:00+09:00`, { ...base, cpuPct: 50 }),
      ...(i >= 6 ? [sample(`2032-03-02T10:${String(i * 5).padStart(2, '0')}:00+09:00`, other)] : []),
    ]).flat();
    await ingestSamples({ now: new Date('2032-03-03T00:00:00+09:00'), samples });

    const { status, body } = await utilisation(
      `?granularity=hour&from=2032-03-02T10:00:00%2B09:00&to=2032-03-02T12:00:00%2B09:00&systemId=${sme.systemId}`,
    );
    expect(status).toBe(200);
    expect(body.series.map((p) => p.label)).toEqual(['2032-03-02 10:00', '2032-03-02 11:00']);
    expect(body.series[0]).toMatchObject({
      at: '2032-03-02T10:00:00+09:00',
      allocated: { vcpu: 5, ramGb: 24 },
      used: { vcpu: 2.1 },
      sources: ['metering'],
    });
    expect(body.series[1]!.allocated).toBeNull();

    const day = await utilisation(`?granularity=day&from=2032-03-02&to=2032-03-02&systemId=${sme.systemId}`);
    expect(day.body.series).toMatchObject([
      { label: '2032-03-02', allocated: { vcpu: 5 }, used: { vcpu: 2.1 } },
    ]);
  });

  it.each([
    {
      label: 'an hourly range past 31 days',
      query: '?granularity=hour&from=2026-01-01&to=2026-03-01',
      field: 'from',
      text: '31',
    },
    {
      label: 'a daily range past two years',
      query: '?granularity=day&from=2016-01-01&to=2021-12-31',
      field: 'from',
      text: '732',
    },
    { label: 'a month that does not exist', query: '?from=2026-13', field: 'from', text: 'YYYY-MM-DD' },
    { label: 'a malformed instant', query: '?to=2026-02-30T10:00:00Z', field: 'to', text: 'YYYY-MM-DD' },
    { label: 'a year out of range', query: '?from=1999-01', field: 'from', text: 'YYYY-MM-DD' },
    { label: 'the end before the start', query: '?from=2021-06&to=2021-01', field: 'to', text: '종료일' },
    { label: 'an unknown granularity', query: '?granularity=week', field: 'granularity', text: '목록' },
    {
      label: 'an unknown department',
      query: `?departmentId=${randomUUID()}`,
      field: 'departmentId',
      text: '목록',
    },
    {
      label: 'a department that is not an id',
      query: '?departmentId=TRAFFIC',
      field: 'departmentId',
      text: '목록',
    },
    { label: 'an unknown pool', query: '?poolId=dc-nowhere', field: 'poolId', text: '목록' },
  ])('answers 400 for $label', async ({ query, field, text }) => {
    const { status, body } = await utilisation(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details!.fieldErrors[field]![0]).toContain(text);
  });

  it('names a system outside the chosen department, and speaks English when asked', async () => {
    const welfare = await seededSystem('SYS-RELIEF');
    const { status, body } = await utilisation(
      `?granularity=hour&from=2026-01-01&to=2026-03-01&departmentId=${sme.departmentId}&systemId=${welfare.systemId}`,
      planner,
      { 'accept-language': 'en' },
    );
    expect(status).toBe(400);
    expect(body.error.details!.fieldErrors).toEqual({
      systemId: ['Choose from the list.'],
      from: ['Hourly figures cover at most 31 days. Shorten the period or choose days.'],
    });
  });

  it('is for the dashboards’ readers only', async () => {
    expect((await callRoute(GET, { path: '/api/v1/dashboards/utilisation' })).status).toBe(401);
    expect((await utilisation('', await apiToken('staff'))).status).toBe(403);
  });
});
