import { and, eq, inArray } from 'drizzle-orm';
import { getDb, getPool } from '@/db';
import { pools } from '@/db/schema/catalog';
import { businessSystems, departments } from '@/db/schema/org';
import { requests } from '@/db/schema/requests';
import { resources } from '@/db/schema/resources';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { type DrTier, estimateMonthlyKrw, footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions, getRateCard } from '@/lib/catalog/queries';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';
import { type MeteringSettings, meteringSettings } from './settings';

export type RightsizingAction = 'return' | 'resize';

export type RightsizingItem = {
  resourceId: string;
  name: string;
  kind: 'vm' | 'platform_slot';
  systemName: string;
  systemCode: string;
  departmentId: string;
  departmentNameKo: string;
  departmentNameEn: string;
  poolId: string;
  poolName: string;
  /** hours with data in the window */
  hours: number;
  /** p95 and peak of the hourly mean CPU %, one decimal */
  cpuP95Pct: number;
  cpuPeakPct: number;
  ramPeakGb: number;
  current: { label: string; monthlyKrw: number };
  action: RightsizingAction;
  /** the smaller size (resize) or nothing (return: hand it back) */
  suggested: { label: string; spec: Record<string, unknown>; monthlyKrw: number } | null;
  /** integer KRW a month, under the current rate card */
  savingKrw: number;
};

export type Rightsizing = {
  windowDays: number;
  from: string;
  to: string;
  thresholds: { cpuP95Pct: number; idlePct: number; targetPct: number; minHours: number };
  rateCard: string;
  items: RightsizingItem[];
  totalSavingKrw: number;
};

export type FindRightsizingOptions = {
  actor: Actor;
  now?: Date;
  departmentId?: string;
  poolId?: string;
  settings?: MeteringSettings;
};

type Stats = { resource_id: string; hours: number; p95: number; peak: number; ram_peak: number };

const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Idle and oversized resources (적정 규모 권고): from the hourly rollups of the last N days (30),
 * the p95 of each active resource's hourly mean CPU. Below the idle threshold (2 %) it suggests
 * handing the resource back (반납); below the oversize threshold (10 %) the cheapest smaller size that
 * would run at the target p95 (50 %) and hold its RAM peak with 20 % headroom. The saving is the
 * monthly price difference under the rate card in force, integer KRW.
 */
export async function findRightsizing({
  actor,
  now = new Date(),
  departmentId,
  poolId,
  settings = meteringSettings(),
}: FindRightsizingOptions): Promise<Rightsizing> {
  requirePermission(actor, 'dashboards:read');
  const to = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
  const from = new Date(to.getTime() - settings.rightsizingWindowDays * 86_400_000);

  // Phase 1: the active resources in scope, with what they were given and their DR tier
  const filters = [eq(resources.status, 'active'), inArray(resources.kind, ['vm', 'platform_slot'])];
  if (departmentId) filters.push(eq(resources.departmentId, departmentId));
  if (poolId) filters.push(eq(resources.poolId, poolId));
  const [active, options, rateCard] = await Promise.all([
    getDb()
      .select({
        id: resources.id,
        name: resources.name,
        kind: resources.kind,
        spec: resources.spec,
        poolId: resources.poolId,
        poolName: pools.name,
        departmentId: resources.departmentId,
        departmentNameKo: departments.nameKo,
        departmentNameEn: departments.nameEn,
        systemName: businessSystems.name,
        systemCode: businessSystems.code,
        drTier: requests.drTier,
      })
      .from(resources)
      .innerJoin(requests, eq(requests.id, resources.requestId))
      .innerJoin(businessSystems, eq(businessSystems.id, resources.systemId))
      .innerJoin(departments, eq(departments.id, resources.departmentId))
      .innerJoin(pools, eq(pools.id, resources.poolId))
      .where(and(...filters)),
    getCatalogOptions(),
    getRateCard(now),
  ]);

  // Phase 2: p95 of the hourly mean CPU per resource, over the window's range of the (hour, resource) key
  const { rows } = active.length
    ? await getPool().query<Stats>(
        `select resource_id, count(*)::int as hours,
           percentile_cont(0.95) within group (order by cpu_pct_sum / samples) as p95,
           max(cpu_pct_sum / samples) as peak, max(ram_used_gb_max)::float8 as ram_peak
         from metering_resource_hourly
         where resource_id = any($1::uuid[]) and bucket >= $2 and bucket < $3
         group by resource_id`,
        [active.map((r) => r.id), from.toISOString(), to.toISOString()],
      )
    : { rows: [] as Stats[] };
  const stats = new Map(rows.map((r) => [r.resource_id, r]));

  // Phase 3: the verdict and the price of each suggestion
  const items: RightsizingItem[] = [];
  for (const r of active) {
    const s = stats.get(r.id);
    if (!s || s.hours < settings.rightsizingMinHours || s.p95 >= settings.rightsizingCpuP95Pct) continue;
    const kind = r.kind as 'vm' | 'platform_slot';
    const spec = r.spec as Record<string, unknown>;
    const price = (x: Record<string, unknown>) =>
      estimateMonthlyKrw(footprint(kind, x, options), rateCard.prices, r.drTier as DrTier);
    const currentKrw = price(spec);
    const base = {
      resourceId: r.id,
      name: r.name,
      kind,
      systemName: r.systemName,
      systemCode: r.systemCode,
      departmentId: r.departmentId,
      departmentNameKo: r.departmentNameKo,
      departmentNameEn: r.departmentNameEn,
      poolId: r.poolId,
      poolName: r.poolName,
      hours: s.hours,
      cpuP95Pct: round1(s.p95),
      cpuPeakPct: round1(s.peak),
      ramPeakGb: round1(s.ram_peak),
      current: { label: sizeLabel(kind, spec, options), monthlyKrw: currentKrw },
    };
    if (s.p95 < settings.rightsizingIdlePct) {
      items.push({ ...base, action: 'return', suggested: null, savingKrw: currentKrw });
      continue;
    }
    const smaller = smallerSpec(kind, spec, options, s, settings.rightsizingTargetPct, price);
    if (!smaller) continue;
    const suggestedKrw = price(smaller);
    if (suggestedKrw >= currentKrw) continue;
    items.push({
      ...base,
      action: 'resize',
      suggested: { label: sizeLabel(kind, smaller, options), spec: smaller, monthlyKrw: suggestedKrw },
      savingKrw: currentKrw - suggestedKrw,
    });
  }
  items.sort((a, b) => b.savingKrw - a.savingKrw || a.name.localeCompare(b.name));
  return {
    windowDays: settings.rightsizingWindowDays,
    from: from.toISOString(),
    to: to.toISOString(),
    thresholds: {
      cpuP95Pct: settings.rightsizingCpuP95Pct,
      idlePct: settings.rightsizingIdlePct,
      targetPct: settings.rightsizingTargetPct,
      minHours: settings.rightsizingMinHours,
    },
    rateCard: rateCard.name,
    items,
    totalSavingKrw: items.reduce((sum, i) => sum + i.savingKrw, 0),
  };
}

