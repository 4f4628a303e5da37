import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { monthlyReports } from '@/db/schema/reports';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { openApiDocument } from '@/lib/api/openapi';
import {
  type MonthlyReportList,
  type MonthlyReportView,
  monthlyReportView,
} from '@/lib/reports/report-figures';
import { GET as getOne } from './[month]/route';
import { GET, POST } from './route';

type Report = MonthlyReportView & ApiError;

let planner: string;
beforeAll(async () => {
  planner = await apiToken('planner');
});

const close = (month: unknown, token: string | undefined = planner) =>
  callRoute<Report>(POST, { path: '/api/v1/reports', body: { month }, token });
const one = (month: string, token = planner) =>
  callRoute<Report, { month: string }>(getOne, {
    path: `/api/v1/reports/${month}`,
    params: { month },
    token,
  });

describe('/api/v1/reports', () => {
  it('closes a month once (201, then 200 with the same report) and shows exactly the stored figures', async () => {
    const first = await close('2020-12');
    expect(first.status).toBe(201);
    expect(monthlyReportView.safeParse(first.body).success).toBe(true);
    const again = await close('2020-12', await apiToken('admin'));
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);

    const [row] = await getDb().select().from(monthlyReports).where(eq(monthlyReports.month, '2020-12-01'));
    const { status, body } = await one('2020-12');
    expect(status).toBe(200);
    expect(body.figures).toEqual(row!.figures);
    expect(body).toMatchObject({ month: '2020-12', closedAt: row!.closedAt.toISOString() });

    const list = await callRoute<MonthlyReportList>(GET, { path: '/api/v1/reports', token: planner });
    expect(list.body.items.find((i) => i.month === '2020-12')!.totals).toEqual(body.figures.showback.totals);
  });

  it.each([
    { label: 'a malformed month', month: '2020-13', status: 400, code: 'bad_request' },
    { label: 'no month at all', month: undefined, status: 400, code: 'bad_request' },
    { label: 'a month that is not over', month: '2099-12', status: 422, code: 'rule' },
  ])('refuses to close $label', async ({ month, status, code }) => {
    const res = await close(month);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
  });

  it('lets planners and admins close, and every dashboard reader read', async () => {
    expect((await close('2020-11', await apiToken('it'))).status).toBe(403);
    expect((await close('2020-11', await apiToken('staff'))).status).toBe(403);
    expect((await one('2020-12', await apiToken('it'))).status).toBe(200);
    expect((await one('2020-12', await apiToken('staff'))).status).toBe(403);
  });

  it('answers 404 for a month not closed and 400 for a malformed one', async () => {
    const missing = await one('2017-01');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const bad = await one('2017-1');
    expect(bad.status).toBe(400);
    expect(bad.body.error.details!.fieldErrors).toHaveProperty(['month']);
  });

  it('is in the OpenAPI document with the dashboards', () => {
    const paths = Object.keys((openApiDocument() as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/v1/dashboards/showback',
        '/api/v1/dashboards/runway',
        '/api/v1/reports',
        '/api/v1/reports/{month}',
      ]),
    );
  });
});
