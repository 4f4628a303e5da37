import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { resourceEvents, resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { releaseReservations } from '@/lib/capacity/release-reservations';
import { appUrl } from '@/lib/config/runtime';
import { enqueue } from '@/lib/jobs/enqueue';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';
import { transitionResource } from '@/lib/resources/transitions';
import { getProvider } from './providers/get-provider';

export type PollResourceOptions = { resourceId: string };

/** Job `provisioning.poll`: asks the cloud how a building resource is doing, until it is active or failed. */
export async function pollResource({ resourceId }: PollResourceOptions): Promise<void> {
  const db = getDb();
  const [resource] = await db.select().from(resources).where(eq(resources.id, resourceId));
  if (resource?.status !== 'provisioning' || !resource.providerRef) return;

  const cloud = getProvider(resource.provider);
  const state = await cloud.status(resource.providerRef);
  // a replicated resource shows its standby's state from the start
  const dr =
    resource.drPoolId && state.state === 'active' ? await cloud.drStatus(resource.providerRef) : null;

  await db.transaction(async (tx) => {
    const [locked] = await tx.select().from(resources).where(eq(resources.id, resourceId)).for('update');
    if (locked?.status !== 'provisioning') return;
    if (state.state === 'building' || state.state === 'resizing') {
      if (state.phase && state.phase !== locked.providerState) {
        await tx
          .update(resources)
          .set({ providerState: state.phase, updatedAt: new Date() })
          .where(eq(resources.id, resourceId));
        await tx.insert(resourceEvents).values({
          resourceId,
          type: `provider.${state.phase}`,
          detail: { progress: state.progress ?? null },
        });
      }
      await enqueue(tx, 'provisioning.poll', { resourceId }, { startAfterSeconds: 2 });
      return;
    }
    const ok = state.state === 'active';
    const request = await lockRequest(tx, locked.requestId);
    await transitionResource(tx, {
      resourceId,
      from: 'provisioning',
      to: ok ? 'active' : 'failed',
      actor: systemActor,
      event: ok ? 'active' : 'failed',
      detail: ok ? {} : { reason: state.message ?? state.state },
      set: ok
        ? { providerState: 'active', access: state.access ?? null, drState: dr }
        : { providerState: state.message ?? state.state },
    });
    if (!ok) {
      await releaseReservations(tx, { requestId: request.id, reason: 'provisioning failed' });
      await enqueue(tx, 'provisioning.cleanup', { requestId: request.id }, { singletonKey: request.id });
    }
    await transitionRequest(tx, {
      requestId: request.id,
      from: request.status,
      to: ok ? 'active' : 'failed',
      actor: systemActor,
      action: ok ? 'request.active' : 'request.failed',
      set: ok ? {} : { failureReason: state.message ?? state.state },
    });
    const summary = await loadRequestSummary(tx, request.id);
    if (ok) {
      await queueMail(tx, {
        template: 'resource-active',
        to: summary.requester,
        dedupeKey: `resource-active:${resourceId}`,
        requestId: request.id,
        data: { ...summary, resourceName: locked.name, resourceUrl: `${appUrl()}/resources/${resourceId}` },
      });
    } else {
      await queueMail(tx, {
        template: 'resource-failed',
        to: summary.requester,
        dedupeKey: `resource-failed:${request.id}`,
        requestId: request.id,
        data: { ...summary, reason: state.message ?? state.state },
      });
    }
  });
}
