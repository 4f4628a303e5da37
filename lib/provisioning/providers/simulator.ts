import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { simServers } from '@/db/schema/resources';
import { simulatedUsage } from './simulated-usage';
import type { CloudProvider, CreateInput, ProviderState, ProviderUsage } from './types';

export type SimulatorOptions = {
  /** how long an object takes to build, in ms (a range; each object draws from it) */
  buildMs: [number, number];
  /** latency of one API call, in ms */
  callMs: [number, number];
};

export function simulatorOptionsFromEnv(env = process.env): SimulatorOptions {
  const build = Number(env.SIM_BUILD_MS ?? 12_000);
  const call = Number(env.SIM_CALL_MS ?? 300);
  return { buildMs: [build * 0.75, build * 1.25], callMs: [call * 0.5, call * 1.5] };
}

const between = ([lo, hi]: [number, number]) => lo + Math.random() * (hi - lo);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The built-in cloud: objects live in PostgreSQL (so every worker sees the same cloud), build
 * asynchronously with realistic latency, and pass through scheduling → building → networking → active.
 */
export function createSimulator(options: SimulatorOptions = simulatorOptionsFromEnv()): CloudProvider {
  return {
    kind: 'simulator',

    async create(input: CreateInput) {
      await pause(between(options.callMs));
      const db = getDb();
      const readyAt = new Date(Date.now() + between(options.buildMs));
      // one object per idempotency key: a retry gets the object the first attempt made
      await db
        .insert(simServers)
        .values({
          poolId: input.poolId,
          name: input.name,
          idempotencyKey: input.idempotencyKey,
          spec: { kind: input.kind, ...input.spec, footprint: input.footprint },
          readyAt,
        })
        .onConflictDoNothing({ target: simServers.idempotencyKey });
      const [row] = await db
        .select({ id: simServers.id })
        .from(simServers)
        .where(eq(simServers.idempotencyKey, input.idempotencyKey));
      return { ref: `sim-${row!.id}` };
    },

    async status(ref: string): Promise<ProviderState> {
      await pause(between(options.callMs) / 3);
      const id = ref.replace(/^sim-/, '');
      const [row] = await getDb()
        .select({
          createdAt: simServers.createdAt,
          readyAt: simServers.readyAt,
          failed: simServers.failed,
          deletedAt: simServers.deletedAt,
          now: sql<Date>`now()`,
        })
        .from(simServers)
        .where(eq(simServers.id, id));
      if (!row || row.deletedAt) return { state: 'gone' };
      if (row.failed) return { state: 'error', message: row.failed };
      const now = new Date(row.now).getTime();
      const total = row.readyAt.getTime() - row.createdAt.getTime();
      const done = Math.min(1, (now - row.createdAt.getTime()) / Math.max(total, 1));
      if (done >= 1) return { state: 'active', phase: 'active', progress: 100 };
      const phase = done < 0.2 ? 'scheduling' : done < 0.75 ? 'building' : 'networking';
      return { state: 'building', phase, progress: Math.floor(done * 100) };
    },

    async delete(ref: string) {
      await pause(between(options.callMs));
      const id = ref.replace(/^sim-/, '');
      await getDb()
        .update(simServers)
        .set({ deletedAt: new Date() })
        .where(and(eq(simServers.id, id), isNull(simServers.deletedAt)));
    },

    async usage(ref: string): Promise<ProviderUsage> {
      await pause(between(options.callMs) / 3);
      const id = ref.replace(/^sim-/, '');
      const idle: ProviderUsage = { cpuPct: 0, ramUsedGb: 0, storageUsedGb: 0 };
      if (!/^[0-9a-f-]{36}$/i.test(id)) return idle;
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
        .where(eq(simServers.id, id));
      if (!row) return idle;
      const now = new Date(row.now);
      // nothing runs on an object that is building, broken or gone
      if (row.deletedAt || row.failed || row.readyAt > now) return idle;
      const given = (row.spec as { footprint?: Partial<Record<'vcpu' | 'ramGb' | 'storageGb', number>> })
        .footprint;
      const footprint = {
        vcpu: given?.vcpu ?? 0,
        ramGb: given?.ramGb ?? 0,
        storageGb: given?.storageGb ?? 0,
      };
      return simulatedUsage({ id, footprint, createdAt: row.createdAt }, now);
    },
  };
}
