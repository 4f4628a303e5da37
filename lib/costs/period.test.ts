import { describe, expect, it } from 'vitest';
import { daysInMonth, lastDay, monthsOf } from './period';
import { ratio } from './rational';

describe('monthsOf', () => {
  it.each([
    {
      label: 'a whole month counts whole',
      period: { from: '2020-03-01', to: '2020-03-31' },
      expected: [{ month: '2020-03', fraction: ratio(1) }],
    },
    {
      label: 'a period cutting a month counts its days',
      period: { from: '2020-03-16', to: '2020-04-30' },
      expected: [
        { month: '2020-03', fraction: ratio(16, 31) },
        { month: '2020-04', fraction: ratio(1) },
      ],
    },
    {
      label: 'across a year boundary',
      period: { from: '2019-12-01', to: '2020-01-15' },
      expected: [
        { month: '2019-12', fraction: ratio(1) },
        { month: '2020-01', fraction: ratio(15, 31) },
      ],
    },
    {
      label: 'one day of a leap February',
      period: { from: '2020-02-29', to: '2020-02-29' },
      expected: [{ month: '2020-02', fraction: ratio(1, 29) }],
    },
    {
      label: 'an empty period has no months',
      period: { from: '2020-02-02', to: '2020-02-01' },
      expected: [],
    },
  ])('$label', ({ period, expected }) => {
    expect(monthsOf(period)).toEqual(expected);
  });

  it('knows month lengths', () => {
    expect([daysInMonth('2021-02'), daysInMonth('2020-02'), daysInMonth('2021-12')]).toEqual([28, 29, 31]);
    expect(lastDay('2021-02')).toBe('2021-02-28');
  });
});
