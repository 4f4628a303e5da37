import { z } from 'zod';
import { lastDay } from './period';

const MONTH_OR_DAY = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** A real calendar month or day between 2000 and 2099. */
function isCalendarDate(value: string): boolean {
  const m = MONTH_OR_DAY.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2099 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** YYYY-MM or YYYY-MM-DD; a month stands for its first day as `from` and its last day as `to`. */
const bound = (edge: 'from' | 'to') =>
  z
    .string()
    .trim()
    .refine(isCalendarDate, { error: 'validation.date' })
    .transform((v) => (v.length === 7 ? (edge === 'from' ? `${v}-01` : lastDay(v)) : v));

/** GET /api/v1/dashboards/savings query. */
export const savingsQuery = z.object({
  from: bound('from').optional().describe('YYYY-MM or YYYY-MM-DD, included; default 2016-01'),
  to: bound('to')
    .optional()
    .describe('YYYY-MM (to its last day) or YYYY-MM-DD, included; default today (Asia/Seoul)'),
  departmentId: z.uuid({ error: 'validation.choice' }).optional().describe('only this department’s systems'),
  systemId: z.uuid({ error: 'validation.choice' }).optional().describe('only this business system'),
  detail: z
    .string()
    .transform((s) => s.split(','))
    .pipe(z.array(z.enum(['systems', 'rates'], { error: 'validation.choice' })))
    .optional()
    .describe(
      'comma-separated: `systems` adds the per-system breakdown, `rates` the unit rates month by month',
    ),
});
export type SavingsQuery = z.output<typeof savingsQuery>;
