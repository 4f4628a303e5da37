import { beforeAll, describe, expect, it } from 'vitest';
import { systemId } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import type { SavingsView } from '@/lib/costs/savings-view';
import { GET } from './route';

type Savings = SavingsView & ApiError;

let planner: string;
beforeAll(async () => {
  planner = await apiToken('planner');
});

const savings = async (query: string, token: string | undefined = planner) =>
  callRoute<Savings>(GET, { path: `/api/v1/dashboards/savings${query}`, token });

describe('GET /api/v1/dashboards/savings', () => {
  it('computes the six years of D-Cloud at 42.4 % saved, per year, with its inputs', async () => {
    const { status, body } = await savings('?from=2016-01&to=2021-12');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      from: '2016-01-01',
      to: '2021-12-31',
      savingsPct: 42.4,
      systemCount: 78,
      savedKrw: body.standaloneKrw - body.sharedKrw,
    });
    expect(body.byYear.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021]);
    expect(body.byYear.reduce((s, y) => s + y.standaloneKrw, 0)).toBe(body.standaloneKrw);
    expect(body.leadTimeSavedDays).toBeGreaterThan(0);
    expect(body.assumptions.sets.map((s) => s.version)).toEqual([1]);
    expect(body.assumptions.investments.reduce((s, i) => s + i.amountKrw, 0)).toBe(5_400_000_000);
    expect(body.assumptions.unitRates).toBeUndefined();
    expect(body.systems).toBeUndefined();
  });

  it('narrows to one department or one system, with the per-system breakdown on request', async () => {
    const bis = await systemId('SYS-BIS');
    const all = (await savings('?from=2016-01&to=2021-12&detail=systems')).body;
    const traffic = all.systems!.find((s) => s.id === bis)!.departmentId;
    const dept = (await savings(`?from=2016-01&to=2021-12&departmentId=${traffic}&detail=systems`)).body;
    expect(dept.systems!.every((s) => s.departmentId === traffic)).toBe(true);
    expect(dept.standaloneKrw).toBe(dept.systems!.reduce((s, x) => s + x.standaloneKrw, 0));
    const one = (await savings(`?from=2016-01&to=2021-12&systemId=${bis}&detail=systems`)).body;
    expect(one.systemCount).toBe(1);
    expect(one.systems![0]).toMatchObject({
      code: 'SYS-BIS',
      standaloneKrw: one.standaloneKrw,
      sharedKrw: one.sharedKrw,
    });
    expect(one.systems![0]!.standalone.purchases[0]!.sizing.servers).toBeGreaterThanOrEqual(2);
  });

  it('shows the unit rates month by month on request', async () => {
    const { body } = await savings('?from=2020-01&to=2020-03&detail=rates');
    expect(body.assumptions.unitRates!.map((r) => r.month)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(body.assumptions.unitRates![0]!.rates.vcpu).toBeGreaterThan(0);
  });

  it('is for planners, IT reviewers, senior approvers and admins', async () => {
    for (const who of ['it', 'director', 'admin'] as const)
      expect((await savings('?from=2021-01&to=2021-12', await apiToken(who))).status).toBe(200);
    const staff = await savings('', await apiToken('staff'));
    expect(staff.status).toBe(403);
    expect(staff.body.error.code).toBe('forbidden');
    expect((await callRoute<Savings>(GET, { path: '/api/v1/dashboards/savings' })).status).toBe(401);
  });

  it.each([
    { label: 'a date that is not one', query: '?from=2021-02-30', field: 'from' },
    { label: 'a month that is not one', query: '?to=2021-13', field: 'to' },
    { label: 'a period ending before it starts', query: '?from=2021-06&to=2021-01', field: 'to' },
    { label: 'a department id that is not a uuid', query: '?departmentId=IT', field: 'departmentId' },
    { label: 'an unknown detail', query: '?detail=everything', field: 'detail.0' },
  ])('answers 400 to $label, naming the field', async ({ query, field }) => {
    const { status, body } = await savings(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.details!.fieldErrors).toHaveProperty([field]);
  });

  it.each([
    {
      label: 'department',
      query: '?departmentId=5f1d2c3b-0000-4000-8000-000000000000',
      message: '부서를 찾을 수 없습니다.',
    },
    {
      label: 'system',
      query: '?systemId=5f1d2c3b-0000-4000-8000-000000000000',
      message: '업무 시스템을 찾을 수 없습니다.',
    },
  ])('answers 404 to an unknown $label', async ({ query, message }) => {
    const { status, body } = await savings(query);
    expect(status).toBe(404);
    expect(body).toEqual({ error: { code: 'not_found', message } });
  });
});
