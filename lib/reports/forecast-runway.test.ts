import { describe, expect, it } from 'vitest';
import { compoundRate, forecastDimension, linearSlope, projection } from './forecast-runway';

/** Consecutive months ending with `asOf`, holding `values` in order. */
function months(asOf: string, values: number[]): Record<string, number> {
  const [y, m] = asOf.split('-').map(Number) as [number, number];
  const out: Record<string, number> = {};
  values.forEach((v, i) => {
    const back = values.length - 1 - i;
    const idx = y * 12 + (m - 1) - back;
    out[`${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`] = v;
  });
  return out;
}

const base = { dimension: 'vcpu' as const, thresholdPct: 100, horizonMonths: 120 };

describe('linearSlope and compoundRate', () => {
  it.each([
    { label: 'a steady rise', values: [100, 110, 120, 130], slope: 10 },
    // t̄ = 1.5, ȳ = 15: Σ(t − t̄)(y − ȳ) = 7.5 + 0.5 + 0 + 9 = 17, Σ(t − t̄)² = 5
    { label: 'an uneven rise', values: [10, 14, 15, 21], slope: 3.4 },
    { label: 'nothing changing', values: [50, 50, 50], slope: 0 },
    { label: 'a fall', values: [60, 55, 50], slope: -5 },
  ])('fits the least-squares slope of $label', ({ values, slope }) => {
    expect(linearSlope(values)).toBeCloseTo(slope, 10);
  });

  it.each([
    { label: 'doubling each month', values: [10, 20, 40], rate: 1 },
    { label: '1.5× over two months', values: [40, 50, 60], rate: Math.sqrt(1.5) - 1 },
    { label: 'a window starting at zero', values: [0, 10, 20], rate: null },
  ])('fits the compound rate of $label', ({ values, rate }) => {
    const r = compoundRate(values);
    if (rate === null) expect(r).toBeNull();
    else expect(r).toBeCloseTo(rate, 10);
  });
});

