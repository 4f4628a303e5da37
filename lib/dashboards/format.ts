import { formatKrwShort } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';

const intl = (locale: Locale) => (locale === 'en' ? 'en-US' : 'ko-KR');

/** 절감률 as people read it: "42.4%"; "—" when there is nothing to compare with. */
export function formatPct(value: number | null, locale: Locale): string {
  if (value === null) return '—';
  return `${value.toLocaleString(intl(locale), { minimumFractionDigits: 1, maximumFractionDigits: 1 })}%`;
}

/** A change of a percentage in points, signed: "+1.5%p" (ko) / "+1.5 pp" (en); "—" without both ends. */
export function formatPctDelta(from: number | null, to: number | null, locale: Locale): string {
  if (from === null || to === null) return '—';
  const points = Math.round((to - from) * 10) / 10;
  const sign = points > 0 ? '+' : points < 0 ? '−' : '±';
  const text = Math.abs(points).toLocaleString(intl(locale), {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });
  return locale === 'en' ? `${sign}${text} pp` : `${sign}${text}%p`;
}

/** A change of an amount, signed, in 만/억: "+1억 2,000만 원", "−350만 원", "±0원". */
export function formatKrwDelta(from: number, to: number, locale: Locale): string {
  const delta = to - from;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  return `${sign}${formatKrwHeadline(Math.abs(delta), locale)}`;
}

/**
 * A large amount for reading at a glance, to the nearest 만 won from 1,000만 up ("25억 9,620만 원";
 * tables and the line beneath a headline keep the exact amount); English keeps the short scale ("₩2.6B").
 */
export function formatKrwHeadline(amount: number, locale: Locale): string {
  const rounded = Math.abs(amount) >= 10_000_000 ? Math.round(amount / 10_000) * 10_000 : amount;
  return formatKrwShort(locale === 'en' ? amount : rounded, locale);
}
