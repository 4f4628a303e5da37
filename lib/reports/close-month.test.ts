import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { systemAllocationsMonthly } from '@/db/schema/costs';
import { monthlyReports } from '@/db/schema/reports';
import { auditLog } from '@/db/schema/requests';
import { demoActor, systemId } from '@/db/testing/fixtures';
import { appErrorOf } from '@/lib/admin/test-helpers';
import type { Actor } from '@/lib/auth/actor';
import { closeMonth, closeMonthJob, previousMonth } from './close-month';
import { getMonthlyReport, listMonthlyReports } from './get-monthly-report';
import { getRunway } from './get-runway';
import { getShowback } from './get-showback';
import { reportTables } from './report-tables';

const storedRow = async (month: string) =>
  (
    await getDb()
      .select()
      .from(monthlyReports)
      .where(eq(monthlyReports.month, `${month}-01`))
  )[0];
const auditCount = async (month: string) =>
  (
    await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'report.close'), eq(auditLog.entityId, month)))
  )[0]!.n;

describe('closeMonth', () => {
  let planner: Actor;
  beforeAll(async () => {
    planner = await demoActor('planner');
  });

  it('materialises a month once: a second close changes nothing', async () => {
    const first = await closeMonth({ month: '2021-12', actor: planner });
    expect(first).toEqual({ month: '2021-12', created: true });
    const stored = await storedRow('2021-12');
    expect(stored).toMatchObject({ closedBy: planner.id });

    const again = await closeMonth({ month: '2021-12', actor: await demoActor('admin') });
    expect(again).toEqual({ month: '2021-12', created: false });
    expect(await storedRow('2021-12')).toEqual(stored);
    expect(await auditCount('2021-12')).toBe(1);
  });

  it('stores the figures the dashboards show for that month', async () => {
    const report = await getMonthlyReport({ actor: planner, month: '2021-12' });
    const { showback, savings, runway } = report.figures;
    const live = await getShowback({ actor: planner, from: '2021-12', to: '2021-12' });
    expect(showback.totals).toEqual({
      byAllocationKrw: live.totals.byAllocationKrw,
      byUsageKrw: live.totals.byUsageKrw,
    });
    expect(showback.departments.reduce((s, d) => s + d.byUsageKrw, 0)).toBe(showback.totals.byUsageKrw);
    for (const d of showback.departments)
      expect(
        showback.systems
          .filter((s) => s.departmentId === d.departmentId)
          .reduce((x, s) => x + s.byAllocationKrw, 0),
      ).toBe(d.byAllocationKrw);
    // the six years of D-Cloud, as the savings dashboard computes them
    expect(savings.cumulative).toMatchObject({ from: '2016-01', savingsPct: 42.4 });
    expect(savings.month.sharedKrw).toBe(showback.totals.byAllocationKrw);
    const dashboard = await getRunway({ actor: planner, filters: { asOf: '2021-12' } });
    expect(runway.pools.map((p) => p.dimensions)).toEqual(dashboard.pools.map((p) => p.dimensions));
  });

  it('keeps a closed month’s figures when the history changes afterwards', async () => {
    const before = await getMonthlyReport({ actor: planner, month: '2021-12' });
    const bis = await systemId('SYS-BIS');
    const where = and(
      eq(systemAllocationsMonthly.systemId, bis),
      eq(systemAllocationsMonthly.month, '2021-12-01'),
    );
    const db = getDb();
    const [row] = await db.select().from(systemAllocationsMonthly).where(where);
    await db
      .update(systemAllocationsMonthly)
      .set({ vcpu: row!.vcpu + 100 })
      .where(where);
    try {
      const live = await getShowback({ actor: planner, from: '2021-12', to: '2021-12' });
      expect(live.totals.byAllocationKrw).not.toBe(before.figures.showback.totals.byAllocationKrw);
      await closeMonth({ month: '2021-12', actor: planner });
      expect(await getMonthlyReport({ actor: planner, month: '2021-12' })).toEqual(before);
    } finally {
      await db.update(systemAllocationsMonthly).set({ vcpu: row!.vcpu }).where(where);
    }
  });

  it('lets only one of two simultaneous closes write', async () => {
    const results = await Promise.all([
      closeMonth({ month: '2021-10', actor: planner }),
      closeMonth({ month: '2021-10', actor: planner }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await auditCount('2021-10')).toBe(1);
  });

  it('is closed by the scheduled job as the system, the month before by default', async () => {
    await closeMonthJob({ month: '2021-11' });
    expect(await storedRow('2021-11')).toMatchObject({ closedBy: null });
    expect(previousMonth(new Date('2026-01-01T00:30:00+09:00'))).toBe('2025-12');
    // 00:30 on the 1st in Seoul is still the last day of the month before in UTC
    expect(previousMonth(new Date('2025-12-31T16:00:00Z'))).toBe('2025-12');
  });

  it('lists the closed months newest first with their totals', async () => {
    const list = await listMonthlyReports({ actor: planner });
    const months = list.items.map((i) => i.month);
    expect(months.slice(0, 3)).toEqual(['2021-12', '2021-11', '2021-10']);
    expect(list.items[0]!.closedBy).toMatchObject({ id: planner.id, name: planner.name });
    expect(list.items[1]!.closedBy).toBeNull();
    const stored = await getMonthlyReport({ actor: planner, month: '2021-12' });
    expect(list.items[0]!.totals).toEqual(stored.figures.showback.totals);
  });

  it('renders the report’s tables from the stored figures only', async () => {
    const { figures } = await getMonthlyReport({ actor: planner, month: '2021-12' });
    const tables = reportTables(figures, 'ko');
    expect(tables.departments.rows.map((r) => r.byAllocationKrw)).toEqual(
      figures.showback.departments.map((d) => d.byAllocationKrw),
    );
    expect(tables.departments.total!.byUsageKrw).toBe(figures.showback.totals.byUsageKrw);
    expect(tables.systems.rows).toHaveLength(figures.showback.systems.length);
    expect(tables.savings.rows[1]).toMatchObject({ savingsPct: 42.4 });
    expect(tables.runway.rows[0]).toMatchObject({ pool: '대구 통합데이터센터', linearFill: '2027-01' });
  });

  it.each([
    { label: 'this month', month: '2021-12', now: new Date('2021-12-20T12:00:00+09:00'), code: 'rule' },
    { label: 'a month to come', month: '2030-01', now: new Date('2026-01-01T12:00:00+09:00'), code: 'rule' },
    { label: 'a malformed month', month: '2021-13', now: new Date(), code: 'bad_request' },
  ])('refuses $label', async ({ month, now, code }) => {
    const error = await appErrorOf(closeMonth({ month, actor: planner, now }));
    expect(error.code).toBe(code);
  });

  it('is for planners and admins only', async () => {
    for (const who of ['it', 'staff', 'director'] as const) {
      const error = await appErrorOf(closeMonth({ month: '2021-09', actor: await demoActor(who) }));
      expect(error.code).toBe('forbidden');
    }
    expect(await storedRow('2021-09')).toBeUndefined();
  });

  it('answers 404 for a month not closed and 400 for a malformed one', async () => {
    expect((await appErrorOf(getMonthlyReport({ actor: planner, month: '2019-01' }))).code).toBe('not_found');
    expect((await appErrorOf(getMonthlyReport({ actor: planner, month: '2019-1' }))).code).toBe(
      'bad_request',
    );
  });
});
