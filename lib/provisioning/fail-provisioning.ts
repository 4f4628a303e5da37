import { eq } from 'drizzle-orm';
import { getDb } from '@/db';
import { resources } from '@/db/schema/resources';
import { systemActor } from '@/lib/auth/system-actor';
import { releaseReservations } from '@/lib/capacity/release-reservations';
import { enqueue } from '@/lib/jobs/enqueue';
import { queueMail } from '@/lib/notify/queue-mail';
import { loadRequestSummary } from '@/lib/notify/request-summary';
import { lockRequest, transitionRequest } from '@/lib/requests/transitions';
import { transitionResource } from '@/lib/resources/transitions';
import type { ProviderError } from './providers/types';

export type FailProvisioningOptions = { requestId: string; reason: string };

/** After the last retry: the request and its resource fail with the reason, for the requester to read. */
export async function failProvisioning({ requestId, reason }: FailProvisioningOptions): Promise<void> {
  await getDb().transaction(async (tx) => {
    const request = await lockRequest(tx, requestId);
    if (request.status !== 'approved' && request.status !== 'provisioning') return;
    const [resource] = await tx
      .select()
      .from(resources)
      .where(eq(resources.requestId, requestId))
      .for('update');
    if (resource?.status === 'provisioning') {
      await transitionResource(tx, {
        resourceId: resource.id,
        from: 'provisioning',
        to: 'failed',
        actor: systemActor,
        event: 'failed',
        detail: { reason },
        set: { providerState: 'failed' },
      });
    }
    await releaseReservations(tx, { requestId, reason: 'provisioning failed' });
    // whatever the cloud made for it before it gave up is deleted, so nothing is left behind
    await enqueue(tx, 'provisioning.cleanup', { requestId }, { singletonKey: requestId });
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
      dedupeKey: `resource-failed:${requestId}`,
      requestId,
      data: { ...summary, reason },
    });
  });
}

/** The reason a requester reads for a cloud refusal: its closed code, then the cloud's own words. */
export function providerReason(error: ProviderError): string {
  return `[${error.code}] ${error.message}`.slice(0, 500);
}
