import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { simServers } from '@/db/schema/resources';
import { simulatedUsage } from './simulated-usage';
import {
  type CloudProvider,
  type CreateInput,
  type DrState,
  ProviderError,
  type ProviderObject,
  type ProviderState,
  type ProviderUsage,
  type ResizeInput,
} from './types';

export type SimulatorFaults = {
  /** share of calls (0–1) that fail as the cloud answering 503 */
  errorRate: number;
  /** share of calls (0–1) that hang until the caller's timeout */
  timeoutRate: number;
  /** how long a hanging call waits before it fails with `timeout`, in ms */
  timeoutMs: number;
  /** extra latency added to every call, in ms */
  slowMs: number;
};

export type SimulatorOptions = {
  /** how long an object takes to build, in ms (a range; each object draws from it) */
  buildMs: [number, number];
  /** latency of one API call, in ms */
  callMs: [number, number];
  /** vCPUs one simulated host offers (physical cores × the pool's overcommit); a pool has as many hosts as its cores fill */
  coresPerHost: number;
  faults: SimulatorFaults;
};

const rate = (v: string | undefined) => Math.min(1, Math.max(0, Number(v ?? 0) || 0));

/** Options from the environment: SIM_BUILD_MS, SIM_CALL_MS and the fault knobs SIM_FAULT_ERROR_RATE, SIM_FAULT_TIMEOUT_RATE, SIM_FAULT_TIMEOUT_MS, SIM_FAULT_SLOW_MS. */
export function simulatorOptionsFromEnv(env = process.env): SimulatorOptions {
  const build = Number(env.SIM_BUILD_MS ?? 12_000);
  const call = Number(env.SIM_CALL_MS ?? 300);
  return {
    buildMs: [build * 0.75, build * 1.25],
    callMs: [call * 0.5, call * 1.5],
    coresPerHost: 64,
    faults: {
      errorRate: rate(env.SIM_FAULT_ERROR_RATE),
      timeoutRate: rate(env.SIM_FAULT_TIMEOUT_RATE),
      timeoutMs: Number(env.SIM_FAULT_TIMEOUT_MS ?? 2_000) || 2_000,
      slowMs: Number(env.SIM_FAULT_SLOW_MS ?? 0) || 0,
    },
  };
}

const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const SIM_ID = /^sim-([0-9a-f-]{36})$/i;

type Footprint3 = { vcpu: number; ramGb: number; storageGb: number };

/**
 * The built-in cloud: objects live in PostgreSQL (so every worker sees the same cloud), are placed on
 * the pool's hosts within their real capacity, build asynchronously with realistic latency through
 * scheduling → building → networking → active, and fail or hang on purpose when faults are configured.
 */
