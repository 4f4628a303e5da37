import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { pools } from '@/db/schema/catalog';
import { resourceEvents, resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { isRequestableKind } from '@/lib/catalog/spec-schemas';
import { enqueue } from '@/lib/jobs/enqueue';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';
import { getProvider } from './providers/get-provider';

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
    const [pool] = await tx.select().from(pools).where(eq(pools.site, 'primary')).limit(1);
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
        spec,
        poolId: pool.id,
        provider: pool.provider,
        providerState: 'queued',
      })
      .returning();
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

  // Phase 2: the cloud call, outside any transaction
  const spec = resource.spec as Record<string, unknown>;
  const options = await getCatalogOptions();
  const { ref } = await getProvider(resource.provider).create({
    idempotencyKey: requestId,
    name: `${resource.name}--${requestId}`,
    kind: resource.kind as 'vm' | 'platform_slot' | 'volume',
    spec,
    footprint: footprint(resource.kind, spec, options),
    poolId: resource.poolId,
  });

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
