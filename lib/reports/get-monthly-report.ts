import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { users } from '@/db/schema/org';
import { monthlyReports } from '@/db/schema/reports';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { firstDay, type Month } from '@/lib/costs/period';
import { AppError } from '@/lib/errors/app-error';
import { MONTH } from './filters';
import { type MonthlyReportList, type MonthlyReportView, reportFigures } from './report-figures';

// Reads of the closed months: the stored figures exactly as close-month.ts wrote them.

const columns = {
  month: monthlyReports.month,
  figures: monthlyReports.figures,
  closedAt: monthlyReports.closedAt,
  closedById: monthlyReports.closedBy,
  closedByName: users.name,
};

type Stored = {
  month: string;
  figures: unknown;
  closedAt: Date;
  closedById: string | null;
  closedByName: string | null;
};

function toView(row: Stored): MonthlyReportView {
  const parsed = reportFigures.safeParse(row.figures);
  if (!parsed.success)
    throw new AppError('internal', { log: `monthly report ${row.month} has invalid figures` });
  return {
    month: String(row.month).slice(0, 7),
    closedAt: row.closedAt.toISOString(),
    closedBy: row.closedById ? { id: row.closedById, name: row.closedByName ?? '' } : null,
    figures: parsed.data,
  };
}

export type GetMonthlyReportOptions = { actor: Actor; month: string };

/** One closed month; 400 for a malformed month, 404 for one that is not closed. */
export async function getMonthlyReport({
  actor,
  month,
}: GetMonthlyReportOptions): Promise<MonthlyReportView> {
  requirePermission(actor, 'dashboards:read');
  if (!MONTH.test(month))
    throw new AppError('bad_request', { details: { fieldErrors: { month: ['validation.date'] } } });
  const [row] = await getDb()
    .select(columns)
    .from(monthlyReports)
    .leftJoin(users, eq(users.id, monthlyReports.closedBy))
    .where(eq(monthlyReports.month, firstDay(month as Month)));
  if (!row) throw new AppError('not_found', { log: `monthly report ${month} is not closed` });
  return toView(row);
}

const totals = z.object({ byAllocationKrw: z.number().int(), byUsageKrw: z.number().int() });

/** Every closed month, newest first, with its showback totals (read from the stored figures). */
export async function listMonthlyReports({ actor }: { actor: Actor }): Promise<MonthlyReportList> {
  requirePermission(actor, 'dashboards:read');
  const rows = await getDb()
    .select({
      month: monthlyReports.month,
      totals: sql<unknown>`${monthlyReports.figures}->'showback'->'totals'`,
      closedAt: monthlyReports.closedAt,
      closedById: monthlyReports.closedBy,
      closedByName: users.name,
    })
    .from(monthlyReports)
    .leftJoin(users, eq(users.id, monthlyReports.closedBy))
    .orderBy(desc(monthlyReports.month));
  return {
    items: rows.map((row) => ({
      month: String(row.month).slice(0, 7),
      closedAt: row.closedAt.toISOString(),
      closedBy: row.closedById ? { id: row.closedById, name: row.closedByName ?? '' } : null,
      totals: totals.parse(row.totals),
    })),
    nextCursor: null,
  };
}