/** 8 vCPU · 32 GB (its flavour's name) or "2 × 2 vCPU · 4 GB" for a platform slot. */
function sizeLabel(kind: string, spec: Record<string, unknown>, options: CatalogOptions): string {
  if (kind === 'vm') return options.flavors.find((f) => f.id === spec.flavor)?.name ?? String(spec.flavor);
  return `${spec.instances} × ${spec.cpuPerInstance} vCPU · ${spec.memoryGbPerInstance} GB`;
}

/**
 * The cheapest size that would run at the target p95 and keep the RAM peak with 20 % headroom:
 * for a VM the cheapest flavour no bigger than the current one; for a platform slot fewer vCPUs
 * and less memory per instance. Null when nothing smaller fits.
 */
function smallerSpec(
  kind: 'vm' | 'platform_slot',
  spec: Record<string, unknown>,
  options: CatalogOptions,
  s: Stats,
  targetPct: number,
  price: (spec: Record<string, unknown>) => number,
): Record<string, unknown> | null {
  const fp = footprint(kind, spec, options);
  const needVcpu = Math.max(1, Math.ceil((fp.vcpu * s.p95) / Math.max(1, targetPct)));
  const needRam = Math.max(1, Math.ceil(s.ram_peak * 1.2));
  if (kind === 'vm') {
    const fits = options.flavors.filter(
      (f) =>
        f.vcpu >= needVcpu &&
        f.ramGb >= needRam &&
        f.vcpu <= fp.vcpu &&
        f.ramGb <= fp.ramGb &&
        (f.vcpu < fp.vcpu || f.ramGb < fp.ramGb),
    );
    const priced = fits.map((f) => ({
      spec: { ...spec, flavor: f.id },
      krw: price({ ...spec, flavor: f.id }),
    }));
    priced.sort((a, b) => a.krw - b.krw);
    return priced[0]?.spec ?? null;
  }
  const instances = Math.max(1, Number(spec.instances) || 1);
  const cpu = Math.min(Number(spec.cpuPerInstance) || 1, Math.max(1, Math.ceil(needVcpu / instances)));
  const memory = Math.min(Number(spec.memoryGbPerInstance) || 1, Math.max(1, Math.ceil(needRam / instances)));
  if (cpu === spec.cpuPerInstance && memory === spec.memoryGbPerInstance) return null;
  return { ...spec, cpuPerInstance: cpu, memoryGbPerInstance: memory };
}
