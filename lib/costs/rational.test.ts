import { describe, expect, it } from 'vitest';
import { fromDecimal, ratio, roundHalfUp, toFixedNumber } from './rational';
import { roundKrw, savingsPct } from './round-krw';

describe('roundKrw (half up to the won, the model’s one rounding point)', () => {
  it.each([
    { label: 'an exact amount stays', n: 100_000, d: 1, expected: 100_000 },
    { label: 'below a half rounds down', n: 125_000, d: 60, expected: 2_083 },
    { label: 'a half rounds up', n: 5, d: 2, expected: 3 },
    { label: 'another half rounds up, not to even', n: 3, d: 2, expected: 2 },
    { label: 'above a half rounds up', n: 1_600_000, d: 31, expected: 51_613 },
    { label: 'a negative half rounds towards +∞', n: -5, d: 2, expected: -2 },
  ])('$label', ({ n, d, expected }) => {
    expect(roundKrw(ratio(n, d))).toBe(expected);
  });

  it('keeps fractions exact however they combine', () => {
    expect(roundHalfUp(ratio(1, 3))).toBe(0n);
    expect(toFixedNumber(ratio(200_000 * 50, 100 * 8))).toBe(12_500);
    expect(toFixedNumber(fromDecimal(37.25))).toBe(37.25);
  });
});

describe('savingsPct', () => {
  it.each([
    { label: 'half the cost saves 50 %', standalone: 200, shared: 100, expected: 50 },
    { label: 'one decimal, half up', standalone: 100_000, shared: 57_650, expected: 42.4 },
    { label: 'just under the half stays down', standalone: 100_000, shared: 57_651, expected: 42.3 },
    { label: 'dearer than standalone is negative', standalone: 100, shared: 150, expected: -50 },
    { label: 'nothing to compare with', standalone: 0, shared: 10, expected: null },
  ])('$label', ({ standalone, shared, expected }) => {
    expect(savingsPct(standalone, shared)).toBe(expected);
  });
});
