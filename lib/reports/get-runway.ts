import { asc } from 'drizzle-orm';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { type CostInputs, setLookup } from '@/lib/costs/cost-inputs';
import { loadCostInputs } from '@/lib/costs/load-cost-inputs';
import { addMonths, firstDay, type Month, monthIndex, monthOf } from '@/lib/costs/period';
import { poolUnitRates } from '@/lib/costs/pool-unit-rates';
import { lastHistoryMonth } from '@/lib/dashboards/queries';
import { seoulMonth, throwFilterErrors } from './filters';
import {
  type DimensionForecast,
  forecastDimension,
  projection,
  type RunwayDimension,
  type RunwayMethod,
  runwayDimensions,
} from './forecast-runway';
import { DEFAULT_THRESHOLD, DEFAULT_WINDOW, HORIZON_MONTHS, type RunwayFilters } from './runway-filters';

// 용량 전망: for each pool, its allocation month by month (the systems' recorded allocations, the
// basis of showback by allocation) against its capacity, and when each dimension fills at the
// growth of the last N months (lib/reports/forecast-runway.ts), with every assumption named.

type Capacity = Record<RunwayDimension, number>;

export type RunwaySeriesPoint = {
  month: Month;
  kind: 'actual' | 'forecast';
  /** allocation ÷ capacity, %, one decimal, per dimension (null without capacity) */
  vcpuPct: number | null;
  ramGbPct: number | null;
  storageGbPct: number | null;
};

export type RunwayPool = {
  poolId: string;
  poolName: string;
  /** investments: the capacity bought by the pool's investments in service (the cost model's);
   *  pool: the capacity configured on the pool, for a pool without investments */
  capacitySource: 'investments' | 'pool';
  /** systems with an allocation in the last month */
  systems: number;
  dimensions: DimensionForecast[];
  /** investments whose hardware lifetime ends within the horizon (not subtracted: an assumption) */
  retirements: { investedOn: string; description: string; outOfServiceFrom: Month; amountKrw: number }[];
  /** the window's actual months and the forecast of the chosen method, as % of capacity */
  series: RunwaySeriesPoint[];
};

export type RunwayView = {
  asOf: Month;
  windowMonths: number;
  method: RunwayMethod;
  thresholdPct: number;
  horizonMonths: number;
  pools: RunwayPool[];
  /** the cost assumption set in force at asOf (overcommit, hardware lifetime); null without any */
  assumptions: {
    setVersion: number;
    setName: string;
    cpuOvercommitPct: number;
    hardwareLifetimeYears: number;
  } | null;
};

export type ComputeRunwayOptions = {
  inputs: CostInputs;
  poolRows: {
    id: string;
    name: string;
    physicalCores: number;
    overcommitPct: number;
    capacityRamGb: number;
    capacityStorageGb: number;
  }[];
  asOf: Month;
  windowMonths?: number;
  method?: RunwayMethod;
  thresholdPct?: number;
  poolId?: string;
};

const pct = (value: number, capacity: number) =>
  capacity > 0 ? Math.round((value / capacity) * 1000) / 10 : null;

