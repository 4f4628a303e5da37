import { beforeAll, describe, expect, it } from 'vitest';
import { demoActor } from '@/db/testing/fixtures';
import { apiToken } from '@/db/testing/http';
import { runInRequestScope } from '@/db/testing/next-request-scope';
import { getUtilisationPage } from '@/lib/metering/get-utilisation-page';
import { GET } from './route';

let token: string;
beforeAll(async () => {
  token = await apiToken('planner');
});

const download = async (query: string, who = token) => {
  const req = new Request(`http://localhost:3000/dashboards/utilisation/export?${query}`, {
    headers: { authorization: `Bearer ${who}` },
  });
  return runInRequestScope(req, () => GET(req, { params: Promise.resolve({}) }));
};

describe('GET /dashboards/utilisation/export', () => {
  it('downloads the series table the page shows, as CSV with the same rows', async () => {
    const res = await download('table=series&format=csv&from=2016-01&to=2016-12');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toContain('dcloud-utilisation-series-2016-01_2016-12.csv');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    const page = await getUtilisationPage({
      actor: await demoActor('planner'),
      locale: 'ko',
      search: { from: '2016-01', to: '2016-12' },
    });
    expect(lines).toHaveLength(1 + page.tables.series.rows.length);
    expect(lines[6]).toBe(
      page.tables.series.columns.map((c) => page.tables.series.rows[5]![c.key] ?? '').join(','),
    );
  });

  it('answers 400 rather than a file of other figures when a filter is bad', async () => {
    const res = await download('table=top&format=xlsx&department=NOPE');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('bad_request');
    expect((await download('table=nope&format=csv')).status).toBe(400);
  });

  it('is for the dashboards’ readers', async () => {
    expect((await download('table=series&format=csv', await apiToken('staff'))).status).toBe(403);
  });
});
