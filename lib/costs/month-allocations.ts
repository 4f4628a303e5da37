import type { Allocation } from './cost-inputs';
import { addMonths, type Month } from './period';

// What a business system had allocated in a month, from the portal's own resources: each resource's
// footprint over the part of the month it held capacity, as the cost model's monthly allocation
// (units held for the whole month: a 4-vCPU VM held for half of it is 2 vCPU-months).

/** Units of the cost model a resource holds: a platform slot's instances count as slots. */
export type Units = Allocation;

/** One resource as the roll-up sees it: when it held capacity, and its size from each instant on. */
export type ResourceTimeline = {
  systemId: string;
  /** the instant it started holding capacity (its row was made when provisioning began) */
  from: Date;
  /** the instant it stopped (failed or deleted in the cloud); null while it still holds capacity */
  until: Date | null;
  /** its size from each instant on, oldest first; the first applies from `from` */
  sizes: { at: Date; units: Units }[];
};

export type SystemMonth = {
  /** the month's allocation: Σ units × share of the month held, rounded half up per unit */
  allocation: Allocation;
  /** the most it held at once during the month (vCPU, GB RAM, GB storage), for a standalone sizing */
  peak: { vcpu: number; ramGb: number; storageGb: number };
};

const keys = ['vcpu', 'ramGb', 'storageGb', 'platformSlots'] as const;

/** The month's bounds in Asia/Seoul (UTC+9, no daylight saving), as instants. */
export function seoulMonthBounds(month: Month): { start: Date; end: Date } {
  return {
    start: new Date(`${month}-01T00:00:00+09:00`),
    end: new Date(`${addMonths(month, 1)}-01T00:00:00+09:00`),
  };
}

/** n ÷ d rounded half up, in integers (n, d ≥ 0, d > 0). */
const roundHalfUp = (n: bigint, d: bigint) => Number((2n * n + d) / (2n * d));

/**
 * Per system, what its resources held in `month` (a Seoul month), pro-rated to the second: a resource
 * counts from `from` until `until`, and one still holding capacity counts to the end of the month (a
 * month is charged whole, as the rate card charges it; the month's close recomputes it once it is over).
 * Systems whose resources held nothing in the month are absent.
 */
export function monthAllocations(timelines: ResourceTimeline[], month: Month): Map<string, SystemMonth> {
  const { start, end } = seoulMonthBounds(month);
  const monthSeconds = BigInt((end.getTime() - start.getTime()) / 1000);
  const sums = new Map<string, { unitSeconds: Record<(typeof keys)[number], bigint>; spans: Span[] }>();

  // Phase 1: each size's span inside the month, as unit-seconds per system
  for (const r of timelines) {
    const stop = Math.min(r.until?.getTime() ?? Number.POSITIVE_INFINITY, end.getTime());
    r.sizes.forEach((size, i) => {
      const next = r.sizes[i + 1]?.at.getTime() ?? Number.POSITIVE_INFINITY;
      const from = Math.max(size.at.getTime(), r.from.getTime(), start.getTime());
      const to = Math.min(next, stop);
      if (to <= from) return;
      const seconds = BigInt(Math.round((to - from) / 1000));
      const entry = sums.get(r.systemId) ?? {
        unitSeconds: { vcpu: 0n, ramGb: 0n, storageGb: 0n, platformSlots: 0n },
        spans: [],
      };
      for (const k of keys) entry.unitSeconds[k] += BigInt(size.units[k]) * seconds;
      entry.spans.push({ from, to, units: size.units });
      sums.set(r.systemId, entry);
    });
  }

  // Phase 2: the month's allocation (rounded once per unit) and the most held at any one instant
  const out = new Map<string, SystemMonth>();
  for (const [systemId, { unitSeconds, spans }] of sums) {
    const allocation = Object.fromEntries(
      keys.map((k) => [k, roundHalfUp(unitSeconds[k], monthSeconds)]),
    ) as Allocation;
    out.set(systemId, { allocation, peak: peakOf(spans) });
  }
  return out;
}

type Span = { from: number; to: number; units: Units };

/** The largest sum of sizes held at one instant: checked where each span begins. */
function peakOf(spans: Span[]): SystemMonth['peak'] {
  const peak = { vcpu: 0, ramGb: 0, storageGb: 0 };
  for (const at of new Set(spans.map((s) => s.from))) {
    const held = spans.filter((s) => s.from <= at && at < s.to);
    peak.vcpu = Math.max(
      peak.vcpu,
      held.reduce((x, s) => x + s.units.vcpu, 0),
    );
    peak.ramGb = Math.max(
      peak.ramGb,
      held.reduce((x, s) => x + s.units.ramGb, 0),
    );
    peak.storageGb = Math.max(
      peak.storageGb,
      held.reduce((x, s) => x + s.units.storageGb, 0),
    );
  }
  return peak;
}
