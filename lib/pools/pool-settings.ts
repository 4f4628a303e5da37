import { asc } from 'drizzle-orm';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';
import { getPools } from './get-pools';
import { machineProviders, platformProviders } from './set-pool-providers';

export type ListPoolSettingsOptions = { actor: Actor };

/**
 * The pools as the admin page (관리 → 자원 풀) shows them: capacity, what approved requests hold
 * (Σ held reservations, the figure final approval checks against), what the cloud reports in use,
 * and the providers each kind of object is made with, with the choices offered.
 */
export async function listPoolSettings({ actor }: ListPoolSettingsOptions) {
  requirePermission(actor, 'admin:manage');
  const [rows, measured] = await Promise.all([
    getDb()
      .select({ id: pools.id, provider: pools.provider, platformProvider: pools.platformProvider })
      .from(pools)
      .orderBy(asc(pools.site), asc(pools.id)),
    getPools({ actor }),
  ]);
  return {
    measuredAt: measured.measuredAt,
    choices: { provider: [...machineProviders], platformProvider: [...platformProviders] },
    items: measured.items.map((view) => {
      const row = rows.find((r) => r.id === view.id);
      return {
        ...view,
        // getPools' allocation is what approvals hold: the sum of held reservations
        held: view.allocated,
        provider: row?.provider ?? 'simulator',
        platformProvider: row?.platformProvider ?? 'simulator',
      };
    }),
  };
}
export type PoolSettings = Awaited<ReturnType<typeof listPoolSettings>>;
