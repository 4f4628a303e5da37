import { formatKrwShort } from '@/lib/format/krw';
import type { Locale } from '@/lib/i18n/config';

/** Axis ticks: 억 or 만 in Korean ("12억", "4,000만"), the short scale in English ("₩1.2B"). */
export function axisKrw(value: number, locale: Locale): string {
  if (locale === 'en') return formatKrwShort(value, 'en');
  if (value === 0) return '0';
  if (Math.abs(value) >= 100_000_000)
    return `${(value / 100_000_000).toLocaleString('ko-KR', { maximumFractionDigits: 1 })}억`;
  return `${(value / 10_000).toLocaleString('ko-KR', { maximumFractionDigits: 0 })}만`;
}

/**
 * Series colours: dark enough for 3:1 against white, and told apart by hue and lightness; the
 * table view carries every figure for anyone who cannot tell them apart.
 */
export const palette = [
  '#0b5cad',
  '#c2410c',
  '#146c2e',
  '#7c3aed',
  '#b91c1c',
  '#0e7490',
  '#a16207',
  '#be185d',
  '#4d7c0f',
  '#1e3a8a',
  '#6b21a8',
  '#374151',
];

export const axisTick = { fill: '#1b1f24' };

/** Legend labels in the text colour (recharts would paint them in the series' colour). */
export const legendText = (value: unknown) => <span style={{ color: '#1b1f24' }}>{String(value)}</span>;
