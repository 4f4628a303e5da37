import { asc } from 'drizzle-orm';
import { getDb, getPool } from '@/db';
import { pools } from '@/db/schema/catalog';
import { poolInvestments } from '@/db/schema/costs';
import { businessSystems, departments } from '@/db/schema/org';
import { readCostInputsVersion, versionedCache } from '@/lib/costs/cost-inputs-version';

export type UtilisationScopes = {
  pools: { id: string; name: string }[];
  /** by Korean name */
  departments: { id: string; code: string; nameKo: string; nameEn: string }[];
  /** by name */
  systems: { id: string; code: string; name: string; departmentId: string }[];
};

/** What utilisation can be narrowed to: every pool, department and business system. */
export async function listUtilisationScopes(): Promise<UtilisationScopes> {
  const db = getDb();
  const [p, d, s] = await Promise.all([
    db.select({ id: pools.id, name: pools.name }).from(pools).orderBy(asc(pools.site), asc(pools.id)),
    db
      .select({
        id: departments.id,
        code: departments.code,
        nameKo: departments.nameKo,
        nameEn: departments.nameEn,
      })
      .from(departments)
      .orderBy(asc(departments.nameKo)),
    db
      .select({
        id: businessSystems.id,
        code: businessSystems.code,
        name: businessSystems.name,
        departmentId: businessSystems.departmentId,
      })
      .from(businessSystems)
      .orderBy(asc(businessSystems.name)),
  ]);
  return { pools: p, departments: d, systems: s };
}

export type Capacity = { vcpu: number; ramGb: number; storageGb: number };

export type PoolCapacityHistory = {
  id: string;
  /** the pool's recorded capacity: what it has now */
  now: Capacity;
  /** what each investment bought, oldest first (cores already × the pool's overcommit) */
  steps: { on: Date; add: Capacity }[];
};

/**
 * Pools and their investments change rarely and are cost-model inputs: read once per change of the
 * inputs' version (lib/costs/cost-inputs-version.ts), so a utilisation request reads its aggregate and
 * one version number. Shared between requests: never mutated.
 */
const capacities = versionedCache<PoolCapacityHistory[]>(1);

/** Every pool's recorded capacity and the capacity its investments bought, for capacity over time. */
export async function loadPoolCapacity(): Promise<PoolCapacityHistory[]> {
  const version = await readCostInputsVersion();
  const cached = capacities.get(version, 'pools');
  if (cached) return cached;
  const loaded = await readPoolCapacity();
  capacities.set(version, 'pools', loaded);
  return loaded;
}

async function readPoolCapacity(): Promise<PoolCapacityHistory[]> {
  const db = getDb();
  const [poolRows, investments] = await Promise.all([
    db.select().from(pools),
    db
      .select({
        poolId: poolInvestments.poolId,
        investedOn: poolInvestments.investedOn,
        physicalCores: poolInvestments.physicalCores,
        ramGb: poolInvestments.ramGb,
        storageGb: poolInvestments.storageGb,
      })
      .from(poolInvestments)
      .orderBy(asc(poolInvestments.investedOn)),
  ]);
  return poolRows.map((pool) => ({
    id: pool.id,
    now: {
      vcpu: Math.floor((pool.physicalCores * pool.overcommitPct) / 100),
      ramGb: pool.capacityRamGb,
      storageGb: pool.capacityStorageGb,
    },
    steps: investments
      .filter((i) => i.poolId === pool.id)
      .map((i) => ({
        on: new Date(`${i.investedOn}T00:00:00+09:00`),
        add: {
          vcpu: Math.floor((i.physicalCores * pool.overcommitPct) / 100),
          ramGb: i.ramGb,
          storageGb: i.storageGb,
        },
      })),
  }));
}

/**
 * A pool's capacity at an instant: its recorded capacity less what the investments made after that
 * instant bought (never below zero). The recorded figure is the pool as it stands; the investments
 * (pool_investments) say how it grew there, so the line ends at today's capacity.
 */
export function capacityAt(pool: PoolCapacityHistory, at: Date): Capacity {
  const out = { ...pool.now };
  for (const step of pool.steps) {
    if (step.on < at) continue;
    out.vcpu -= step.add.vcpu;
    out.ramGb -= step.add.ramGb;
    out.storageGb -= step.add.storageGb;
  }
  return {
    vcpu: Math.max(0, out.vcpu),
    ramGb: Math.max(0, out.ramGb),
    storageGb: Math.max(0, out.storageGb),
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Just the scopes a query names, in one round trip (the API checks them on every call): the pool,
 * department and system that exist among those asked for. Malformed ids are not sent to SQL.
 */
export async function scopeIdsFor(ids: { poolId?: string; departmentId?: string; systemId?: string }) {
  if (!ids.poolId && !ids.departmentId && !ids.systemId) return { pools: [], departments: [], systems: [] };
  const dept = ids.departmentId && UUID.test(ids.departmentId) ? ids.departmentId : null;
  const system = ids.systemId && UUID.test(ids.systemId) ? ids.systemId : null;
  const { rows } = await getPool().query<{ kind: string; id: string; department_id: string | null }>(
    `select 'pool' as kind, id, null as department_id from pools where id = $1
     union all select 'department', id::text, null from departments where id = $2::uuid
     union all select 'system', id::text, department_id::text from business_systems where id = $3::uuid`,
    [ids.poolId ?? null, dept, system],
  );
  return {
    pools: rows.filter((r) => r.kind === 'pool').map((r) => ({ id: r.id })),
    departments: rows.filter((r) => r.kind === 'department').map((r) => ({ id: r.id })),
    systems: rows
      .filter((r) => r.kind === 'system')
      .map((r) => ({ id: r.id, departmentId: r.department_id ?? '' })),
  };
}
