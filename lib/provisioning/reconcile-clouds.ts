import { and, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { driftFindings } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { resourceEvents, resources } from '@/db/schema/resources';
import { getProvider } from './providers/get-provider';
import type { ProviderObject } from './providers/types';

export type ReconcileCloudsOptions = { now?: Date };

export type ReconcileReport = {
  provider: string;
  objects: number;
  orphans: number;
  missing: number;
  /** the cloud could not be listed: its findings are kept as they were */
  error?: string;
}[];

/** Resources that should exist in their cloud. */
const expectedStatuses = ['active', 'resizing'] as const;

/**
 * Job `provisioning.reconcile` (every 15 minutes, or by hand from the admin page): lists every cloud
 * the pools use and compares it with the portal's resources. An object no resource claims (by its
 * reference or its idempotency key) is an orphan; an active resource whose object the cloud no
 * longer has is missing. Findings stay open while they last and are resolved when they are gone.
 * It also refreshes the DR replication state of replicated resources.
 */
export async function reconcileClouds({
  now = new Date(),
}: ReconcileCloudsOptions): Promise<ReconcileReport> {
  const db = getDb();
  const poolRows = await db.select().from(pools);
  const kinds = new Map<string, string>();
  for (const p of poolRows) {
    if (!kinds.has(p.provider)) kinds.set(p.provider, p.id);
    if (!kinds.has(p.platformProvider)) kinds.set(p.platformProvider, p.id);
  }

  const report: ReconcileReport = [];
  for (const [kind, poolId] of kinds) {
    let objects: ProviderObject[];
    const cloud = getProvider(kind);
    try {
      objects = await cloud.list();
    } catch (error) {
      report.push({
        provider: kind,
        objects: 0,
        orphans: 0,
        missing: 0,
        error: String((error as Error).message ?? error),
      });
      continue;
    }
    const mine = await db
      .select({
        id: resources.id,
        requestId: resources.requestId,
        status: resources.status,
        providerRef: resources.providerRef,
        name: resources.name,
        poolId: resources.poolId,
        drPoolId: resources.drPoolId,
      })
      .from(resources)
      .where(and(eq(resources.provider, kind), notInArray(resources.status, ['decommissioned'])));
    const byRef = new Map(mine.filter((r) => r.providerRef).map((r) => [r.providerRef!, r]));
    const byKey = new Map(mine.map((r) => [r.requestId, r]));
    const inCloud = new Set(objects.map((o) => o.ref));

    const orphans = objects.filter((o) => {
      const owner = byRef.get(o.ref) ?? (o.idempotencyKey ? byKey.get(o.idempotencyKey) : undefined);
      // an object of a failed request is an orphan until the clean-up job has deleted it
      return !owner || owner.status === 'failed';
    });
    const candidates = mine.filter(
      (r) =>
        (expectedStatuses as readonly string[]).includes(r.status) &&
        r.providerRef &&
        !inCloud.has(r.providerRef),
    );
    // a list can lag behind a create: ask for each missing one by its reference before saying so
    const missing: typeof candidates = [];
    for (const r of candidates) if ((await cloud.status(r.providerRef!)).state === 'gone') missing.push(r);

    const seen: string[] = [];
    await db.transaction(async (tx) => {
      for (const o of orphans) {
        const [row] = await tx
          .insert(driftFindings)
          .values({
            poolId,
            provider: kind,
            kind: 'orphan',
            providerRef: o.ref,
            name: o.name,
            firstSeenAt: now,
            lastSeenAt: now,
          })
          .onConflictDoUpdate({
            target: [driftFindings.provider, driftFindings.providerRef, driftFindings.kind],
            targetWhere: sql`resolved_at is null`,
            set: { lastSeenAt: now },
          })
          .returning({ id: driftFindings.id });
        seen.push(row!.id);
      }
      for (const r of missing) {
        const [row] = await tx
          .insert(driftFindings)
          .values({
            poolId: r.poolId,
            provider: kind,
            kind: 'missing',
            providerRef: r.providerRef!,
            name: r.name,
            resourceId: r.id,
            firstSeenAt: now,
            lastSeenAt: now,
          })
          .onConflictDoUpdate({
            target: [driftFindings.provider, driftFindings.providerRef, driftFindings.kind],
            targetWhere: sql`resolved_at is null`,
            set: { lastSeenAt: now },
          })
          .returning({ id: driftFindings.id, firstSeenAt: driftFindings.firstSeenAt });
        seen.push(row!.id);
        if (row!.firstSeenAt.getTime() === now.getTime()) {
          await tx
            .insert(resourceEvents)
            .values({ resourceId: r.id, type: 'drift.missing', detail: { providerRef: r.providerRef } });
        }
      }
      // what was not seen this time is over
      await tx
        .update(driftFindings)
        .set({ resolvedAt: now })
        .where(
          and(
            eq(driftFindings.provider, kind),
            isNull(driftFindings.resolvedAt),
            seen.length > 0 ? notInArray(driftFindings.id, seen) : undefined,
          ),
        );
    });

    // DR replication state, as the provider reports it
    const replicated = mine.filter(
      (r) => r.drPoolId && r.status === 'active' && r.providerRef && inCloud.has(r.providerRef),
    );
    for (const r of replicated) {
      const dr = await cloud.drStatus(r.providerRef!).catch(() => null);
      if (dr)
        await db
          .update(resources)
          .set({ drState: dr })
          .where(inArray(resources.id, [r.id]));
    }
    report.push({
      provider: kind,
      objects: objects.length,
      orphans: orphans.length,
      missing: missing.length,
    });
  }
  return report;
}
