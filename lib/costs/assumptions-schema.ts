import { z } from 'zod';

// What the cost model assumes, as admins edit it and as cost_assumption_sets.assumptions stores it.
// Money is integer KRW; percentages are integers (130 = 130 %).

const krw = z.number({ error: 'validation.integer' }).int().min(0).max(1_000_000_000_000);
const count = (min: number, max: number) => z.number({ error: 'validation.integer' }).int().min(min).max(max);

export const serverClass = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  name: z.string().min(1).max(100),
  /** physical cores a dedicated server offers (1 peak vCPU needs 1 core on a dedicated server) */
  cores: count(1, 1024),
  ramGb: count(1, 65_536),
  priceKrw: krw,
});
export type ServerClass = z.infer<typeof serverClass>;

/** 별도 구축: what building a system on its own hardware costs. */
export const standaloneAssumptions = z.object({
  /** smallest first; a system gets the smallest class one server of which carries its peak */
  serverClasses: z.array(serverClass).min(1).max(10),
  /** servers are sized for peak × (100 + headroomPct) / 100 */
  headroomPct: count(0, 500),
  /** production systems get at least this many servers, for redundancy */
  prodMinServers: count(1, 10),
  /** usable storage, bought with the servers and amortised with them */
  storagePricePerGbKrw: krw,
  /** OS, DBMS, middleware and security software per server and year */
  licencePerServerYearKrw: krw,
  /** rack space, power, cooling and the maintenance contract per server and year */
  facilityPerServerYearKrw: krw,
  /** design, tender and procurement of a standalone build, once per system */
  designProcurementKrw: krw,
  procurementLeadTimeDays: count(0, 3650),
});

/** The shared pool's side. */
export const sharedAssumptions = z.object({
  /** vCPU sold per physical core × 100 (400 = 4:1) */
  cpuOvercommitPct: count(100, 5000),
  /** share of installed capacity that may be sold; the rest is the failover reserve */
  sellablePct: count(1, 100),
  /** how a pool's monthly cost splits over its sellable units; sums to 100 */
  costSharePct: z
    .object({
      vcpu: count(0, 100),
      ramGb: count(0, 100),
      storageGb: count(0, 100),
      platformSlot: count(0, 100),
    })
    .refine((s) => s.vcpu + s.ramGb + s.storageGb + s.platformSlot === 100, {
      message: 'the cost shares must add up to 100',
    }),
  /** running cost per pool and year (operations staff, maintenance, power, site licences), by pool id */
  opexPerYearKrw: z.record(z.string().min(1).max(100), krw),
  /** moving one system onto the cloud (migration and platform set-up) */
  onboardingPerSystemKrw: krw,
  leadTimeDays: count(0, 3650),
});

export const costAssumptions = z.object({
  /** hardware is amortised over this many years, standalone servers and pool capex alike */
  hardwareLifetimeYears: count(1, 15),
  standalone: standaloneAssumptions,
  shared: sharedAssumptions,
});
export type CostAssumptions = z.infer<typeof costAssumptions>;

/** An admin's new version of the assumptions. */
export const costAssumptionsInput = z.object({
  name: z.string().trim().min(1).max(100),
  effectiveFrom: z.iso.date({ error: 'validation.date' }),
  assumptions: costAssumptions,
  note: z.string().max(2000).default(''),
});
export type CostAssumptionsInput = z.infer<typeof costAssumptionsInput>;
