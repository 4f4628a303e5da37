import { div, mul, type Rational, ratio, roundHalfUp, sub } from './rational';

/**
 * THE rounding point of the cost model: each cost line of each system-month (servers, storage,
 * licences, facility, design; vCPU, RAM, storage, platform slots, onboarding) is computed exactly and
 * rounded half up to the won once, here. Every total — per system, department, year or period — is a
 * plain sum of those integers, so the breakdowns always add up to the totals.
 */
export function roundKrw(amount: Rational): number {
  return Number(roundHalfUp(amount));
}

/**
 * 절감률: (1 − shared ÷ standalone) × 100, rounded half up to one decimal (42.35 → 42.4);
 * null when there is no standalone cost to compare with.
 */
export function savingsPct(standaloneKrw: number, sharedKrw: number): number | null {
  if (standaloneKrw === 0) return null;
  const saved = sub(ratio(1), div(ratio(sharedKrw), ratio(standaloneKrw)));
  return Number(roundHalfUp(mul(saved, ratio(1000)))) / 10;
}
