import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db';
import { simServers } from '@/db/schema/resources';
import { type SubmitVmOptions, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import type { Actor } from '@/lib/auth/actor';
import { pollResource } from '@/lib/provisioning/poll-resource';
import { provisionRequest } from '@/lib/provisioning/provision-request';
import { getRequest } from '@/lib/requests/queries';

// Resources in a given state for the 반납 and pool tests, made through the use cases: submitted by
// `staff` (교통국), approved by their head and IT, provisioned into the simulated cloud.

export type Approvers = { staff: Actor; head: Actor; it: Actor };

/** A VM request approved and accepted by the cloud: its resource is provisioning. */
export async function provisioningVm(a: Approvers, options: SubmitVmOptions = {}) {
  const request = await submitVm(a.staff, options);
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  await provisionRequest({ requestId: request.id });
  const resourceId = (await getRequest({ actor: a.staff, requestId: request.id }))!.resourceIds[0]!;
  return { requestId: request.id, resourceId, spec: request.spec };
}

/** A VM whose server the simulated cloud reports ready: its resource is active. */
export async function activeVm(a: Approvers, options: SubmitVmOptions = {}) {
  const made = await provisioningVm(a, options);
  await getDb()
    .update(simServers)
    .set({ readyAt: new Date(Date.now() - 1000) })
    .where(eq(simServers.idempotencyKey, made.requestId));
  await pollResource({ resourceId: made.resourceId });
  return made;
}

/** A VM the cloud failed to build: its resource is failed. */
export async function failedVm(a: Approvers) {
  const made = await provisioningVm(a);
  await getDb()
    .update(simServers)
    .set({ failed: '용량 부족 (no valid host)' })
    .where(eq(simServers.idempotencyKey, made.requestId));
  await pollResource({ resourceId: made.resourceId });
  return made;
}

/** The simulated server made for a request, deleted or not. */
export async function simServerOf(requestId: string) {
  const [row] = await getDb()
    .select({ id: simServers.id, deletedAt: simServers.deletedAt })
    .from(simServers)
    .where(eq(simServers.idempotencyKey, requestId));
  return row;
}

/** `provisioning.decommission` jobs queued for a resource (pg-boss's own table), by state. */
export async function decommissionJobs(resourceId: string) {
  const result = await getDb().execute<{ state: string }>(
    sql`select state from pgboss.job
        where name = 'provisioning.decommission' and data->>'resourceId' = ${resourceId}`,
  );
  return result.rows.map((r) => r.state);
}
