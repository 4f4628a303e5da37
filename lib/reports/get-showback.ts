import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import type { CostInputs } from '@/lib/costs/cost-inputs';
import { loadCostInputs } from '@/lib/costs/load-cost-inputs';
import { firstDay, lastDay, type Month, monthsOf } from '@/lib/costs/period';
import { showback, showbackBasis } from '@/lib/costs/showback';
import { throwFilterErrors } from './filters';
import { type LiveResource, listShowbackScopes, liveResources, type ShowbackScopes } from './queries';

// 쇼백 (showback): what each department's systems cost the shared pool, month by month, on both bases
// of lib/costs/showback.ts — by allocation and by measured usage — down to each system and, for a
// system, its live resources priced on the current rate card.

type Totals = { byAllocationKrw: number; byUsageKrw: number };

export type ShowbackSystem = Totals & {
  systemId: string;
  code: string;
  name: string;
  departmentId: string;
  /** the cost model has a history for it (a cost profile); without one it shows only its resources */
  hasHistory: boolean;
  /** resources holding capacity now, and what they cost a month on the current rate card */
  resources: number;
  rateCardMonthlyKrw: number;
};

export type ShowbackDepartment = Totals & {
  departmentId: string;
  code: string;
  nameKo: string;
  nameEn: string;
  systems: number;
  rateCardMonthlyKrw: number;
};

export type ShowbackView = {
  /** YYYY-MM, both included */
  from: Month;
  to: Month;
  departmentId: string | null;
  systemId: string | null;
  totals: Totals & { rateCardMonthlyKrw: number };
  /** per department in scope over the period, by Korean name */
  departments: ShowbackDepartment[];
  /** per system in scope with figures or live resources, by department then name */
  systems: ShowbackSystem[];
  /** per month and department: showback's rows (months in order) */
  departmentMonths: (Totals & { month: Month; departmentId: string })[];
  /** per month and system, for the systems in scope */
  systemMonths: (Totals & { month: Month; systemId: string })[];
  /** the chosen system's live resources (only with a system) */
  resources: LiveResource[];
  /** the rate card that priced the resources; null without any */
  rateCard: { name: string } | null;
  basis: typeof showbackBasis;
};

export type GetShowbackOptions = {
  actor: Actor;
  from: Month;
  to: Month;
  departmentId?: string | null;
  systemId?: string | null;
  now?: Date;
  /** the scopes, when the caller has read them already */
  scopes?: ShowbackScopes;
};

/**
 * Per system and month on both bases: showback() run with each system standing as its own
 * "department", so the usage split stays the pool's and every department figure is a plain sum of
 * its systems' (showback rounds per system-month line, so the sums are exact).
 */
export function showbackBySystem(inputs: CostInputs, period: { from: string; to: string }) {
  const perSystem: CostInputs = {
    ...inputs,
    systems: inputs.systems.map((s) => ({ ...s, departmentId: s.id, departmentName: s.code })),
  };
  return showback({ inputs: perSystem, period });
}

/** Showback over whole months, for everything, one department or one system. */
export async function getShowback(options: GetShowbackOptions): Promise<ShowbackView> {
  const { actor, from, to, now = new Date() } = options;
  requirePermission(actor, 'dashboards:read');
  const scopes = options.scopes ?? (await listShowbackScopes());

  // Phase 1: the scope — a system implies its department; an unknown one is bad input
  const system = options.systemId ? scopes.systems.find((s) => s.id === options.systemId) : undefined;
  const departmentId = system?.departmentId ?? options.departmentId ?? null;
  throwFilterErrors({
    ...(options.systemId && !system ? { systemId: 'choice' as const } : {}),
    ...(departmentId && !scopes.departments.some((d) => d.id === departmentId)
      ? { departmentId: 'choice' as const }
      : {}),
    ...(system && options.departmentId && options.departmentId !== system.departmentId
      ? { systemId: 'choice' as const }
      : {}),
  });
  const inScope = scopes.systems.filter((s) =>
    system ? s.id === system.id : departmentId ? s.departmentId === departmentId : true,
  );

  // Phase 2: the model's figures per system and month, and the live resources of the systems in scope
  const period = { from: firstDay(from), to: lastDay(to) };
  const [inputs, live] = await Promise.all([
    loadCostInputs({ period }),
    liveResources({ systemIds: inScope.map((s) => s.id), now }),
  ]);
  const result = showbackBySystem(inputs, period);
  const figures = new Map(result.departments.map((d) => [d.departmentId, d]));
  const priced = new Map<string, { resources: number; rateCardMonthlyKrw: number }>();
  for (const r of live.items) {
    const p = priced.get(r.systemId) ?? { resources: 0, rateCardMonthlyKrw: 0 };
    p.resources += 1;
    p.rateCardMonthlyKrw += r.monthlyKrw;
    priced.set(r.systemId, p);
  }

  // Phase 3: systems with figures or resources; departments and months as sums of them
  const systems: ShowbackSystem[] = inScope
    .map((s) => ({
      systemId: s.id,
      code: s.code,
      name: s.name,
      departmentId: s.departmentId,
      hasHistory: s.hasHistory,
      byAllocationKrw: figures.get(s.id)?.byAllocationKrw ?? 0,
      byUsageKrw: figures.get(s.id)?.byUsageKrw ?? 0,
      resources: priced.get(s.id)?.resources ?? 0,
      rateCardMonthlyKrw: priced.get(s.id)?.rateCardMonthlyKrw ?? 0,
    }))
    .filter((s) => s.byAllocationKrw || s.byUsageKrw || s.resources);
  const departmentOf = new Map(systems.map((s) => [s.systemId, s.departmentId]));
  const departments = scopes.departments
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
        rateCardMonthlyKrw: own.reduce((x, s) => x + s.rateCardMonthlyKrw, 0),
      };
    })
    .filter((d) => d.systems > 0);

  const systemMonths = result.rows
    .filter((r) => departmentOf.has(r.departmentId))
    .map((r) => ({
      month: r.month,
      systemId: r.departmentId,
      byAllocationKrw: r.byAllocationKrw,
      byUsageKrw: r.byUsageKrw,
    }));
  const byDepartmentMonth = new Map<string, ShowbackView['departmentMonths'][number]>();
  for (const r of systemMonths) {
    const dept = departmentOf.get(r.systemId)!;
    const key = `${r.month}|${dept}`;
    const row = byDepartmentMonth.get(key) ?? {
      month: r.month,
      departmentId: dept,
      byAllocationKrw: 0,
      byUsageKrw: 0,
    };
    row.byAllocationKrw += r.byAllocationKrw;
    row.byUsageKrw += r.byUsageKrw;
    byDepartmentMonth.set(key, row);
  }
  // months in order, departments in the order of `departments`
  const departmentMonths = monthsOf(period).flatMap(({ month }) =>
    departments.flatMap((d) => byDepartmentMonth.get(`${month}|${d.departmentId}`) ?? []),
  );

  return {
    from,
    to,
    departmentId,
    systemId: system?.id ?? null,
    totals: {
      byAllocationKrw: departments.reduce((x, d) => x + d.byAllocationKrw, 0),
      byUsageKrw: departments.reduce((x, d) => x + d.byUsageKrw, 0),
      rateCardMonthlyKrw: departments.reduce((x, d) => x + d.rateCardMonthlyKrw, 0),
    },
    departments,
    systems,
    departmentMonths,
    systemMonths,
    resources: system ? live.items : [],
    rateCard: live.rateCard,
    basis: showbackBasis,
  };
}
