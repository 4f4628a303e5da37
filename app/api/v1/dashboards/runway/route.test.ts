import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { runwayView } from '@/lib/reports/api';
import type { RunwayView } from '@/lib/reports/get-runway';
import { GET } from './route';

type Runway = RunwayView & ApiError;

let planner: string;
beforeAll(async () => {
  planner = await apiToken('planner');
});

const runway = (query: string, token: string | undefined = planner) =>
  callRoute<Runway>(GET, { path: `/api/v1/dashboards/runway${query}`, token });

describe('GET /api/v1/dashboards/runway', () => {
  it('forecasts each pool with its assumptions', async () => {
    const { status, body } = await runway('?asOf=2021-12&method=compound&months=24&threshold=80');
    expect(status).toBe(200);
    expect(runwayView.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ asOf: '2021-12', method: 'compound', windowMonths: 24, thresholdPct: 80 });
    expect(body.assumptions).toMatchObject({
      setVersion: 1,
      cpuOvercommitPct: 400,
      hardwareLifetimeYears: 6,
    });
    const primary = body.pools.find((p) => p.poolId === 'dc-primary')!;
    expect(primary.dimensions.map((d) => d.compound.status)).toEqual(['fills', 'fills', 'fills']);
    expect(primary.series.filter((s) => s.kind === 'actual')).toHaveLength(24);
  });

  it.each([
    { label: 'a threshold out of range', query: '?threshold=150', field: 'threshold' },
    { label: 'a window not offered', query: '?months=5', field: 'months' },
    { label: 'an unknown growth model', query: '?method=cubic', field: 'method' },
    { label: 'a malformed month', query: '?asOf=21-12', field: 'asOf' },
    { label: 'a month to come', query: '?asOf=2099-01', field: 'asOf' },
    { label: 'an unknown pool', query: '?pool=dc-moon', field: 'pool' },
  ])('answers 400 to $label, naming the field', async ({ query, field }) => {
    const { status, body } = await runway(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(Object.keys(body.error.details!.fieldErrors)).toEqual([field]);
  });

  it('is for the dashboards’ readers', async () => {
    expect((await runway('', await apiToken('staff'))).status).toBe(403);
    expect((await callRoute<Runway>(GET, { path: '/api/v1/dashboards/runway' })).status).toBe(401);
  });
});
