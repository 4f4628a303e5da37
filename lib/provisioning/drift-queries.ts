import { asc, desc, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db';
import { driftFindings } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { resources } from '@/db/schema/resources';
import type { Actor } from '@/lib/auth/actor';
import { requirePermission } from '@/lib/auth/permissions';

export type ListDriftFindingsOptions = { actor: Actor };

/**
 * Open drift findings (관리 → 드리프트), the longest-standing first within each kind: orphans (in
 * a cloud, unknown to the portal) and missing objects (a portal resource its cloud no longer has).
 */
export async function listDriftFindings({ actor }: ListDriftFindingsOptions) {
  requirePermission(actor, 'admin:manage');
  const rows = await getDb()
    .select({
      id: driftFindings.id,
      kind: driftFindings.kind,
      provider: driftFindings.provider,
      providerRef: driftFindings.providerRef,
      name: driftFindings.name,
      poolId: driftFindings.poolId,
      poolName: pools.name,
      resourceId: driftFindings.resourceId,
      resourceName: resources.name,
      firstSeenAt: driftFindings.firstSeenAt,
      lastSeenAt: driftFindings.lastSeenAt,
    })
    .from(driftFindings)
    .innerJoin(pools, eq(pools.id, driftFindings.poolId))
    .leftJoin(resources, eq(resources.id, driftFindings.resourceId))
    .where(isNull(driftFindings.resolvedAt))
    .orderBy(desc(driftFindings.kind), asc(driftFindings.firstSeenAt));
  return rows.map((r) => ({
    ...r,
    firstSeenAt: r.firstSeenAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
  }));
}
export type DriftFindingView = Awaited<ReturnType<typeof listDriftFindings>>[number];
