import { sql } from 'drizzle-orm';
import { check, date, jsonb, pgTable, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './org';

// Not exported from db/schema/index.ts on purpose: lib/reports imports it directly (migration 0005).

/**
 * 월간 보고서 — a closed month's figures, written once when the month closes and never recomputed:
 * `figures` is validated by lib/reports/report-figures.ts. `closedBy` is null when the scheduled job closed it.
 */
export const monthlyReports = pgTable(
  'monthly_reports',
  {
    /** the month's first day */
    month: date('month').primaryKey(),
    figures: jsonb('figures').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }).notNull().defaultNow(),
    closedBy: uuid('closed_by').references(() => users.id),
  },
  (t) => [check('monthly_reports_first_day', sql`extract(day from ${t.month}) = 1`)],
);
