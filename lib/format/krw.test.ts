import { describe, expect, it } from 'vitest';
import { formatKrw, formatKrwShort } from './krw';

describe('formatKrw', () => {
  it.each([
    { label: 'a monthly price', input: 72_000, locale: 'ko', expected: '72,000원' },
    { label: 'zero', input: 0, locale: 'ko', expected: '0원' },
    { label: 'a large amount', input: 5_400_000_000, locale: 'ko', expected: '5,400,000,000원' },
    { label: 'a negative amount', input: -1_500, locale: 'ko', expected: '-1,500원' },
    { label: 'a fraction rounds to the won', input: 999.6, locale: 'ko', expected: '1,000원' },
    { label: 'English', input: 72_000, locale: 'en', expected: '₩72,000' },
    { label: 'English negative', input: -1_500, locale: 'en', expected: '-₩1,500' },
  ] as const)('$label: $input → $expected', ({ input, locale, expected }) => {
    expect(formatKrw(input, locale)).toBe(expected);
  });
});

describe('formatKrwShort', () => {
  it.each([
    { label: '억 and 만', input: 540_000_000, locale: 'ko', expected: '5억 4,000만 원' },
    { label: 'whole 만', input: 1_250_000, locale: 'ko', expected: '125만 원' },
    { label: '만 with a remainder', input: 72_000, locale: 'ko', expected: '7만 2,000원' },
    { label: 'the article’s investment', input: 5_400_000_000, locale: 'ko', expected: '54억 원' },
    { label: 'below 만', input: 9_000, locale: 'ko', expected: '9,000원' },
    { label: 'zero', input: 0, locale: 'ko', expected: '0원' },
    { label: 'exactly 만', input: 10_000, locale: 'ko', expected: '1만 원' },
    { label: '억, 만 and a remainder', input: 100_010_500, locale: 'ko', expected: '1억 1만 500원' },
    { label: '조', input: 1_200_000_000_000, locale: 'ko', expected: '1조 2,000억 원' },
    { label: 'negative', input: -1_250_000, locale: 'ko', expected: '-125만 원' },
    { label: 'English millions', input: 540_000_000, locale: 'en', expected: '₩540M' },
    { label: 'English with decimals', input: 1_250_000, locale: 'en', expected: '₩1.25M' },
    { label: 'English billions', input: 5_400_000_000, locale: 'en', expected: '₩5.4B' },
    { label: 'English below a million', input: 72_000, locale: 'en', expected: '₩72,000' },
  ] as const)('$label: $input → $expected', ({ input, locale, expected }) => {
    expect(formatKrwShort(input, locale)).toBe(expected);
  });
});