describe('forecastDimension', () => {
  it.each([
    {
      // linear: (200 − 130) ÷ 10 = 7 months; compound: g = 1.3^(1/3) − 1 = 9.14 %, 130 · 1.3^(4/3) = 184.5
      // < 200 ≤ 130 · 1.3^(5/3) = 201.3, so 5 months
      label: 'a steady rise',
      values: [100, 110, 120, 130],
      asOf: '2021-04',
      window: 4,
      capacity: 200,
      thresholdPct: 100,
      linear: { status: 'fills', fillMonth: '2021-11', monthsLeft: 7 },
      compound: { status: 'fills', fillMonth: '2021-09', monthsLeft: 5 },
    },
    {
      // slope 3.4: ⌈(40 − 21) ÷ 3.4⌉ = ⌈5.59⌉ = 6; g = 2.1^(1/3) − 1 = 28.1 %: 21 · 1.281² = 34.4, · 1.281³ = 44.1
      label: 'an uneven rise, crossing the year',
      values: [10, 14, 15, 21],
      asOf: '2021-11',
      window: 4,
      capacity: 40,
      thresholdPct: 100,
      linear: { status: 'fills', fillMonth: '2022-05', monthsLeft: 6 },
      compound: { status: 'fills', fillMonth: '2022-02', monthsLeft: 3 },
    },
    {
      // the threshold is 80 % of 100: (80 − 60) ÷ 10 = 2; g = √1.5 − 1: 60 · 1.22 = 73.5, 60 · 1.5 = 90
      label: 'a threshold below the capacity',
      values: [40, 50, 60],
      asOf: '2020-06',
      window: 3,
      capacity: 100,
      thresholdPct: 80,
      linear: { status: 'fills', fillMonth: '2020-08', monthsLeft: 2 },
      compound: { status: 'fills', fillMonth: '2020-08', monthsLeft: 2 },
    },
    {
      // exactly on the threshold counts as reached: 20 + 10 · 2 = 40; 20 · 2¹ = 40
      label: 'a projection landing exactly on the capacity',
      values: [10, 20],
      asOf: '2020-01',
      window: 2,
      capacity: 40,
      thresholdPct: 100,
      linear: { status: 'fills', fillMonth: '2020-03', monthsLeft: 2 },
      compound: { status: 'fills', fillMonth: '2020-02', monthsLeft: 1 },
    },
    {
      label: 'a pool already full',
      values: [90, 100],
      asOf: '2020-01',
      window: 2,
      capacity: 100,
      thresholdPct: 100,
      linear: { status: 'full', fillMonth: '2020-01', monthsLeft: 0 },
      compound: { status: 'full', fillMonth: '2020-01', monthsLeft: 0 },
    },
    {
      label: 'no growth',
      values: [50, 50, 50],
      asOf: '2020-01',
      window: 3,
      capacity: 100,
      thresholdPct: 100,
      linear: { status: 'flat', fillMonth: null, monthsLeft: null },
      compound: { status: 'flat', fillMonth: null, monthsLeft: null },
    },
    {
      label: 'a falling allocation',
      values: [60, 55, 50],
      asOf: '2020-01',
      window: 3,
      capacity: 100,
      thresholdPct: 100,
      linear: { status: 'flat', fillMonth: null, monthsLeft: null },
      compound: { status: 'flat', fillMonth: null, monthsLeft: null },
    },
    {
      // 899 months linear, 231 compound: both past the 120-month horizon
      label: 'growth too slow for the horizon',
      values: [100, 101],
      asOf: '2020-01',
      window: 2,
      capacity: 1000,
      thresholdPct: 100,
      linear: { status: 'beyond', fillMonth: null, monthsLeft: null },
      compound: { status: 'beyond', fillMonth: null, monthsLeft: null },
    },
    {
      label: 'a single month of history',
      values: [50],
      asOf: '2020-01',
      window: 12,
      capacity: 100,
      thresholdPct: 100,
      linear: { status: 'insufficient', fillMonth: null, monthsLeft: null },
      compound: { status: 'insufficient', fillMonth: null, monthsLeft: null },
    },
    {
      label: 'a pool without capacity',
      values: [10, 20],
      asOf: '2020-01',
      window: 2,
      capacity: 0,
      thresholdPct: 100,
      linear: { status: 'noCapacity', fillMonth: null, monthsLeft: null },
      compound: { status: 'noCapacity', fillMonth: null, monthsLeft: null },
    },
  ])('forecasts $label', ({ values, asOf, window, capacity, thresholdPct, linear, compound }) => {
    const f = forecastDimension({
      ...base,
      history: months(asOf, values),
      asOf,
      windowMonths: window,
      capacity,
      thresholdPct,
    });
    expect(f.linear).toMatchObject(linear);
    expect(f.compound).toMatchObject(compound);
    expect(f.current).toBe(values.at(-1));
  });

  it('fits only the last N months, and none before the first allocation', () => {
    const history = months('2021-12', [5, 5, 5, 0, 0, 40, 50, 60]);
    const last3 = forecastDimension({ ...base, history, asOf: '2021-12', windowMonths: 3, capacity: 100 });
    expect(last3.window).toEqual({ from: '2021-10', to: '2021-12', months: 3 });
    expect(last3.linear.growth).toBe(10);
    // a 5-month window would begin with two empty months: it starts at the first allocation instead
    const last5 = forecastDimension({ ...base, history, asOf: '2021-12', windowMonths: 5, capacity: 100 });
    expect(last5.window).toEqual({ from: '2021-10', to: '2021-12', months: 3 });
  });

  it('says how full the pool is now', () => {
    const f = forecastDimension({
      ...base,
      history: months('2021-12', [300, 333]),
      asOf: '2021-12',
      windowMonths: 12,
      capacity: 1_000,
      thresholdPct: 80,
    });
    expect(f).toMatchObject({ capacity: 1_000, threshold: 800, current: 333, utilisationPct: 33.3 });
  });

  it('has no window without any allocation', () => {
    const f = forecastDimension({ ...base, history: {}, asOf: '2021-12', windowMonths: 12, capacity: 100 });
    expect(f.window).toBeNull();
    expect(f.linear.status).toBe('insufficient');
    expect(f.utilisationPct).toBe(0);
  });
});

describe('projection', () => {
  it('continues from the last month on each model', () => {
    const f = forecastDimension({
      ...base,
      history: months('2020-01', [10, 20]),
      asOf: '2020-01',
      windowMonths: 2,
      capacity: 1_000,
    });
    expect(projection(f, 'linear', '2020-01', 3)).toEqual([
      { month: '2020-02', value: 30 },
      { month: '2020-03', value: 40 },
      { month: '2020-04', value: 50 },
    ]);
    expect(projection(f, 'compound', '2020-01', 2).map((p) => p.value)).toEqual([40, 80]);
  });
});