export function createSimulator(given: Partial<SimulatorOptions> = {}): CloudProvider {
  const options: SimulatorOptions = { ...simulatorOptionsFromEnv(), ...given };
  /** Every API call: latency, then maybe an injected fault. A fault happens before the call acts. */
  async function call(share = 1): Promise<void> {
    await pause(between(options.callMs) * share + options.faults.slowMs);
    const roll = Math.random();
    if (roll < options.faults.errorRate)
      throw new ProviderError('unavailable', 'simulator: injected fault (503 Service Unavailable)', {
        status: 503,
      });
    if (roll < options.faults.errorRate + options.faults.timeoutRate) {
      await pause(options.faults.timeoutMs);
      throw new ProviderError('timeout', `simulator: injected timeout after ${options.faults.timeoutMs} ms`);
    }
  }

  const idOf = (ref: string) => {
    const m = SIM_ID.exec(ref);
    if (!m) throw new ProviderError('not_found', `simulator: no such object ${ref}`, { status: 404 });
    return m[1]!;
  };

  return {
    kind: 'simulator',

    async create(input: CreateInput) {
      await call();
      const existing = await findByKey(input.idempotencyKey);
      if (existing) return existing;
      const db = getDb();
      const made = await db.transaction(async (tx) => {
        // placement: one host at a time per pool, like a scheduler; NoValidHost when none has room
        const [pool] = await tx.select().from(pools).where(eq(pools.id, input.poolId)).for('update');
        if (!pool)
          throw new ProviderError('not_found', `simulator: no pool ${input.poolId}`, { status: 404 });
        const host = await placeOnHost(tx, pool, input.footprint, options.coresPerHost);
        if (!host)
          throw new ProviderError('no_capacity', 'simulator: No valid host was found (NoValidHost)', {
            status: 500,
          });
        const readyAt = new Date(Date.now() + between(options.buildMs));
        await tx
          .insert(simServers)
          .values({
            poolId: input.poolId,
            name: input.name,
            idempotencyKey: input.idempotencyKey,
            spec: { kind: input.kind, ...input.spec, footprint: input.footprint, labels: input.labels },
            host,
            readyAt,
          })
          .onConflictDoNothing({ target: simServers.idempotencyKey });
        const [row] = await tx
          .select({ id: simServers.id })
          .from(simServers)
          .where(eq(simServers.idempotencyKey, input.idempotencyKey));
        return { ref: `sim-${row!.id}` };
      });
      // a reply lost on the way back: the object exists, the caller never hears of it
      if (Math.random() < options.faults.timeoutRate) {
        await pause(options.faults.timeoutMs);
        throw new ProviderError(
          'timeout',
          `simulator: injected timeout after ${options.faults.timeoutMs} ms`,
        );
      }
      return made;
    },

    async findByKey(idempotencyKey: string) {
      await call(1 / 3);
      return findByKey(idempotencyKey);
    },

    async status(ref: string): Promise<ProviderState> {
      await call(1 / 3);
      const m = SIM_ID.exec(ref);
      if (!m) return { state: 'gone' };
      const [row] = await getDb()
        .select({
          name: simServers.name,
          spec: simServers.spec,
          host: simServers.host,
          createdAt: simServers.createdAt,
          readyAt: simServers.readyAt,
          failed: simServers.failed,
          deletedAt: simServers.deletedAt,
          now: sql<Date>`now()`,
        })
        .from(simServers)
        .where(eq(simServers.id, m[1]!));
      if (!row || row.deletedAt) return { state: 'gone' };
      if (row.failed) return { state: 'error', message: row.failed };
      const now = new Date(row.now).getTime();
      const total = row.readyAt.getTime() - row.createdAt.getTime();
      const done = Math.min(1, (now - row.createdAt.getTime()) / Math.max(total, 1));
      const spec = row.spec as { kind?: string; resizeUntil?: string };
      if (done >= 1) {
        if (spec.resizeUntil && new Date(spec.resizeUntil).getTime() > now)
          return { state: 'resizing', phase: 'resizing' };
        return {
          state: 'active',
          phase: 'active',
          progress: 100,
          access: accessOf(m[1]!, row.name, spec.kind),
        };
      }
      const phase = done < 0.2 ? 'scheduling' : done < 0.75 ? 'building' : 'networking';
      return { state: 'building', phase, progress: Math.floor(done * 100) };
    },

    async resize(ref: string, input: ResizeInput) {
      await call();
      const id = idOf(ref);
      const db = getDb();
      await db.transaction(async (tx) => {
        const [row] = await tx.select().from(simServers).where(eq(simServers.id, id)).for('update');
        if (!row || row.deletedAt) throw new ProviderError('not_found', `simulator: no such object ${ref}`);
        const resizeUntil = new Date(Date.now() + between(options.buildMs) / 3).toISOString();
        const previous = row.spec as Record<string, unknown>;
        await tx
          .update(simServers)
          .set({ spec: { ...previous, ...input.spec, footprint: input.footprint, resizeUntil } })
          .where(eq(simServers.id, id));
      });
    },

    async delete(ref: string) {
      await call();
      const m = SIM_ID.exec(ref);
      if (!m) return;
      await getDb()
        .update(simServers)
        .set({ deletedAt: new Date() })
        .where(and(eq(simServers.id, m[1]!), isNull(simServers.deletedAt)));
    },

    async usage(ref: string): Promise<ProviderUsage> {
      await call(1 / 3);
      const idle: ProviderUsage = { cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 };
      const m = SIM_ID.exec(ref);
      if (!m) return idle;
      const [row] = await getDb()
        .select({
          spec: simServers.spec,
          createdAt: simServers.createdAt,
          readyAt: simServers.readyAt,
          failed: simServers.failed,
          deletedAt: simServers.deletedAt,
          now: sql<Date>`now()`,
        })
        .from(simServers)
        .where(eq(simServers.id, m[1]!));
      if (!row) return idle;
      const now = new Date(row.now);
      // nothing runs on an object that is building, broken or gone
      if (row.deletedAt || row.failed || row.readyAt > now) return idle;
      return simulatedUsage({ id: m[1]!, footprint: footprintOf(row.spec), createdAt: row.createdAt }, now);
    },

    async list(): Promise<ProviderObject[]> {
      await call();
      const rows = await getDb()
        .select({ id: simServers.id, name: simServers.name, key: simServers.idempotencyKey })
        .from(simServers)
        .where(isNull(simServers.deletedAt));
      return rows.map((r) => ({
        ref: `sim-${r.id}`,
        name: r.name,
        // objects made behind the portal's back carry a key that is not a request id
        idempotencyKey: /^[0-9a-f-]{36}$/i.test(r.key) ? r.key : null,
        state: 'active' as const,
      }));
    },

    async quota() {
      await call(1 / 3);
      const [row] = await getDb()
        .select({
          vcpu: sql<number>`coalesce(sum((spec->'footprint'->>'vcpu')::int), 0)::int`,
          ramGb: sql<number>`coalesce(sum((spec->'footprint'->>'ramGb')::int), 0)::int`,
          instances: sql<number>`count(*)::int`,
        })
        .from(simServers)
        .where(isNull(simServers.deletedAt));
      return {
        vcpu: { limit: null, used: row?.vcpu ?? 0 },
        ramGb: { limit: null, used: row?.ramGb ?? 0 },
        instances: { limit: null, used: row?.instances ?? 0 },
      };
    },

    async drStatus(ref: string): Promise<DrState | null> {
      await call(1 / 3);
      const m = SIM_ID.exec(ref);
      if (!m) return null;
      const [row] = await getDb()
        .select({ spec: simServers.spec, readyAt: simServers.readyAt, deletedAt: simServers.deletedAt })
        .from(simServers)
        .where(eq(simServers.id, m[1]!));
      const spec = row?.spec as { drTier?: string } | undefined;
      if (!row || row.deletedAt || spec?.drTier !== 'replicated') return null;
      return simulatedReplication(m[1]!, row.readyAt, new Date());
    },
  };
}

