// Seoul calendar arithmetic for metering buckets. Korea has kept UTC+9 without daylight saving since
// 1988, so a Seoul day or month is a fixed 9-hour shift of UTC; PostgreSQL does the same with
// `AT TIME ZONE 'Asia/Seoul'` and date_trunc(…, 'Asia/Seoul').

const HOUR_MS = 3_600_000;
const OFFSET_MS = 9 * HOUR_MS;

export type Granularity = 'hour' | 'day' | 'month';

/** YYYY-MM-DD of the Seoul day `at` falls in. */
export function seoulDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-01 of the Seoul month `at` falls in. */
export function seoulMonth(at: Date): string {
  return `${seoulDay(at).slice(0, 7)}-01`;
}

/** The instant a Seoul calendar day (YYYY-MM-DD) begins. */
export function seoulMidnight(day: string): Date {
  return new Date(`${day}T00:00:00+09:00`);
}

/** The start of the bucket `at` falls in. */
export function bucketStart(at: Date, granularity: Granularity): Date {
  if (granularity === 'hour') return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
  return seoulMidnight(granularity === 'day' ? seoulDay(at) : seoulMonth(at));
}

/** The start of the next bucket after the one starting at `start`. */
export function nextBucket(start: Date, granularity: Granularity): Date {
  if (granularity === 'hour') return new Date(start.getTime() + HOUR_MS);
  if (granularity === 'day') return new Date(start.getTime() + 24 * HOUR_MS);
  const [y, m] = seoulDay(start).split('-').map(Number) as [number, number];
  return seoulMidnight(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, '0')}-01`);
}

/** Every bucket start from the one holding `from` up to, not including, `to`. */
export function bucketsBetween(from: Date, to: Date, granularity: Granularity): Date[] {
  const out: Date[] = [];
  for (let b = bucketStart(from, granularity); b < to; b = nextBucket(b, granularity)) out.push(b);
  return out;
}

/** An instant as ISO-8601 with the Seoul offset: 2026-03-01T09:00:00+09:00. */
export function seoulIso(at: Date): string {
  return `${new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 19)}+09:00`;
}

/** The bucket's label as people read it: 2026-03 (month), 2026-03-05 (day), 2026-03-05 14:00 (hour). */
export function bucketLabel(start: Date, granularity: Granularity): string {
  const iso = seoulIso(start);
  if (granularity === 'month') return iso.slice(0, 7);
  if (granularity === 'day') return iso.slice(0, 10);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}
