// Exact fractions over bigint, so the cost model never rounds until its one rounding point
// (lib/costs/round-krw.ts): unit rates and pro-rated months stay exact however they combine.

/** n / d with d > 0, kept in lowest terms. */
export type Rational = { readonly n: bigint; readonly d: bigint };

const abs = (x: bigint) => (x < 0n ? -x : x);

function gcd(a: bigint, b: bigint): bigint {
  let x = abs(a);
  let y = abs(b);
  while (y) [x, y] = [y, x % y];
  return x;
}

export function ratio(n: bigint | number, d: bigint | number = 1n): Rational {
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('division by zero');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const g = gcd(nn, dd) || 1n;
  return { n: nn / g, d: dd / g };
}

export const ZERO = ratio(0);
export const ONE = ratio(1);

/** A decimal such as 37.25 (at most 6 places, as stored) as an exact fraction. */
export function fromDecimal(value: number): Rational {
  return ratio(BigInt(Math.round(value * 1_000_000)), 1_000_000n);
}

export const add = (a: Rational, b: Rational) => ratio(a.n * b.d + b.n * a.d, a.d * b.d);
export const sub = (a: Rational, b: Rational) => ratio(a.n * b.d - b.n * a.d, a.d * b.d);
export const mul = (a: Rational, b: Rational) => ratio(a.n * b.n, a.d * b.d);
export const div = (a: Rational, b: Rational) => ratio(a.n * b.d, a.d * b.n);
export const isZero = (a: Rational) => a.n === 0n;

export function sum(values: Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/** ⌊n / d⌋ for d > 0 (bigint division truncates toward zero). */
function floorDiv(n: bigint, d: bigint): bigint {
  const q = n / d;
  return n % d !== 0n && n < 0n ? q - 1n : q;
}

/** Round half up (towards +∞) to an integer: 2.5 → 3, −2.5 → −2. */
export function roundHalfUp(a: Rational): bigint {
  return floorDiv(2n * a.n + a.d, 2n * a.d);
}

/** For display only: the fraction as a number with `places` decimals (half up). */
export function toFixedNumber(a: Rational, places = 2): number {
  const scale = 10n ** BigInt(places);
  return Number(roundHalfUp(mul(a, ratio(scale)))) / Number(scale);
}
