import { beforeAll, describe, expect, it } from 'vitest';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { showbackView } from '@/lib/reports/api';
import type { ShowbackView } from '@/lib/reports/get-showback';
import { GET } from './route';

type Showback = ShowbackView & ApiError;

let planner: string;
beforeAll(async () => {
  planner = await apiToken('planner');
});

const showback = (query: string, token: string | undefined = planner) =>
  callRoute<Showback>(GET, { path: `/api/v1/dashboards/showback${query}`, token });

describe('GET /api/v1/dashboards/showback', () => {
  it('answers per department and month on both bases, the 12 months up to the last of the history by default', async () => {
    const { status, body } = await showback('');
    expect(status).toBe(200);
    expect(showbackView.safeParse(body).success).toBe(true);
    expect(body).toMatchObject({ from: '2021-01', to: '2021-12', departmentId: null, systemId: null });
    expect(body.departments.reduce((s, d) => s + d.byAllocationKrw, 0)).toBe(body.totals.byAllocationKrw);
    expect(body.departmentMonths.reduce((s, m) => s + m.byUsageKrw, 0)).toBe(body.totals.byUsageKrw);
    expect(new Set(body.departmentMonths.map((m) => m.month)).size).toBe(12);
  });

  it('narrows to a department, its systems summing to it', async () => {
    const all = (await showback('?from=2020-01&to=2020-12')).body;
    const dept = all.departments[0]!;
    const { body } = await showback(`?from=2020-01&to=2020-12&departmentId=${dept.departmentId}`);
    expect(body.departments).toEqual([dept]);
    expect(body.systems.reduce((s, x) => s + x.byUsageKrw, 0)).toBe(dept.byUsageKrw);
  });

  it.each([
    { label: 'a month that is not one', query: '?from=2021-13', field: 'from' },
    { label: 'a day instead of a month', query: '?to=2021-12-31', field: 'to' },
    { label: 'a period ending before it starts', query: '?from=2021-06&to=2021-01', field: 'to' },
    { label: 'a month to come', query: '?to=2099-01', field: 'to' },
    { label: 'a period longer than 120 months', query: '?from=2005-01&to=2021-12', field: 'from' },
    { label: 'a department id that is not a uuid', query: '?departmentId=TRAFFIC', field: 'departmentId' },
    {
      label: 'an unknown department',
      query: '?departmentId=5f1d2c3b-0000-4000-8000-000000000000',
      field: 'departmentId',
    },
    {
      label: 'an unknown system',
      query: '?systemId=5f1d2c3b-0000-4000-8000-000000000000',
      field: 'systemId',
    },
  ])('answers 400 to $label, naming the field', async ({ query, field }) => {
    const { status, body } = await showback(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.message).toBe('입력값을 확인해 주세요.');
    expect(Object.keys(body.error.details!.fieldErrors)).toEqual([field]);
  });

  it('is for the dashboards’ readers', async () => {
    expect((await showback('', await apiToken('director'))).status).toBe(200);
    expect((await showback('', await apiToken('staff'))).body.error.code).toBe('forbidden');
    expect((await callRoute<Showback>(GET, { path: '/api/v1/dashboards/showback' })).status).toBe(401);
  });
});