async function findByKey(idempotencyKey: string): Promise<{ ref: string } | null> {
  const [row] = await getDb()
    .select({ id: simServers.id })
    .from(simServers)
    .where(and(eq(simServers.idempotencyKey, idempotencyKey), isNull(simServers.deletedAt)));
  return row ? { ref: `sim-${row.id}` } : null;
}

function footprintOf(spec: unknown): Footprint3 {
  const given = (spec as { footprint?: Partial<Footprint3> }).footprint;
  return { vcpu: given?.vcpu ?? 0, ramGb: given?.ramGb ?? 0, storageGb: given?.storageGb ?? 0 };
}

type Tx = Parameters<Parameters<ReturnType<typeof getDb>['transaction']>[0]>[0];

/** The least-loaded host of the pool that still has room for the object, or null (NoValidHost). */
async function placeOnHost(
  tx: Tx,
  pool: typeof pools.$inferSelect,
  fp: { vcpu: number; ramGb: number },
  coresPerHost: number,
): Promise<string | null> {
  const hostCount = Math.max(1, Math.ceil(pool.physicalCores / coresPerHost));
  const vcpuPerHost = Math.floor((coresPerHost * pool.overcommitPct) / 100);
  const ramPerHost = Math.floor(pool.capacityRamGb / hostCount);
  const used = await tx
    .select({
      host: simServers.host,
      vcpu: sql<number>`coalesce(sum((${simServers.spec}->'footprint'->>'vcpu')::int), 0)::int`,
      ramGb: sql<number>`coalesce(sum((${simServers.spec}->'footprint'->>'ramGb')::int), 0)::int`,
    })
    .from(simServers)
    .where(and(eq(simServers.poolId, pool.id), isNull(simServers.deletedAt)))
    .groupBy(simServers.host);
  const load = new Map(used.map((u) => [u.host, u]));
  let best: { name: string; free: number } | null = null;
  for (let i = 1; i <= hostCount; i++) {
    const name = `${pool.id}-host-${String(i).padStart(2, '0')}`;
    const u = load.get(name) ?? { vcpu: 0, ramGb: 0 };
    const free = vcpuPerHost - u.vcpu;
    if (free >= fp.vcpu && ramPerHost - u.ramGb >= fp.ramGb && (!best || free > best.free))
      best = { name, free };
  }
  return best?.name ?? null;
}

/** Where to reach a simulated object: a private address for a VM, a namespace for a platform slot. */
function accessOf(id: string, name: string, kind: string | undefined): Record<string, string> {
  const octets = Number.parseInt(id.replace(/-/g, '').slice(0, 4), 16);
  if (kind === 'platform_slot') {
    const namespace = `dc-${name.split('--')[0]}-${id.slice(0, 8)}`.slice(0, 63);
    return { apiServer: 'https://paas.dcloud.example:6443', namespace };
  }
  if (kind === 'volume') return { device: '/dev/vdb' };
  return { address: `10.20.${(octets >> 8) % 250}.${(octets % 250) + 2}` };
}

/** A replica at the DR site that syncs every five minutes, with a lag that wanders with the hour. */
export function simulatedReplication(id: string, readyAt: Date, now: Date): DrState {
  if (now < readyAt) return { replicaSite: 'dc-dr', state: 'syncing', lastSyncAt: null, lagSeconds: null };
  const period = 300_000;
  const seed = Number.parseInt(id.slice(0, 4), 16) % period;
  const lastSync = new Date(Math.floor((now.getTime() - seed) / period) * period + seed);
  const lagSeconds = Math.round((now.getTime() - Math.max(lastSync.getTime(), readyAt.getTime())) / 1000);
  return {
    replicaSite: 'dc-dr',
    state: lagSeconds > 900 ? 'lagging' : 'in_sync',
    lastSyncAt: lastSync.toISOString(),
    lagSeconds,
  };
}
