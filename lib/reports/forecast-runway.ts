import { addMonths, type Month, monthIndex } from '@/lib/costs/period';

// 용량 전망 (capacity runway): when a pool's allocation reaches its capacity if it keeps growing as it
// did over the last N months. Pure: the figures come in, the forecast and its assumptions go out.
// Two growth models, both fitted on the window and projected from the last month's actual value:
// - linear: the least-squares slope b of value over month (units a month); value(k) = last + b·k
// - compound: g = (last ÷ first)^(1 ÷ (n − 1)) − 1 (a month, like a CAGR); value(k) = last · (1 + g)^k
// The fill month is the first month k ≥ 1 after the window whose projection reaches the threshold
// (a share of the capacity); k = 0 when the last month already has.

export type RunwayMethod = 'linear' | 'compound';
export const runwayMethods: RunwayMethod[] = ['linear', 'compound'];

export type RunwayDimension = 'vcpu' | 'ramGb' | 'storageGb';
export const runwayDimensions: RunwayDimension[] = ['vcpu', 'ramGb', 'storageGb'];

/**
 * full: the threshold is reached in the last month already; fills: it will be within the horizon;
 * beyond: growing, but not within the horizon; flat: not growing (or shrinking); insufficient: fewer
 * than two months with an allocation (or, for compound, a window starting at zero); noCapacity.
 */
export type FillStatus = 'full' | 'fills' | 'beyond' | 'flat' | 'insufficient' | 'noCapacity';

export type MethodForecast = {
  method: RunwayMethod;
  /** linear: units a month; compound: the growth a month as a fraction (0.0125 = 1.25 %); null without a fit */
  growth: number | null;
  status: FillStatus;
  /** the first month at or above the threshold (YYYY-MM), for `full` and `fills` */
  fillMonth: Month | null;
  /** months from the last month of the window to the fill month */
  monthsLeft: number | null;
};

export type DimensionForecast = {
  dimension: RunwayDimension;
  capacity: number;
  /** capacity × threshold % */
  threshold: number;
  /** the allocation in the last month of the window */
  current: number;
  /** current ÷ capacity, %, one decimal; null without capacity */
  utilisationPct: number | null;
  /** the months fitted: from the first month with an allocation within the last N, to the last month */
  window: { from: Month; to: Month; months: number } | null;
  linear: MethodForecast;
  compound: MethodForecast;
};

export type ForecastDimensionOptions = {
  dimension: RunwayDimension;
  /** allocation by month (YYYY-MM); a month without an entry had nothing allocated */
  history: Record<Month, number>;
  /** the last month of the window (the forecast starts after it) */
  asOf: Month;
  /** N: how many months, ending with asOf, the growth is fitted on */
  windowMonths: number;
  capacity: number;
  /** the share of the capacity that counts as full, 1–100 */
  thresholdPct: number;
  /** how far ahead a fill month is looked for, in months */
  horizonMonths: number;
};

const EPSILON = 1e-9;
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The least-squares slope of values taken one month apart. */
export function linearSlope(values: number[]): number {
  const n = values.length;
  const meanT = (n - 1) / 2;
  const meanY = values.reduce((s, v) => s + v, 0) / n;
  let num = 0;
  let den = 0;
  values.forEach((v, t) => {
    num += (t - meanT) * (v - meanY);
    den += (t - meanT) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/** The compound monthly growth from the first value to the last; null when the first is not positive. */
export function compoundRate(values: number[]): number | null {
  const first = values[0]!;
  const last = values.at(-1)!;
  if (values.length < 2 || first <= 0 || last <= 0) return null;
  return (last / first) ** (1 / (values.length - 1)) - 1;
}

/** The projected allocation k months after the last one. */
export function project(method: RunwayMethod, growth: number, last: number, k: number): number {
  return method === 'linear' ? last + growth * k : last * (1 + growth) ** k;
}

function fill(
  method: RunwayMethod,
  growth: number | null,
  last: number,
  o: ForecastDimensionOptions,
  threshold: number,
): MethodForecast {
  const none = (status: FillStatus): MethodForecast => ({
    method,
    growth,
    status,
    fillMonth: null,
    monthsLeft: null,
  });
  if (o.capacity <= 0) return none('noCapacity');
  if (last >= threshold - EPSILON)
    return { method, growth, status: 'full', fillMonth: o.asOf, monthsLeft: 0 };
  if (growth === null) return none('insufficient');
  if (growth <= EPSILON) return none('flat');
  // closed form, then nudged so floating point never moves the month either way
  const x =
    method === 'linear' ? (threshold - last) / growth : Math.log(threshold / last) / Math.log(1 + growth);
  let k = Math.max(1, Math.ceil(x - EPSILON));
  const reached = (m: number) => project(method, growth, last, m) >= threshold - EPSILON;
  while (k > 1 && reached(k - 1)) k--;
  while (!reached(k) && k <= o.horizonMonths) k++;
  if (k > o.horizonMonths) return none('beyond');
  return { method, growth, status: 'fills', fillMonth: addMonths(o.asOf, k), monthsLeft: k };
}

/** The forecast of one pool dimension: the window fitted, both models, the fill month of each. */
export function forecastDimension(o: ForecastDimensionOptions): DimensionForecast {
  const at = (m: Month) => o.history[m] ?? 0;
  // the window starts no earlier than the first month anything was allocated (zeros before a pool
  // had systems say nothing about its growth)
  const end = monthIndex(o.asOf);
  let start = end - o.windowMonths + 1;
  while (start <= end && at(addMonths(o.asOf, start - end)) === 0) start++;
  const values: number[] = [];
  for (let i = start; i <= end; i++) values.push(at(addMonths(o.asOf, i - end)));

  const current = at(o.asOf);
  const threshold = (o.capacity * o.thresholdPct) / 100;
  const enough = values.length >= 2;
  const linearGrowth = enough ? linearSlope(values) : null;
  const compoundGrowth = enough ? compoundRate(values) : null;
  return {
    dimension: o.dimension,
    capacity: o.capacity,
    threshold,
    current,
    utilisationPct: o.capacity > 0 ? round1((current / o.capacity) * 100) : null,
    window: values.length
      ? { from: addMonths(o.asOf, start - end), to: o.asOf, months: values.length }
      : null,
    linear: fill('linear', linearGrowth, current, o, threshold),
    compound: fill('compound', compoundGrowth, current, o, threshold),
  };
}

/** The projected allocation month by month after asOf, up to `months` ahead (nothing without a fit). */
export function projection(
  forecast: DimensionForecast,
  method: RunwayMethod,
  asOf: Month,
  months: number,
): { month: Month; value: number }[] {
  const { growth } = forecast[method];
  if (growth === null || forecast.window === null) return [];
  return Array.from({ length: months }, (_, i) => ({
    month: addMonths(asOf, i + 1),
    value: project(method, growth, forecast.current, i + 1),
  }));
}
