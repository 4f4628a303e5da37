import { asc, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { resources } from '@/db/schema/resources';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { getProvider } from '@/lib/provisioning/providers/get-provider';
import type { CloudProvider, ProviderUsage } from '@/lib/provisioning/providers/types';
import type { ResourceStatus } from '@/lib/resources/transitions';
import type { PoolList } from './pool-view';

/**
 * The statuses in which a resource runs (or may) in its pool: what its usage is read for, and what
 * showback lists as live. A resize in flight still holds the capacity it had (and what the change reserved).
 */
export const capacityHoldingStatuses = [
  'provisioning',
  'active',
  'resizing',
  'decommissioning',
] as const satisfies readonly ResourceStatus[];

/** How many usage readings are in flight at once, so one page view cannot flood the cloud's API. */
const USAGE_CONCURRENCY = 8;

export type GetPoolsOptions = { actor: Actor };

type Sums = { vcpu: number; ramGb: number; storageGb: number };
const zero = (): Sums => ({ vcpu: 0, ramGb: 0, storageGb: 0 });
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * Every pool with its capacity (physical cores × overcommit ratio, RAM, storage), what its resources
 * have been allocated, and what the cloud says they use right now.
 */
export async function getPools({ actor }: GetPoolsOptions): Promise<PoolList> {
  requirePermission(actor, 'pools:read');
  const db = getDb();
  const [poolRows, holding, options, held] = await Promise.all([
    db.select().from(pools).orderBy(asc(pools.site), asc(pools.id)),
    db
      .select({
        poolId: resources.poolId,
        kind: resources.kind,
        spec: resources.spec,
        provider: resources.provider,
        providerRef: resources.providerRef,
      })
      .from(resources)
      .where(inArray(resources.status, [...capacityHoldingStatuses])),
    getCatalogOptions(),
    // allocated: what approvals hold (lib/capacity), from final approval until the cloud has deleted it
    db
      .select({
        poolId: capacityReservations.poolId,
        vcpu: sql<number>`sum(${capacityReservations.vcpu})::int`,
        ramGb: sql<number>`sum(${capacityReservations.ramGb})::int`,
        storageGb: sql<number>`sum(${capacityReservations.storageGb})::int`,
      })
      .from(capacityReservations)
      .where(eq(capacityReservations.status, 'held'))
      .groupBy(capacityReservations.poolId),
  ]);

  const allocated = new Map<string, Sums>(held.map((h) => [h.poolId, h]));
  const measured = holding.map((r) => ({
    ...r,
    footprint: footprint(r.kind, r.spec as Record<string, unknown>, options),
  }));

  // used: one reading per object the cloud has accepted, each capped at what the object was given
  const measuredAt = new Date();
  const clouds = new Map<string, CloudProvider>();
  const readings = await mapLimit(
    measured.filter((r) => r.providerRef !== null),
    USAGE_CONCURRENCY,
    async (r) => ({ r, usage: await readUsage(clouds, r.provider, r.providerRef!) }),
  );
  const used = new Map<string, Sums>();
  for (const { r, usage } of readings) {
    const sums = used.get(r.poolId) ?? zero();
    sums.vcpu += (r.footprint.vcpu * Math.min(100, usage.cpuPct)) / 100;
    sums.ramGb += Math.min(r.footprint.ramGb, usage.ramUsedGb);
    sums.storageGb += Math.min(r.footprint.storageGb, usage.storageUsedGb);
    used.set(r.poolId, sums);
  }

  const items = poolRows.map((pool) => {
    const a = allocated.get(pool.id) ?? zero();
    const u = used.get(pool.id) ?? zero();
    return {
      id: pool.id,
      name: pool.name,
      site: pool.site,
      capacity: {
        // overcommit is kept × 100 (400 = 4:1); a fractional vCPU cannot be sold, so round down
        vcpu: Math.floor((pool.physicalCores * pool.overcommitPct) / 100),
        ramGb: pool.capacityRamGb,
        storageGb: pool.capacityStorageGb,
      },
      allocated: { vcpu: Math.round(a.vcpu), ramGb: Math.round(a.ramGb), storageGb: Math.round(a.storageGb) },
      used: { vcpu: round1(u.vcpu), ramGb: round1(u.ramGb), storageGb: round1(u.storageGb) },
    };
  });
  return { items, nextCursor: null, measuredAt: measuredAt.toISOString() };
}

const idle: ProviderUsage = { cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 };

/** One object's usage; a reading the cloud cannot give counts as nothing in use, and is logged. */
async function readUsage(
  clouds: Map<string, CloudProvider>,
  kind: string,
  ref: string,
): Promise<ProviderUsage> {
  try {
    let provider = clouds.get(kind);
    if (!provider) {
      provider = getProvider(kind);
      clouds.set(kind, provider);
    }
    return await provider.usage(ref);
  } catch (error) {
    console.warn(`[pools] no usage for ${ref}:`, error);
    return idle;
  }
}

/** Maps with at most `limit` calls in flight, keeping the input order. */
async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await fn(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
