// Lease arithmetic on Seoul calendar days ('YYYY-MM-DD'): pure, so the lease form and extendLease agree.

/** A lease runs on while the resource does: not once it is being or has been handed back, nor after a failure. */
export const leaseExtendable: readonly string[] = ['provisioning', 'active', 'resizing'];

/** A lease can be extended to at most this many months from today (Asia/Seoul). */
export const LEASE_MAX_MONTHS = 12;

/** The same calendar day `months` later, on the month's last day where it has no such day (31 → 30). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** Whole days from one calendar day to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** The latest lease end allowed today. */
export const latestLeaseEnd = (today: string) => addMonths(today, LEASE_MAX_MONTHS);
