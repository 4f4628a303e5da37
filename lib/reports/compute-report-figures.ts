import { asc } from 'drizzle-orm';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { departments } from '@/db/schema/org';
import { computeSavings } from '@/lib/costs/compute-savings';
import { HISTORY_START } from '@/lib/costs/get-savings-dashboard';
import { loadCostInputs } from '@/lib/costs/load-cost-inputs';
import { firstDay, lastDay, type Month } from '@/lib/costs/period';
import { computeRunway } from './get-runway';
import { showbackBySystem } from './get-showback';
import type { ReportFigures } from './report-figures';
import { DEFAULT_THRESHOLD, DEFAULT_WINDOW } from './runway-filters';

// The figures of one month's report, computed from the same engines as the dashboards: showback by
// department and system on both bases (lib/costs/showback.ts), the month's and the cumulative savings
// (lib/costs/compute-savings.ts) and the runway as of the month, 12-month window, both models.

const pick = ({ standaloneKrw, sharedKrw, savedKrw, savingsPct }: ReturnType<typeof computeSavings>) => ({
  standaloneKrw,
  sharedKrw,
  savedKrw,
  savingsPct,
});

export async function computeReportFigures({
  month,
  now = new Date(),
}: {
  month: Month;
  now?: Date;
}): Promise<ReportFigures> {
  const db = getDb();
  const monthPeriod = { from: firstDay(month), to: lastDay(month) };
  // ISO dates: the earlier one sorts first
  const [since] = [HISTORY_START, monthPeriod.from].sort() as [string];
  const [inputs, deptRows, poolRows] = await Promise.all([
    loadCostInputs({ period: { from: since, to: monthPeriod.to } }),
    db
      .select({
        id: departments.id,
        code: departments.code,
        nameKo: departments.nameKo,
        nameEn: departments.nameEn,
      })
      .from(departments),
    db
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
  ]);
  const modelled = inputs.sets.length > 0 && inputs.systems.length > 0;

  // Phase 1: showback per system, then per department as the sum of its systems
  const perSystem = modelled ? showbackBySystem(inputs, monthPeriod).departments : [];
  const systemById = new Map(inputs.systems.map((s) => [s.id, s]));
  const systems = perSystem
    .map((r) => {
      const s = systemById.get(r.departmentId)!;
      return {
        systemId: s.id,
        code: s.code,
        name: s.name,
        departmentId: s.departmentId,
        byAllocationKrw: r.byAllocationKrw,
        byUsageKrw: r.byUsageKrw,
      };
    })
    .filter((s) => s.byAllocationKrw || s.byUsageKrw)
    .sort((a, b) => b.byAllocationKrw - a.byAllocationKrw || a.code.localeCompare(b.code));
  const departmentsOut = deptRows
    .map((d) => {
      const own = systems.filter((s) => s.departmentId === d.id);
      return {
        departmentId: d.id,
        code: d.code,
        nameKo: d.nameKo,
        nameEn: d.nameEn,
        systems: own.length,
        byAllocationKrw: own.reduce((x, s) => x + s.byAllocationKrw, 0),
        byUsageKrw: own.reduce((x, s) => x + s.byUsageKrw, 0),
      };
    })
    .filter((d) => d.systems > 0)
    .sort((a, b) => b.byAllocationKrw - a.byAllocationKrw || a.nameKo.localeCompare(b.nameKo, 'ko'));

  // Phase 2: the month's savings and the savings since D-Cloud began
  const none = { standaloneKrw: 0, sharedKrw: 0, savedKrw: 0, savingsPct: null };
  const monthSavings = modelled ? pick(computeSavings({ inputs, period: monthPeriod })) : none;
  const cumulative = modelled
    ? pick(computeSavings({ inputs, period: { from: since, to: monthPeriod.to } }))
    : none;

  // Phase 3: the runway as of the month
  const runway = computeRunway({
    inputs,
    poolRows,
    asOf: month,
    windowMonths: DEFAULT_WINDOW,
    method: 'linear',
    thresholdPct: DEFAULT_THRESHOLD,
  });

  return {
    version: 1,
    month,
    computedAt: now.toISOString(),
    showback: {
      totals: {
        byAllocationKrw: departmentsOut.reduce((x, d) => x + d.byAllocationKrw, 0),
        byUsageKrw: departmentsOut.reduce((x, d) => x + d.byUsageKrw, 0),
      },
      departments: departmentsOut,
      systems,
    },
    savings: { month: monthSavings, cumulative: { from: since.slice(0, 7), ...cumulative } },
    runway,
  };
}
