import type { Locale } from '@/lib/i18n/config';

/** Every date and time the portal shows is Seoul time, whatever the server's or browser's zone. */
export const SEOUL = 'Asia/Seoul';

const intlLocale = (locale: Locale) => (locale === 'en' ? 'en-GB' : 'ko-KR');

const dateTimeFormats = {
  ko: new Intl.DateTimeFormat('ko-KR', {
    timeZone: SEOUL,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
  en: new Intl.DateTimeFormat('en-GB', {
    timeZone: SEOUL,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }),
};

const dateFormats = {
  ko: new Intl.DateTimeFormat('ko-KR', {
    timeZone: SEOUL,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }),
  en: new Intl.DateTimeFormat('en-GB', { timeZone: SEOUL, year: 'numeric', month: 'short', day: 'numeric' }),
};

/** A calendar date ('2026-06-30', a date column) is that day in Seoul, not midnight UTC. */
function toInstant(value: string | Date): Date {
  if (value instanceof Date) return value;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+09:00`) : new Date(value);
}

/** "2026. 5. 3. 14:05" / "3 May 2026, 14:05" in Seoul time; '' for nothing. */
export function formatDateTime(value: string | Date | null | undefined, locale: Locale = 'ko'): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = toInstant(value);
  return Number.isNaN(instant.getTime()) ? '' : dateTimeFormats[locale].format(instant);
}

/** "2026. 6. 30." / "30 Jun 2026" in Seoul time; '' for nothing. */
export function formatDate(value: string | Date | null | undefined, locale: Locale = 'ko'): string {
  if (value === null || value === undefined || value === '') return '';
  const instant = toInstant(value);
  return Number.isNaN(instant.getTime()) ? '' : dateFormats[locale].format(instant);
}

/**
 * How long something has waited, in its largest sensible unit, rounded down: under an hour in
 * minutes (at least 1), under two days in hours, else days. "3시간" / "3 hrs".
 */
export function formatDuration(from: string | Date, to: Date, locale: Locale = 'ko'): string {
  const ms = Math.max(0, to.getTime() - toInstant(from).getTime());
  const minutes = Math.floor(ms / 60_000);
  const [unit, count] =
    minutes < 60
      ? (['minute', Math.max(1, minutes)] as const)
      : minutes < 48 * 60
        ? (['hour', Math.floor(minutes / 60)] as const)
        : (['day', Math.floor(minutes / (24 * 60))] as const);
  return new Intl.NumberFormat(intlLocale(locale), { style: 'unit', unit, unitDisplay: 'short' }).format(
    count,
  );
}

/** Today in Seoul as 'YYYY-MM-DD' (for date inputs' min). */
export function seoulToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: SEOUL,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
  return parts;
}
