import { eq } from 'drizzle-orm';
import { getDb, type Tx } from '@/db';
import { resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { releaseReservations } from '@/lib/capacity/release-reservations';
import { footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions } from '@/lib/catalog/queries';
import { enqueue } from '@/lib/jobs/enqueue';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { providerReason } from '@/lib/provisioning/fail-provisioning';
import { getProvider } from '@/lib/provisioning/providers/get-provider';
import { isProviderError } from '@/lib/provisioning/providers/types';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';
import { transitionResource } from '@/lib/resources/transitions';
import { applyChange as applyToSpec, readChangeRequestSpec } from './change-spec';

export type ApplyChangeOptions = { requestId: string };

/**
 * Job `lifecycle.apply-change`: an approved resize or scale-up is carried out. The request moves to
 * provisioning and its resource to resizing in one transaction; then the cloud is asked to resize
 * (outside it), and `lifecycle.poll-change` follows it until the resource is active again. A
 * scale-up whose window has not begun waits for it. Idempotent: a retry finds the resource already
 * resizing and asks the cloud only if the cloud is not resizing it already.
 */
export async function applyChange({ requestId }: ApplyChangeOptions): Promise<void> {
  const db = getDb();
  const started = await db.transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (request.status !== 'approved' && request.status !== 'provisioning') return null;
    const { change, window } = readChangeRequestSpec(request.spec);
    // a scale-up for a later window starts when the window does
    if (request.status === 'approved' && window && new Date(window.from).getTime() > Date.now() + 5_000) {
      await enqueue(tx, 'lifecycle.apply-change', { requestId }, { startAfter: new Date(window.from) });
      return null;
    }
    const [resource] = await tx
      .select()
      .from(resources)
      .where(eq(resources.id, request.targetResourceId!))
      .for('update');
    if (!resource) return null;
    if (request.status === 'approved') {
      if (resource.status !== 'active') {
        await failChangeIn(tx, request.id, `resource is ${resource.status}`);
        return null;
      }
      await transitionRequest(tx, {
        requestId,
        from: 'approved',
        to: 'provisioning',
        actor: systemActor,
        action: 'request.change_started',
      });
      await transitionResource(tx, {
        resourceId: resource.id,
        from: 'active',
        to: 'resizing',
        actor: systemActor,
        event: request.kind === 'scale_up' ? 'scale_up.started' : 'resize.started',
        detail: { requestId, change, window: window ?? null },
        set: { providerState: 'resizing' },
      });
    }
    return { resource, spec: applyToSpec(resource.spec as Record<string, unknown>, change) };
  });
  if (!started) return;

  // the cloud call, outside any transaction
  const cloud = getProvider(started.resource.provider);
  const ref = started.resource.providerRef!;
  try {
    const now = await cloud.status(ref);
    if (now.state !== 'resizing') {
      const options = await getCatalogOptions();
      await cloud.resize(ref, {
        spec: started.spec,
        footprint: footprint(started.resource.kind, started.spec, options),
      });
    }
  } catch (error) {
    if (isProviderError(error) && !error.transient) {
      await failChange({ requestId, reason: providerReason(error) });
      return;
    }
    throw error;
  }
  await db.transaction((tx) =>
    enqueue(tx, 'lifecycle.poll-change', { requestId, revert: false }, { startAfterSeconds: 1 }),
  );
}

export type FailChangeOptions = { requestId: string; reason: string };

/** A change the cloud refused: the resource stays as it was (active), the request fails with the reason, the extra capacity is released. */
export async function failChange({ requestId, reason }: FailChangeOptions): Promise<void> {
  await getDb().transaction((tx) => failChangeIn(tx, requestId, reason));
}

async function failChangeIn(tx: Tx, requestId: string, reason: string): Promise<void> {
  const request = await lockRequest(tx, requestId);
  if (request.status !== 'approved' && request.status !== 'provisioning') return;
  const [resource] = await tx
    .select()
    .from(resources)
    .where(eq(resources.id, request.targetResourceId!))
    .for('update');
  if (resource?.status === 'resizing') {
    await transitionResource(tx, {
      resourceId: resource.id,
      from: 'resizing',
      to: 'active',
      actor: systemActor,
      event: 'change.failed',
      detail: { requestId, reason },
      set: { providerState: 'active' },
    });
  }
  await releaseReservations(tx, { requestId, reason: 'change failed' });
  await transitionRequest(tx, {
    requestId,
    from: request.status,
    to: 'failed',
    actor: systemActor,
    action: 'request.failed',
    set: { failureReason: reason },
    detail: { reason },
  });
  const summary = await loadRequestSummary(tx, requestId);
  await queueMail(tx, {
    template: 'resource-failed',
    to: summary.requester,
    dedupeKey: `change-failed:${requestId}`,
    requestId,
    data: { ...summary, reason },
  });
}
