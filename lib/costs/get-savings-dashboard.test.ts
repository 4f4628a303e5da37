import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { appErrorOf, demoActor } from '@/lib/admin/test-helpers';
import { getSavingsDashboard } from './get-savings-dashboard';
import { savingsQuery } from './savings-query';
import { savingsView } from './savings-view';

const query = (q: Record<string, string>) => savingsQuery.parse(q);

describe('getSavingsDashboard', () => {
  it('answers in the documented shape', async () => {
    expectTypeOf<Awaited<ReturnType<typeof getSavingsDashboard>>>().toExtend<z.input<typeof savingsView>>();
    const planner = await demoActor('planner@dcloud.example');
    const view = await getSavingsDashboard({ actor: planner, query: query({ detail: 'systems,rates' }) });
    expect(savingsView.safeParse(view).error).toBeUndefined();
  });

  it('runs from 2016-01 to today by default, and months without history count on neither side', async () => {
    const planner = await demoActor('planner@dcloud.example');
    const now = new Date('2022-06-15T03:00:00Z');
    const open = await getSavingsDashboard({ actor: planner, query: query({}), now });
    const sixYears = await getSavingsDashboard({
      actor: planner,
      query: query({ from: '2016-01', to: '2021-12' }),
    });
    expect([open.from, open.to]).toEqual(['2016-01-01', '2022-06-15']);
    expect(open.byYear.map((y) => y.year)).toEqual([2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(open.byYear.at(-1)).toMatchObject({ standaloneKrw: 0, sharedKrw: 0, savingsPct: null });
    expect([open.standaloneKrw, open.sharedKrw, open.savingsPct]).toEqual([
      sixYears.standaloneKrw,
      sixYears.sharedKrw,
      42.4,
    ]);
  });

  it('is not for requesters', async () => {
    const staff = await demoActor('staff@dcloud.example');
    expect((await appErrorOf(getSavingsDashboard({ actor: staff, query: query({}) }))).code).toBe(
      'forbidden',
    );
  });
});
