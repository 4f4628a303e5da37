import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { releaseReservations } from '@/lib/capacity/release-reservations';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { enqueue } from '@/lib/jobs/enqueue';
import { getProvider } from '@/lib/provisioning/providers/get-provider';
import { lockRequest } from '@/lib/requests/transitions';
import { transitionResource } from '@/lib/resources/transitions';
import { readChangeRequestSpec } from './change-spec';

export type RevertScaleUpOptions = { requestId: string };

/**
 * Job `lifecycle.revert-scale-up`, queued for the end of a scale-up's window: the resource goes back
 * to the size it had before (the reservation-system peak is over). A resource handed back in the
 * meantime only gives its extra capacity back. Idempotent: a retry finds it resizing already.
 */
export async function revertScaleUp({ requestId }: RevertScaleUpOptions): Promise<void> {
  const db = getDb();
  const target = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (request.kind !== 'scale_up' || request.status !== 'active') return null;
    const [resource] = await tx
      .select()
      .from(resources)
      .where(eq(resources.id, request.targetResourceId!))
      .for('update');
    if (!resource) return null;
    if (resource.status !== 'active' && resource.status !== 'resizing') {
      await releaseReservations(tx, { requestId, purposes: ['change'], reason: 'resource no longer active' });
      return null;
    }
    if (resource.status === 'active') {
      await transitionResource(tx, {
        resourceId: resource.id,
        from: 'active',
        to: 'resizing',
        actor: systemActor,
        event: 'scale_up.reverting',
        detail: { requestId },
        set: { providerState: 'resizing' },
      });
    }
    return { resource, before: readChangeRequestSpec(request.spec).before };
  });
  if (!target) return;

  const cloud = getProvider(target.resource.provider);
  const ref = target.resource.providerRef!;
  if ((await cloud.status(ref)).state !== 'resizing') {
    const options = await getCatalogOptions();
    await cloud.resize(ref, {
      spec: target.before,
      footprint: footprint(target.resource.kind, target.before, options),
    });
  }
  await db.transaction((tx) =>
    enqueue(tx, 'lifecycle.poll-change', { requestId, revert: true }, { startAfterSeconds: 1 }),
  );
}
