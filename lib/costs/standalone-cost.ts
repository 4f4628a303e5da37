import type { CostAssumptions, ServerClass } from './assumptions-schema';
import { type AssumptionSet, type SystemInput, setLookup } from './cost-inputs';
import {
  contains,
  firstDay,
  type Month,
  monthFromIndex,
  monthIndex,
  monthOf,
  monthsOf,
  type Period,
} from './period';
import { mul, ratio } from './rational';
import { roundKrw } from './round-krw';

// 별도 구축: what a system would have cost on its own dedicated hardware.

export type StandaloneSizing = {
  serverClass: Pick<ServerClass, 'id' | 'name' | 'cores' | 'ramGb' | 'priceKrw'>;
  servers: number;
  storageGb: number;
  /** peak × (100 + headroom) / 100, rounded up */
  neededCores: number;
  neededRamGb: number;
};

export type StandaloneLines = {
  /** servers, amortised over the hardware lifetime */
  serversKrw: number;
  /** storage bought with them, amortised alike */
  storageKrw: number;
  licenceKrw: number;
  /** facility and maintenance */
  facilityKrw: number;
  /** design and procurement, once, in the build month */
  designKrw: number;
};

export type StandaloneMonth = { month: Month; lines: StandaloneLines; totalKrw: number };

export type StandaloneCost = {
  totalKrw: number;
  lines: StandaloneLines;
  months: StandaloneMonth[];
  /** each hardware purchase the period pays for: the build, then a refresh every lifetime */
  purchases: { month: Month; setVersion: number; sizing: StandaloneSizing }[];
  /** procurement lead time of the build, when the build falls in the period */
  leadTimeDays: number;
};

export const noStandaloneLines = (): StandaloneLines => ({
  serversKrw: 0,
  storageKrw: 0,
  licenceKrw: 0,
  facilityKrw: 0,
  designKrw: 0,
});

const withHeadroom = (value: number, headroomPct: number) => Math.ceil((value * (100 + headroomPct)) / 100);

/**
 * Dedicated servers for the system's peak with headroom: the smallest server class one server of
 * which carries the peak (else the largest), as many as the peak needs, and at least
 * `prodMinServers` for production (redundancy); storage for the peak with the same headroom.
 */
export function sizeStandalone(
  system: Pick<SystemInput, 'peak' | 'environment'>,
  assumptions: CostAssumptions,
): StandaloneSizing {
  const a = assumptions.standalone;
  const neededCores = withHeadroom(system.peak.vcpu, a.headroomPct);
  const neededRamGb = withHeadroom(system.peak.ramGb, a.headroomPct);
  const classes = [...a.serverClasses].sort((x, y) => x.cores - y.cores || x.ramGb - y.ramGb);
  const cls = classes.find((c) => c.cores >= neededCores && c.ramGb >= neededRamGb) ?? classes.at(-1)!;
  const servers = Math.max(
    system.environment === 'prod' ? a.prodMinServers : 1,
    Math.ceil(neededCores / cls.cores),
    Math.ceil(neededRamGb / cls.ramGb),
  );
  const { id, name, cores, ramGb, priceKrw } = cls;
  return {
    serverClass: { id, name, cores, ramGb, priceKrw },
    servers,
    storageGb: withHeadroom(system.peak.storageGb, a.headroomPct),
    neededCores,
    neededRamGb,
  };
}

/** The purchase month whose hardware serves `month`: the build, refreshed every lifetime at the then price. */
function purchaseFor(movedMonth: Month, month: Month, setAt: (d: string) => AssumptionSet): Month {
  let purchase = monthIndex(movedMonth);
  for (;;) {
    const life = setAt(firstDay(monthFromIndex(purchase))).assumptions.hardwareLifetimeYears * 12;
    if (purchase + life > monthIndex(month)) return monthFromIndex(purchase);
    purchase += life;
  }
}

export type StandaloneCostOptions = {
  system: Pick<SystemInput, 'movedOn' | 'peak' | 'environment' | 'allocations'>;
  period: Period;
  sets: AssumptionSet[];
};

/**
 * The standalone cost of one system over a period, month by month from the month it would have been
 * built, for the months the system has a recorded allocation (the same months its shared cost covers):
 * hardware (servers + storage) amortised over its lifetime, licences and facility per
 * server-year — each pro-rated by the share of the month inside the period — plus the one-time design
 * and procurement cost in the build month (when the period holds the build date, movedOn).
 */
export function standaloneCost({ system, period, sets }: StandaloneCostOptions): StandaloneCost {
  const setAt = setLookup(sets);
  const moved = monthOf(system.movedOn);
  const built = setAt(system.movedOn);
  const buildInPeriod = contains(period, system.movedOn);
  const lines = noStandaloneLines();
  const months: StandaloneMonth[] = [];
  const purchases = new Map<Month, StandaloneCost['purchases'][number]>();

  for (const { month, fraction } of monthsOf(period)) {
    // compare like with like: running costs count for the months the system is on the cloud with a
    // recorded allocation; the build month always, for its one-time cost
    const running = month >= moved && Boolean(system.allocations[month]);
    if (!running && month !== moved) continue;
    // the hardware in use was bought (and sized) under the set in force at its purchase
    const purchase = purchaseFor(moved, month, setAt);
    const bought = setAt(firstDay(purchase));
    let bill = purchases.get(purchase);
    if (!bill) {
      bill = {
        month: purchase,
        setVersion: bought.version,
        sizing: sizeStandalone(system, bought.assumptions),
      };
      purchases.set(purchase, bill);
    }
    const { sizing } = bill;
    const lifetimeMonths = bought.assumptions.hardwareLifetimeYears * 12;
    // running costs follow the set in force in the month itself
    const now = setAt(firstDay(month)).assumptions.standalone;
    const monthly = (amount: number, per: number) =>
      running ? roundKrw(mul(ratio(amount, per), fraction)) : 0;
    const m: StandaloneLines = {
      serversKrw: monthly(sizing.servers * sizing.serverClass.priceKrw, lifetimeMonths),
      storageKrw: monthly(
        sizing.storageGb * bought.assumptions.standalone.storagePricePerGbKrw,
        lifetimeMonths,
      ),
      licenceKrw: monthly(sizing.servers * now.licencePerServerYearKrw, 12),
      facilityKrw: monthly(sizing.servers * now.facilityPerServerYearKrw, 12),
      designKrw: month === moved && buildInPeriod ? built.assumptions.standalone.designProcurementKrw : 0,
    };
    const totalKrw = m.serversKrw + m.storageKrw + m.licenceKrw + m.facilityKrw + m.designKrw;
    for (const key of Object.keys(lines) as (keyof StandaloneLines)[]) lines[key] += m[key];
    months.push({ month, lines: m, totalKrw });
  }
  return {
    totalKrw: months.reduce((s, m) => s + m.totalKrw, 0),
    lines,
    months,
    purchases: [...purchases.values()],
    leadTimeDays: buildInPeriod ? built.assumptions.standalone.procurementLeadTimeDays : 0,
  };
}
