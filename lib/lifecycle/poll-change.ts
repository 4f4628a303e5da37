import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { releaseReservations } from '@/lib/capacity/release-reservations';
import { estimateMonthlyKrw, footprint } from '@/lib/catalog/estimate';
import { getCatalogOptions, getRateCard } from '@/lib/catalog/queries';
import { enqueue } from '@/lib/jobs/enqueue';
import { getProvider } from '@/lib/provisioning/providers/get-provider';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';
import { transitionResource } from '@/lib/resources/transitions';
import { failChange } from './apply-change';
import { applyChange, readChangeRequestSpec } from './change-spec';

export type PollChangeOptions = { requestId: string; revert: boolean };

/**
 * Job `lifecycle.poll-change`: follows a resize (or a scale-up's revert) in the cloud. When the
 * resource is active again its spec becomes the new one; a resize's reservation becomes the
 * resource's own, a scale-up keeps its extra until the window ends (when the revert is queued) and a
 * revert gives it back.
 */
export async function pollChange({ requestId, revert }: PollChangeOptions): Promise<void> {
  const db = getDb();
  const [request] = await db.transaction(async (tx) => [await lockRequest(tx, requestId)]);
  const [resource] = await db.select().from(resources).where(eq(resources.id, request!.targetResourceId!));
  if (resource?.status !== 'resizing' || !resource.providerRef) return;
  const state = await getProvider(resource.provider).status(resource.providerRef);
  if (state.state === 'error' || state.state === 'gone') {
    if (!revert) await failChange({ requestId, reason: state.message ?? state.state });
    else throw new Error(`revert of ${requestId}: the cloud reports ${state.state}`);
    return;
  }
  if (state.state !== 'active') {
    await db.transaction((tx) =>
      enqueue(tx, 'lifecycle.poll-change', { requestId, revert }, { startAfterSeconds: 2 }),
    );
    return;
  }

  const { change, before, window } = readChangeRequestSpec(request!.spec);
  const spec = revert ? before : applyChange(resource.spec as Record<string, unknown>, change);
  const [options, card] = await Promise.all([getCatalogOptions(), getRateCard()]);
  await db.transaction(async (tx) => {
    const locked = await lockRequest(tx, requestId);
    const [current] = await tx.select().from(resources).where(eq(resources.id, resource.id)).for('update');
    if (current?.status !== 'resizing') return;
    await transitionResource(tx, {
      resourceId: resource.id,
      from: 'resizing',
      to: 'active',
      actor: systemActor,
      event: revert
        ? 'scale_up.reverted'
        : locked.kind === 'scale_up'
          ? 'scale_up.applied'
          : 'resize.applied',
      detail: { requestId, spec },
      set: { spec, providerState: 'active', access: state.access ?? current.access },
    });
    if (revert) {
      await releaseReservations(tx, { requestId, purposes: ['change'], reason: 'scale-up window ended' });
      return;
    }
    await transitionRequest(tx, {
      requestId,
      from: locked.status,
      to: 'active',
      actor: systemActor,
      action: 'request.change_applied',
    });
    if (locked.kind === 'resize') {
      // a permanent change: the resource's own reservation takes the new size, the change's extra is merged into it
      const fp = footprint(current.kind, spec, options);
      const drTier = (spec.drTier as 'none' | 'backup' | 'replicated' | undefined) ?? 'none';
      await tx
        .update(capacityReservations)
        .set({
          vcpu: fp.vcpu,
          ramGb: fp.ramGb,
          storageGb: fp.storageGb,
          monthlyKrw: estimateMonthlyKrw(fp, card.prices, drTier),
        })
        .where(
          and(
            eq(capacityReservations.resourceId, resource.id),
            eq(capacityReservations.purpose, 'primary'),
            eq(capacityReservations.status, 'held'),
          ),
        );
      await releaseReservations(tx, { requestId, purposes: ['change'], reason: 'merged into the resource' });
    } else if (window) {
      await enqueue(tx, 'lifecycle.revert-scale-up', { requestId }, { startAfter: new Date(window.until) });
    }
  });
}