/** The runway over the cost model's inputs; pure (the database is read by getRunway). */
export function computeRunway(o: ComputeRunwayOptions): RunwayView {
  const windowMonths = o.windowMonths ?? DEFAULT_WINDOW;
  const method = o.method ?? 'linear';
  const thresholdPct = o.thresholdPct ?? DEFAULT_THRESHOLD;
  // without an assumption set the cost model knows no investments' lifetimes: the pools' own capacity
  const modelled = o.inputs.sets.length > 0;
  const rates = modelled ? poolUnitRates(o.inputs.pools, o.inputs.sets) : null;
  const setAt = modelled ? setLookup(o.inputs.sets) : null;
  const set = setAt?.(firstDay(o.asOf)) ?? null;

  const capacityAt = (pool: ComputeRunwayOptions['poolRows'][number], month: Month): Capacity | null => {
    if (!rates || !setAt) return null;
    const { installed } = rates(pool.id, month);
    if (installed.physicalCores + installed.ramGb + installed.storageGb === 0) return null;
    const overcommit = setAt(firstDay(month)).assumptions.shared.cpuOvercommitPct;
    return {
      vcpu: Math.floor((installed.physicalCores * overcommit) / 100),
      ramGb: installed.ramGb,
      storageGb: installed.storageGb,
    };
  };

  const result: RunwayPool[] = [];
  for (const pool of o.poolRows.filter((p) => !o.poolId || p.id === o.poolId)) {
    // Phase 1: the pool's allocation month by month, summed over its systems
    const history: Record<RunwayDimension, Record<Month, number>> = { vcpu: {}, ramGb: {}, storageGb: {} };
    let systems = 0;
    for (const s of o.inputs.systems.filter((x) => x.poolId === pool.id)) {
      if (s.allocations[o.asOf]) systems++;
      for (const [month, a] of Object.entries(s.allocations)) {
        if (month > o.asOf) continue;
        for (const d of runwayDimensions) history[d][month] = (history[d][month] ?? 0) + a[d];
      }
    }

    // Phase 2: the capacity as of the last month, held from then on; each dimension's forecast
    const invested = capacityAt(pool, o.asOf);
    const fixed: Capacity = {
      vcpu: Math.floor((pool.physicalCores * pool.overcommitPct) / 100),
      ramGb: pool.capacityRamGb,
      storageGb: pool.capacityStorageGb,
    };
    const capacity = invested ?? fixed;
    const dimensions = runwayDimensions.map((dimension) =>
      forecastDimension({
        dimension,
        history: history[dimension],
        asOf: o.asOf,
        windowMonths,
        capacity: capacity[dimension],
        thresholdPct,
        horizonMonths: HORIZON_MONTHS,
      }),
    );

    // Phase 3: the chart's series: the window's months, then the forecast until the last fill (12–120 months)
    const windowStart = dimensions
      .map((d) => d.window?.from)
      .filter((m): m is Month => Boolean(m))
      .sort()[0];
    const series: RunwaySeriesPoint[] = [];
    if (windowStart) {
      for (let m = windowStart; m <= o.asOf; m = addMonths(m, 1)) {
        const cap = invested ? (capacityAt(pool, m) ?? capacity) : capacity;
        series.push({
          month: m,
          kind: 'actual',
          vcpuPct: pct(history.vcpu[m] ?? 0, cap.vcpu),
          ramGbPct: pct(history.ramGb[m] ?? 0, cap.ramGb),
          storageGbPct: pct(history.storageGb[m] ?? 0, cap.storageGb),
        });
      }
      const lastFill = Math.max(0, ...dimensions.map((d) => d[method].monthsLeft ?? 0));
      const ahead = Math.min(HORIZON_MONTHS, Math.max(12, lastFill + 1));
      const projected = Object.fromEntries(
        dimensions.map((d) => [d.dimension, projection(d, method, o.asOf, ahead)]),
      ) as Record<RunwayDimension, { month: Month; value: number }[]>;
      for (let i = 0; i < ahead; i++)
        series.push({
          month: addMonths(o.asOf, i + 1),
          kind: 'forecast',
          vcpuPct: projected.vcpu[i] ? pct(projected.vcpu[i]!.value, capacity.vcpu) : null,
          ramGbPct: projected.ramGb[i] ? pct(projected.ramGb[i]!.value, capacity.ramGb) : null,
          storageGbPct: projected.storageGb[i]
            ? pct(projected.storageGb[i]!.value, capacity.storageGb)
            : null,
        });
    }

    // the hardware that reaches the end of its life within the horizon
    const retirements = (setAt ? (o.inputs.pools.find((p) => p.id === pool.id)?.investments ?? []) : [])
      .map((inv) => ({
        investedOn: inv.investedOn,
        description: inv.description,
        amountKrw: inv.amountKrw,
        outOfServiceFrom: addMonths(
          monthOf(inv.investedOn),
          setAt!(inv.investedOn).assumptions.hardwareLifetimeYears * 12,
        ),
      }))
      .filter(
        (r) =>
          monthIndex(r.outOfServiceFrom) > monthIndex(o.asOf) &&
          monthIndex(r.outOfServiceFrom) <= monthIndex(o.asOf) + HORIZON_MONTHS,
      );

    result.push({
      poolId: pool.id,
      poolName: pool.name,
      capacitySource: invested ? 'investments' : 'pool',
      systems,
      dimensions,
      retirements,
      series,
    });
  }
  return {
    asOf: o.asOf,
    windowMonths,
    method,
    thresholdPct,
    horizonMonths: HORIZON_MONTHS,
    pools: result,
    assumptions: set
      ? {
          setVersion: set.version,
          setName: set.name,
          cpuOvercommitPct: set.assumptions.shared.cpuOvercommitPct,
          hardwareLifetimeYears: set.assumptions.hardwareLifetimeYears,
        }
      : null,
  };
}

export type GetRunwayOptions = { actor: Actor; filters: RunwayFilters; now?: Date };

/** The runway for the filters (already read by parseRunwayFilters); an unknown pool is bad input. */
export async function getRunway({ actor, filters, now = new Date() }: GetRunwayOptions): Promise<RunwayView> {
  requirePermission(actor, 'dashboards:read');
  const [poolRows, lastMonth] = await Promise.all([
    getDb()
      .select({
        id: pools.id,
        name: pools.name,
        physicalCores: pools.physicalCores,
        overcommitPct: pools.overcommitPct,
        capacityRamGb: pools.capacityRamGb,
        capacityStorageGb: pools.capacityStorageGb,
      })
      .from(pools)
      .orderBy(asc(pools.site), asc(pools.id)),
    lastHistoryMonth(now),
  ]);
  if (filters.pool && !poolRows.some((p) => p.id === filters.pool)) throwFilterErrors({ pool: 'choice' });
  const current = seoulMonth(now);
  const asOf = filters.asOf ?? (lastMonth && lastMonth < current ? lastMonth : current);
  // the window's months (investments are read whole: the capacity needs every one)
  const windowMonths = filters.months ?? DEFAULT_WINDOW;
  const inputs = await loadCostInputs({
    period: { from: firstDay(addMonths(asOf, 1 - windowMonths)), to: firstDay(asOf) },
  });
  return computeRunway({
    inputs,
    poolRows,
    asOf,
    windowMonths,
    method: filters.method,
    thresholdPct: filters.threshold,
    poolId: filters.pool,
  });
}
