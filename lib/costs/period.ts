import { type Rational, ratio } from './rational';

// Calendar arithmetic of the cost model: a period is a range of whole days (both ends included),
// costs accrue by month, and a month the period cuts counts for the share of its days inside it.

/** Inclusive range of ISO dates (YYYY-MM-DD). */
export type Period = { from: string; to: string };
/** YYYY-MM */
export type Month = string;

const DAY_MS = 86_400_000;

export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate}T00:00:00Z`) / DAY_MS);
}

/** Months since year 0, so month arithmetic is integer arithmetic. */
export function monthIndex(month: Month): number {
  return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  return `${String(year).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

export const monthOf = (isoDate: string): Month => isoDate.slice(0, 7);
export const firstDay = (month: Month) => `${month}-01`;
export const addMonths = (month: Month, n: number) => monthFromIndex(monthIndex(month) + n);

export function daysInMonth(month: Month): number {
  return dayNumber(firstDay(addMonths(month, 1))) - dayNumber(firstDay(month));
}

export function lastDay(month: Month): string {
  return `${month}-${String(daysInMonth(month)).padStart(2, '0')}`;
}

export function contains(period: Period, isoDate: string): boolean {
  return isoDate >= period.from && isoDate <= period.to;
}

export type PeriodMonth = {
  month: Month;
  /** covered days ÷ days in the month: 1 for a whole month */
  fraction: Rational;
};

/** Each month the period touches, with the share of its days inside the period. */
export function monthsOf(period: Period): PeriodMonth[] {
  const months: PeriodMonth[] = [];
  const start = dayNumber(period.from);
  const end = dayNumber(period.to);
  if (end < start) return months;
  for (let i = monthIndex(monthOf(period.from)); i <= monthIndex(monthOf(period.to)); i++) {
    const month = monthFromIndex(i);
    const first = Math.max(start, dayNumber(firstDay(month)));
    const last = Math.min(end, dayNumber(lastDay(month)));
    months.push({ month, fraction: ratio(last - first + 1, daysInMonth(month)) });
  }
  return months;
}
