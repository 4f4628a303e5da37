import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, seoulToday } from './dates';

describe('formatDateTime', () => {
  it.each([
    {
      label: 'UTC morning is Seoul afternoon',
      input: '2026-05-03T05:05:00Z',
      locale: 'ko',
      expected: '2026. 5. 3. 14:05',
    },
    {
      label: 'late UTC evening is the next day in Seoul',
      input: '2026-05-03T15:30:00Z',
      locale: 'ko',
      expected: '2026. 5. 4. 00:30',
    },
    { label: 'English', input: '2026-05-03T05:05:00Z', locale: 'en', expected: '3 May 2026, 14:05' },
    {
      label: 'an offset is honoured',
      input: '2026-05-03T14:05:00+09:00',
      locale: 'ko',
      expected: '2026. 5. 3. 14:05',
    },
    { label: 'nothing', input: null, locale: 'ko', expected: '' },
    { label: 'garbage', input: 'not a date', locale: 'ko', expected: '' },
  ] as const)('$label', ({ input, locale, expected }) => {
    expect(formatDateTime(input, locale)).toBe(expected);
  });
});

describe('formatDate', () => {
  it.each([
    { label: 'a calendar date stays that day', input: '2026-06-30', locale: 'ko', expected: '2026. 6. 30.' },
    { label: 'a calendar date in English', input: '2026-06-30', locale: 'en', expected: '30 Jun 2026' },
    {
      label: 'an instant is dated in Seoul',
      input: '2026-05-03T15:30:00Z',
      locale: 'ko',
      expected: '2026. 5. 4.',
    },
    { label: 'nothing', input: undefined, locale: 'ko', expected: '' },
  ] as const)('$label', ({ input, locale, expected }) => {
    expect(formatDate(input, locale)).toBe(expected);
  });
});

describe('formatDuration', () => {
  const from = '2026-05-03T00:00:00Z';
  it.each([
    { label: 'under a minute counts as one', to: '2026-05-03T00:00:20Z', locale: 'ko', expected: '1분' },
    { label: 'minutes', to: '2026-05-03T00:45:00Z', locale: 'en', expected: '45 mins' },
    { label: 'hours, rounded down', to: '2026-05-03T03:10:00Z', locale: 'ko', expected: '3시간' },
    { label: 'hours in English', to: '2026-05-03T03:10:00Z', locale: 'en', expected: '3 hrs' },
    { label: 'up to two days in hours', to: '2026-05-04T23:00:00Z', locale: 'ko', expected: '47시간' },
    { label: 'days from two days on', to: '2026-05-05T01:00:00Z', locale: 'ko', expected: '2일' },
    { label: 'a clock behind is no time', to: '2026-05-02T00:00:00Z', locale: 'ko', expected: '1분' },
  ] as const)('$label', ({ to, locale, expected }) => {
    expect(formatDuration(from, new Date(to), locale)).toBe(expected);
  });
});

describe('seoulToday', () => {
  it.each([
    { label: 'before midnight in Seoul', now: '2026-05-03T14:59:00Z', expected: '2026-05-03' },
    { label: 'after midnight in Seoul', now: '2026-05-03T15:00:00Z', expected: '2026-05-04' },
  ])('$label', ({ now, expected }) => {
    expect(seoulToday(new Date(now))).toBe(expected);
  });
});
