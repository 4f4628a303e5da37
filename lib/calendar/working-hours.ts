import * as gazette from '@hyunbinseo/holidays-kr/all';

/**
 * Working time of the city hall (근무시간): 09:00–18:00 Asia/Seoul, Monday to Friday, except public
 * holidays as the official gazette lists them (설날·추석 three days, substitute holidays, election
 * days), read from @hyunbinseo/holidays-kr. Every computation is in Korea Standard Time, UTC+09:00 all
 * year (Korea has no daylight saving time), so nothing here depends on the process time zone.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const SEOUL_OFFSET_MS = 9 * HOUR_MS;
const DAY_STARTS_MS = 9 * HOUR_MS;
const DAY_ENDS_MS = 18 * HOUR_MS;

/** Every holiday the package knows, by Seoul date (YYYY-MM-DD), and the years it covers. */
const holidays = new Map<string, readonly string[]>(
  Object.values(gazette).flatMap((year) => Object.entries(year) as [string, readonly string[]][]),
);
const coveredYears = new Set([...holidays.keys()].map((date) => date.slice(0, 4)));
const warnedYears = new Set<string>();

/** Days since 1970-01-01 of the Seoul calendar date the instant falls on. */
const seoulDayOf = (ms: number) => Math.floor((ms + SEOUL_OFFSET_MS) / DAY_MS);
/** The instant a time of day (ms after midnight) is reached on a Seoul day. */
const instantOn = (day: number, timeOfDayMs: number) => day * DAY_MS - SEOUL_OFFSET_MS + timeOfDayMs;

function isWorkingSeoulDay(day: number): boolean {
  const noon = new Date(day * DAY_MS + 12 * HOUR_MS);
  const weekday = noon.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const date = noon.toISOString().slice(0, 10);
  const year = date.slice(0, 4);
  if (!coveredYears.has(year) && !warnedYears.has(year)) {
    // a stale package must not stop reminders: count weekdays only, and say so once a year
    warnedYears.add(year);
    console.warn(`[calendar] no public holidays known for ${year}: update @hyunbinseo/holidays-kr`);
  }
  return !holidays.has(date);
}

/** Whether the Seoul calendar day of `date` is a working day (a weekday that is not a public holiday). */
export function isWorkingDay(date: Date): boolean {
  return isWorkingSeoulDay(seoulDayOf(date.getTime()));
}

/** Hours of working time between two instants (fractional); 0 when `to` is not after `from`. */
export function workingHoursBetween(from: Date, to: Date): number {
  const start = from.getTime();
  const end = to.getTime();
  if (!(end > start)) return 0;
  let total = 0;
  for (let day = seoulDayOf(start); day <= seoulDayOf(end); day++) {
    if (!isWorkingSeoulDay(day)) continue;
    const overlap =
      Math.min(end, instantOn(day, DAY_ENDS_MS)) - Math.max(start, instantOn(day, DAY_STARTS_MS));
    if (overlap > 0) total += overlap;
  }
  return total / HOUR_MS;
}

/**
 * The instant `hours` of working time after `from` (before it, when `hours` is negative). The result
 * is the earliest instant at which `workingHoursBetween(from, result)` reaches `hours` — so it may be
 * 18:00 of a working day rather than 09:00 of the next — and, going back, the latest instant `t` with
 * `workingHoursBetween(t, from) >= -hours`. Zero hours returns `from` itself.
 */
export function addWorkingHours(from: Date, hours: number): Date {
  if (!Number.isFinite(hours)) throw new RangeError(`not a number of hours: ${hours}`);
  let remaining = Math.round(Math.abs(hours) * HOUR_MS);
  const cursor = from.getTime();
  if (remaining === 0) return new Date(cursor);
  const step = hours > 0 ? 1 : -1;
  for (let day = seoulDayOf(cursor); ; day += step) {
    if (!isWorkingSeoulDay(day)) continue;
    const opens = instantOn(day, DAY_STARTS_MS);
    const closes = instantOn(day, DAY_ENDS_MS);
    const available = step > 0 ? closes - Math.max(cursor, opens) : Math.min(cursor, closes) - opens;
    if (available <= 0) continue;
    if (remaining <= available) {
      return new Date(step > 0 ? Math.max(cursor, opens) + remaining : Math.min(cursor, closes) - remaining);
    }
    remaining -= available;
  }
}
