import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { footprint } from '@/lib/catalog/estimate';
import type { CatalogOptions } from '@/lib/catalog/spec-schemas';

// The benchmark's fleet: resources of the seeded systems, each backed by a simulated server, written
// straight into the tables (thousands of requests through the approval flow would only slow the setup).

export type FleetResource = {
  id: string;
  simId: string;
  kind: 'vm' | 'platform_slot' | 'volume';
  poolId: string;
  departmentId: string;
  systemId: string;
  footprint: { vcpu: number; ramGb: number; storageGb: number };
  createdAt: Date;
};

/** A deterministic PRNG (mulberry32), so two runs build the same fleet. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export async function createFleet(
  client: pg.Client,
  options: CatalogOptions,
  { count, createdAt }: { count: number; createdAt: Date },
): Promise<FleetResource[]> {
  const r = prng(20_260_501);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const { rows: systems } = await client.query<{ id: string; department_id: string }>(
    'select id, department_id from business_systems order by code',
  );
  const { rows: people } = await client.query<{ id: string }>('select id from users order by email limit 1');
  const { rows: cards } = await client.query<{ id: string }>(
    'select id from rate_cards order by effective_from desc limit 1',
  );
  const fleet: FleetResource[] = [];
  const specs: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    const system = systems[i % systems.length]!;
    const roll = r();
    const kind = roll < 0.8 ? 'vm' : roll < 0.93 ? 'platform_slot' : 'volume';
    const name = `bench-${String(i).padStart(5, '0')}`;
    const spec =
      kind === 'vm'
        ? { name, flavor: pick(options.flavors).id, image: 'rocky-9', diskGb: pick([50, 100, 200, 500]) }
        : kind === 'platform_slot'
          ? {
              name,
              runtime: 'egovframe-4',
              instances: pick([1, 2, 3]),
              cpuPerInstance: pick([1, 2]),
              memoryGbPerInstance: pick([2, 4]),
            }
          : { name, sizeGb: pick([100, 500, 1000]) };
    const fp = footprint(kind, spec, options);
    fleet.push({
      id: randomUUID(),
      simId: randomUUID(),
      kind,
      poolId: r() < 0.9 ? 'dc-primary' : 'dc-dr',
      departmentId: system.department_id,
      systemId: system.id,
      footprint: { vcpu: fp.vcpu, ramGb: fp.ramGb, storageGb: fp.storageGb },
      createdAt,
    });
    specs.push(spec);
  }
  const itemOf = { vm: 'vm-standard', platform_slot: 'platform-slot', volume: 'block-volume' };
  for (let start = 0; start < fleet.length; start += 500) {
    const part = fleet.slice(start, start + 500);
    const requestIds = part.map(() => randomUUID());
    const col = <T>(f: (x: FleetResource, i: number) => T) => part.map(f);
    await client.query(
      `insert into requests (id, department_id, requester_id, system_id, catalog_item_id, kind, spec,
         environment, purpose, status, estimate_monthly_krw, rate_card_id, submitted_at, created_at)
       select id, dept, $3, sys, item, kind::catalog_kind, spec::jsonb, 'prod', '벤치마크용 자원', 'active', 0, $4, $5, $5
       from unnest($1::uuid[], $2::uuid[], $6::uuid[], $7::text[], $8::text[], $9::text[])
         as t(id, dept, sys, item, kind, spec)`,
      [
        requestIds,
        col((x) => x.departmentId),
        people[0]!.id,
        cards[0]!.id,
        fleet[0]!.createdAt,
        col((x) => x.systemId),
        col((x) => itemOf[x.kind]),
        col((x) => x.kind),
        col((_, i) => JSON.stringify(specs[start + i])),
      ],
    );
    await client.query(
      `insert into sim_servers (id, pool_id, name, idempotency_key, spec, ready_at, created_at)
       select sim, pool, name, req::text, spec::jsonb, $3, $3
       from unnest($1::uuid[], $2::text[], $4::text[], $5::uuid[], $6::text[]) as t(sim, pool, name, req, spec)`,
      [
        col((x) => x.simId),
        col((x) => x.poolId),
        fleet[0]!.createdAt,
        col((_, i) => String(specs[start + i]!.name)),
        requestIds,
        col((x, i) => JSON.stringify({ kind: x.kind, ...specs[start + i], footprint: x.footprint })),
      ],
    );
    await client.query(
      `insert into resources (id, request_id, department_id, system_id, kind, name, status, spec, pool_id,
         provider, provider_ref, provider_state, created_at)
       select id, req, dept, sys, kind::catalog_kind, name, 'active', spec::jsonb, pool, 'simulator',
         'sim-' || sim, 'active', $8
       from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::uuid[], $5::text[], $6::text[], $7::text[],
                   $9::uuid[], $10::text[]) as t(id, req, dept, sys, kind, name, spec, sim, pool)`,
      [
        col((x) => x.id),
        requestIds,
        col((x) => x.departmentId),
        col((x) => x.systemId),
        col((x) => x.kind),
        col((_, i) => String(specs[start + i]!.name)),
        col((_, i) => JSON.stringify(specs[start + i])),
        fleet[0]!.createdAt,
        col((x) => x.simId),
        col((x) => x.poolId),
      ],
    );
  }
  return fleet;
}

/** The fleet a previous run made, read back (for a run on a database that already holds it). */
export async function readFleet(client: pg.Client): Promise<FleetResource[]> {
  const { rows } = await client.query<{
    id: string;
    sim: string;
    kind: FleetResource['kind'];
    pool_id: string;
    department_id: string;
    system_id: string;
    footprint: FleetResource['footprint'];
    created_at: Date;
  }>(
    `select r.id, s.id as sim, r.kind, r.pool_id, r.department_id, r.system_id, s.spec->'footprint' as footprint,
       s.created_at
     from resources r join sim_servers s on 'sim-' || s.id = r.provider_ref
     where r.name like 'bench-%' order by r.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    simId: r.sim,
    kind: r.kind,
    poolId: r.pool_id,
    departmentId: r.department_id,
    systemId: r.system_id,
    footprint: r.footprint,
    createdAt: new Date(r.created_at),
  }));
}
