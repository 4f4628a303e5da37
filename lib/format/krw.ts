import type { Locale } from '@/lib/i18n/config';

const grouped = new Intl.NumberFormat('ko-KR', { maximumFractionDigits: 0 });

/** Korean large-number units, biggest first: 조 (10^12), 억 (10^8), 만 (10^4). */
const koUnits = [
  { value: 1_000_000_000_000, label: '조' },
  { value: 100_000_000, label: '억' },
  { value: 10_000, label: '만' },
] as const;

/** English short scales, biggest first. */
const enUnits = [
  { value: 1_000_000_000_000, label: 'T' },
  { value: 1_000_000_000, label: 'B' },
  { value: 1_000_000, label: 'M' },
] as const;

function sign(amount: number): string {
  return amount < 0 ? '-' : '';
}

/** An exact amount in integer KRW: ko "72,000원", en "₩72,000". */
export function formatKrw(amount: number, locale: Locale = 'ko'): string {
  const whole = Math.round(amount);
  const digits = grouped.format(Math.abs(whole));
  return locale === 'en' ? `${sign(whole)}₩${digits}` : `${sign(whole)}${digits}원`;
}

/**
 * An amount as people read it. Korean groups by 만/억/조 and drops nothing: 540,000,000 →
 * "5억 4,000만 원", 1,250,000 → "125만 원", 72,000 → "7만 2,000원" (원 is spaced after a unit word
 * and attached to a number). English keeps amounts below a million exact ("₩72,000") and
 * shortens the rest to at most two decimals ("₩1.25M", "₩5.4B").
 */
export function formatKrwShort(amount: number, locale: Locale = 'ko'): string {
  const whole = Math.round(amount);
  const abs = Math.abs(whole);
  if (locale === 'en') {
    const unit = enUnits.find((u) => abs >= u.value);
    if (!unit) return formatKrw(whole, 'en');
    const scaled = Math.round((abs / unit.value) * 100) / 100;
    return `${sign(whole)}₩${scaled.toLocaleString('en-US', { maximumFractionDigits: 2 })}${unit.label}`;
  }
  if (abs < 10_000) return formatKrw(whole, 'ko');
  const parts: string[] = [];
  let rest = abs;
  for (const unit of koUnits) {
    const count = Math.floor(rest / unit.value);
    if (count > 0) {
      parts.push(`${grouped.format(count)}${unit.label}`);
      rest -= count * unit.value;
    }
  }
  // below 만: the remainder is written as a plain number and 원 attaches to it
  if (rest > 0) return `${sign(whole)}${parts.join(' ')} ${grouped.format(rest)}원`;
  return `${sign(whole)}${parts.join(' ')} 원`;
}
