import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { departments } from '@/db/schema/org';
import { resourceEvents, resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { sitePool } from '@/lib/capacity/plan-reservations';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { isRequestableKind } from '@/lib/catalog/spec-schemas';
import { enqueue } from '@/lib/jobs/enqueue';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';
import { failProvisioning, providerReason } from './fail-provisioning';
import { getProvider, providerKindFor } from './providers/get-provider';
import { isProviderError, type ResourceKind } from './providers/types';

export type ProvisionRequestOptions = { requestId: string };

/**
 * Job `provisioning.create`. Idempotent in every step: the resource row is made once per request,
 * and the provider is called with the request id as idempotency key, so a retry after a crash
 * finds the cloud object the first attempt made instead of making a second.
 */
export async function provisionRequest({ requestId }: ProvisionRequestOptions): Promise<void> {
  const db = getDb();

  // Phase 1: approved → provisioning, with the resource row, in one transaction
  const resource = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    const [existing] = await tx.select().from(resources).where(eq(resources.requestId, requestId));
    if (existing) return existing;
    if (request.status !== 'approved' || !isRequestableKind(request.kind)) return null;
    // the pool its capacity was reserved in at approval (requests approved before reservations existed: the primary site)
    const held = await tx
      .select({ poolId: capacityReservations.poolId, purpose: capacityReservations.purpose })
      .from(capacityReservations)
      .where(and(eq(capacityReservations.requestId, requestId), eq(capacityReservations.status, 'held')));
    const primaryPoolId = held.find((h) => h.purpose === 'primary')?.poolId;
    const [pool] = primaryPoolId
      ? await tx.select().from(pools).where(eq(pools.id, primaryPoolId))
      : [await sitePool(tx, 'primary')];
    if (!pool) throw new Error('no primary pool');
    const spec = request.spec as Record<string, unknown>;
    const [row] = await tx
      .insert(resources)
      .values({
        requestId,
        departmentId: request.departmentId,
        systemId: request.systemId,
        kind: request.kind,
        name: String(spec.name ?? `res-${request.seq}`),
        status: 'provisioning',
        spec: { ...spec, drTier: request.drTier },
        poolId: pool.id,
        provider: providerKindFor(pool, request.kind),
        providerState: 'queued',
        drPoolId: held.find((h) => h.purpose === 'dr')?.poolId ?? null,
        leaseUntil: request.leaseUntil,
      })
      .returning();
    await tx
      .update(capacityReservations)
      .set({ resourceId: row!.id })
      .where(eq(capacityReservations.requestId, requestId));
    await tx.insert(resourceEvents).values({ resourceId: row!.id, type: 'provisioning.started' });
    await transitionRequest(tx, {
      requestId,
      from: request.status,
      to: 'provisioning',
      actor: systemActor,
      action: 'request.provisioning',
      detail: { resourceId: row!.id },
    });
    return row!;
  });
  if (resource?.status !== 'provisioning' || resource.providerRef) return;

  // Phase 2: the cloud call, outside any transaction. The provider finds an object a crashed attempt
  // made by its idempotency key; a refusal that no retry can change fails the request at once.
  const spec = resource.spec as Record<string, unknown>;
  const options = await getCatalogOptions();
  const [department] = await db
    .select({ code: departments.code })
    .from(departments)
    .where(eq(departments.id, resource.departmentId));
  let ref: string;
  try {
    ({ ref } = await getProvider(resource.provider).create({
      idempotencyKey: requestId,
      name: `${resource.name}--${requestId}`,
      kind: resource.kind as ResourceKind,
      spec,
      footprint: footprint(resource.kind, spec, options),
      poolId: resource.poolId,
      labels: {
        'dcloud.example/department': department?.code ?? 'unknown',
        'dcloud.example/system': resource.systemId,
        'dcloud.example/request': requestId,
      },
      departmentGroup: `dcloud:dept:${department?.code ?? 'unknown'}`,
    }));
  } catch (error) {
    if (isProviderError(error) && !error.transient) {
      await failProvisioning({ requestId, reason: providerReason(error) });
      return;
    }
    throw error;
  }

  // Phase 3: record the reference and start polling
  await db.transaction(async (tx) => {
    await tx
      .update(resources)
      .set({ providerRef: ref, providerState: 'scheduling', updatedAt: new Date() })
      .where(eq(resources.id, resource.id));
    await tx
      .insert(resourceEvents)
      .values({ resourceId: resource.id, type: 'provider.accepted', detail: { providerRef: ref } });
    await enqueue(tx, 'provisioning.poll', { resourceId: resource.id }, { startAfterSeconds: 1 });
  });
}
