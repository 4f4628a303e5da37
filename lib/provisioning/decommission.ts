import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { releaseReservations } from '@/lib/capacity/release-reservations';
import { appUrl } from '@/lib/config/runtime';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { transitionResource } from '@/lib/resources/transitions';
import { getProvider } from './providers/get-provider';

export type DecommissionOptions = { resourceId: string };

/**
 * Job `provisioning.decommission`: deletes a resource that is being handed back (반납) from the
 * cloud, then marks it decommissioned and tells its requester. Idempotent: deleting an object that is
 * already gone succeeds, and a resource no longer decommissioning is left alone, so a retry or a
 * second worker changes nothing twice.
 */
export async function decommission({ resourceId }: DecommissionOptions): Promise<void> {
  const db = getDb();
  const [resource] = await db.select().from(resources).where(eq(resources.id, resourceId));
  if (resource?.status !== 'decommissioning') return;

  // Phase 1: the cloud call, outside any transaction.
  // A crash between the cloud's accepting and the portal's recording it leaves no reference: the
  // idempotency key (the request id) still finds the object.
  const cloud = getProvider(resource.provider);
  const ref = resource.providerRef ?? (await cloud.findByKey(resource.requestId))?.ref;
  if (ref) {
    await cloud.delete(ref);
    // a cloud may delete asynchronously: until the object is gone, throw and let the retry ask again
    const state = await cloud.status(ref);
    if (state.state !== 'gone') throw new Error(`${ref} is still ${state.state}`);
  }

  // Phase 2: decommissioned, with its event and audit row, and the requester's mail
  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
    if (locked?.status !== 'decommissioning') return;
    await transitionResource(tx, {
      resourceId,
      from: 'decommissioning',
      to: 'decommissioned',
      actor: systemActor,
      event: 'decommissioned',
      set: { providerState: 'deleted' },
    });
    await releaseReservations(tx, { resourceId, reason: 'decommissioned' });
    const summary = await loadRequestSummary(tx, locked.requestId);
    await queueMail(tx, {
      template: 'resource-decommissioned',
      to: summary.requester,
      dedupeKey: `resource-decommissioned:${resourceId}`,
      requestId: locked.requestId,
      data: { ...summary, resourceName: locked.name, resourceUrl: `${appUrl()}/resources/${resourceId}` },
    });
  });
}

export type FailDecommissionOptions = { resourceId: string; reason: string };

/**
 * After the last retry: the resource goes to failed with the cloud's reason, shown in its history.
 * Its owner can ask for 반납 again from there.
 */
export async function failDecommission({ resourceId, reason }: FailDecommissionOptions): Promise<void> {
  await getDb().transaction(async (tx) => {
    const [locked] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
    if (locked?.status !== 'decommissioning') return;
    await transitionResource(tx, {
      resourceId,
      from: 'decommissioning',
      to: 'failed',
      actor: systemActor,
      event: 'decommission.failed',
      detail: { reason },
      set: { providerState: 'delete_failed' },
    });
  });
}
