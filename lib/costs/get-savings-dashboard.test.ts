import { and, eq } from 'drizzle-orm';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { getDb } from '@/db';
import { costAssumptionSets, systemAllocationsMonthly } from '@/db/schema/costs';
import { businessSystems } from '@/db/schema/org';
import { demoCostAssumptionSet } from '@/db/seed/demo-history-data';
import { appErrorOf, demoActor } from '@/lib/admin/test-helpers';
import { costAssumptionsInput } from './assumptions-schema';
import { getSavingsDashboard } from './get-savings-dashboard';
import { saveCostAssumptions } from './save-cost-assumptions';
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
  it('answers from its cache until an input changes: an allocation written, an assumption saved', async () => {
    // a month of its own in 2088, so no other test's figures move (and cleaned up after)
    const planner = await demoActor('planner@dcloud.example');
    const admin = await demoActor('admin@dcloud.example');
    const db = getDb();
    const [system] = await db
      .select({ id: businessSystems.id })
      .from(businessSystems)
      .where(eq(businessSystems.code, 'SYS-BIS'));
    const q = query({ from: '2088-01', to: '2088-12', systemId: system!.id });
    let saved: number | null = null;
    try {
      expect(await getSavingsDashboard({ actor: planner, query: q })).toMatchObject({
        standaloneKrw: 0,
        sharedKrw: 0,
      });

      await db
        .insert(systemAllocationsMonthly)
        .values({ systemId: system!.id, month: '2088-05-01', vcpu: 8, ramGb: 32, storageGb: 500 });
      const allocated = await getSavingsDashboard({ actor: planner, query: q });
      // (the pools' investments are long amortised by 2088: the standalone side moves)
      expect(allocated.standaloneKrw).toBeGreaterThan(0);
      // asked again with nothing changed: the same figures
      expect(await getSavingsDashboard({ actor: planner, query: q })).toEqual(allocated);

      const { standalone } = demoCostAssumptionSet.assumptions;
      ({ version: saved } = await saveCostAssumptions({
        actor: admin,
        input: costAssumptionsInput.parse({
          name: '2088년 기준',
          effectiveFrom: '2088-01-01',
          assumptions: {
            ...demoCostAssumptionSet.assumptions,
            standalone: { ...standalone, licencePerServerYearKrw: standalone.licencePerServerYearKrw * 3 },
          },
        }),
      }));
      const repriced = await getSavingsDashboard({ actor: planner, query: q });
      expect(repriced.standaloneKrw).toBeGreaterThan(allocated.standaloneKrw);
    } finally {
      await db
        .delete(systemAllocationsMonthly)
        .where(
          and(
            eq(systemAllocationsMonthly.systemId, system!.id),
            eq(systemAllocationsMonthly.month, '2088-05-01'),
          ),
        );
      if (saved !== null) await db.delete(costAssumptionSets).where(eq(costAssumptionSets.version, saved));
    }
  });
});
