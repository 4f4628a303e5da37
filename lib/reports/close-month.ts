import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { monthlyReports } from '@/db/schema/reports';
import { writeAudit } from '@/lib/audit/write-audit';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { systemActor } from '@/lib/auth/system-actor';
import { addMonths, firstDay, type Month } from '@/lib/costs/period';
import { rollUpAllocations } from '@/lib/costs/roll-up-allocations';
import { AppError } from '@/lib/errors/app-error';
import { computeReportFigures } from './compute-report-figures';
import { MONTH, seoulMonth } from './filters';

// 월 마감: a month's report is materialised once, when the month is over — by the scheduled job on
// the 1st at 01:00 Seoul time for the month before, or by a planner or admin from the reports page —
// with the month's resources rolled into the allocations first (lib/costs/roll-up-allocations.ts).
// Closing a closed month changes nothing: the first figures stay.

export type CloseMonthOptions = {
  /** YYYY-MM */
  month: Month;
  /** the systemActor for the scheduled job */
  actor: Actor;
  now?: Date;
};

export type CloseMonthResult = { month: Month; created: boolean };

/** The month before this one in Seoul: what the job on the 1st closes. */
export const previousMonth = (now: Date = new Date()) => addMonths(seoulMonth(now), -1);

export async function closeMonth({
  month,
  actor,
  now = new Date(),
}: CloseMonthOptions): Promise<CloseMonthResult> {
  // Phase 1: who may, and which months: a real month that is over
  if (actor.via !== 'system') requirePermission(actor, 'reports:close');
  if (!MONTH.test(month))
    throw new AppError('bad_request', { details: { fieldErrors: { month: ['validation.date'] } } });
  if (month >= seoulMonth(now))
    throw new AppError('rule', {
      log: `${month} is not over`,
      details: { fieldErrors: { month: ['errors.rule'] } },
    });

  // Phase 2: nothing to do for a closed month (a retry, a second worker, a second click)
  const db = getDb();
  const closed = async () =>
    (
      await db
        .select({ month: monthlyReports.month })
        .from(monthlyReports)
        .where(eq(monthlyReports.month, firstDay(month)))
    ).length > 0;
  if (await closed()) return { month, created: false };

  // Phase 3: the month's allocations from the portal's resources, now that the month is over (the
  // hourly roll-up counted resources still running to the month's end; this counts what really ran),
  // then the figures, then one insert that only the first closer wins, with its audit row
  await rollUpAllocations({ month, now });
  const figures = await computeReportFigures({ month, now });
  const created = await db.transaction(async (tx) => {
    const [row] = await tx
      .insert(monthlyReports)
      .values({
        month: firstDay(month),
        figures,
        closedAt: now,
        closedBy: actor.via === 'system' ? null : actor.id,
      })
      .onConflictDoNothing({ target: monthlyReports.month })
      .returning({ month: monthlyReports.month });
    if (!row) return false;
    await writeAudit(tx, {
      actor,
      action: 'report.close',
      entityType: 'monthly_report',
      entityId: month,
      after: { totals: figures.showback.totals, computedAt: figures.computedAt },
    });
    return true;
  });
  return { month, created };
}

/** The `reports.close-month` job: the given month, or the one before this one, closed by the system. */
export async function closeMonthJob(payload: { month?: string }): Promise<void> {
  await closeMonth({ month: payload.month ?? previousMonth(), actor: systemActor });
}
