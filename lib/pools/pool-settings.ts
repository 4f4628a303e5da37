import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { getPools } from './get-pools';
import { machineProviders, platformProviders } from './set-pool-providers';

export type ListPoolSettingsOptions = { actor: Actor };

type Sums = { vcpu: number; ramGb: number; storageGb: number };

/**
 * The pools as the admin page (관리 → 자원 풀) shows them: capacity, what approved requests hold
 * (Σ held reservations, the figure final approval checks), what the cloud reports in use, and the
 * providers each kind of object is made with, with the choices offered.
 */
export async function listPoolSettings({ actor }: ListPoolSettingsOptions) {
  requirePermission(actor, 'admin:manage');
  const db = getDb();
  const [rows, held, measured] = await Promise.all([
    db
      .select({
        id: pools.id,
        provider: pools.provider,
        platformProvider: pools.platformProvider,
      })
      .from(pools)
      .orderBy(asc(pools.site), asc(pools.id)),
    db
      .select({
        poolId: capacityReservations.poolId,
        vcpu: sql<number>`coalesce(sum(${capacityReservations.vcpu}), 0)::int`,
        ramGb: sql<number>`coalesce(sum(${capacityReservations.ramGb}), 0)::int`,
        storageGb: sql<number>`coalesce(sum(${capacityReservations.storageGb}), 0)::int`,
      })
      .from(capacityReservations)
      .where(eq(capacityReservations.status, 'held'))
      .groupBy(capacityReservations.poolId),
    getPools({ actor }),
  ]);
  const none: Sums = { vcpu: 0, ramGb: 0, storageGb: 0 };
  return {
    measuredAt: measured.measuredAt,
    choices: { provider: [...machineProviders], platformProvider: [...platformProviders] },
    items: rows.map((row) => {
      const view = measured.items.find((p) => p.id === row.id)!;
      const h = held.find((x) => x.poolId === row.id);
      return {
        ...view,
        held: h ? { vcpu: h.vcpu, ramGb: h.ramGb, storageGb: h.storageGb } : none,
        provider: row.provider,
        platformProvider: row.platformProvider,
      };
    }),
  };
}
export type PoolSettings = Awaited<ReturnType<typeof listPoolSettings>>;
