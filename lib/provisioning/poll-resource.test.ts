import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { simServers } from '@/db/schema/resources';
import { auditRows, demoActors, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import { getRequest } from '@/lib/requests/queries';
import { getResource } from '@/lib/resources/queries';
import { failProvisioning } from './fail-provisioning';
import { pollResource } from './poll-resource';
import { provisionRequest } from './provision-request';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

/** An approved request whose server the simulated cloud has accepted; `cloud` sets how that server fares. */
async function building(cloud: Partial<typeof simServers.$inferInsert>) {
  const request = await submitVm(a.staff);
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  await provisionRequest({ requestId: request.id });
  await getDb().update(simServers).set(cloud).where(eq(simServers.idempotencyKey, request.id));
  const resourceId = (await getRequest({ actor: a.staff, requestId: request.id }))!.resourceIds[0]!;
  return { requestId: request.id, resourceId };
}

async function pollJobs(resourceId: string) {
  const result = await getDb().execute(
    sql`select 1 from pgboss.job where name = 'provisioning.poll' and data->>'resourceId' = ${resourceId}`,
  );
  return result.rows.length;
}

describe('pollResource', () => {
  it('makes the resource and its request active once the cloud says the server is ready', async () => {
    const { requestId, resourceId } = await building({ readyAt: new Date(Date.now() - 1000) });
    await pollResource({ resourceId });

    expect((await getRequest({ actor: a.staff, requestId }))?.status).toBe('active');
    const resource = await getResource({ actor: a.staff, resourceId });
    expect(resource).toMatchObject({ status: 'active', providerState: 'active' });
    expect(resource?.events.at(-1)?.type).toBe('active');
    expect((await auditRows(requestId)).at(-1)).toMatchObject({
      action: 'request.active',
      actorId: null,
      before: { status: 'provisioning' },
    });
  });

  it('shows the build phase and asks again later while the server is building', async () => {
    // half way: started an hour ago, ready in an hour
    const { requestId, resourceId } = await building({
      createdAt: new Date(Date.now() - 3_600_000),
      readyAt: new Date(Date.now() + 3_600_000),
    });
    const jobsBefore = await pollJobs(resourceId);
    await pollResource({ resourceId });

    expect((await getRequest({ actor: a.staff, requestId }))?.status).toBe('provisioning');
    const resource = await getResource({ actor: a.staff, resourceId });
    expect(resource?.status).toBe('provisioning');
    expect(resource?.providerState).toBe('building');
    expect(resource?.events.at(-1)).toMatchObject({
      type: 'provider.building',
      detail: { progress: expect.any(Number) },
    });
    expect(await pollJobs(resourceId)).toBe(jobsBefore + 1);
  });

  it('fails the resource and the request with the cloud’s reason', async () => {
    const { requestId, resourceId } = await building({ failed: '용량 부족 (no valid host)' });
    await pollResource({ resourceId });

    const request = await getRequest({ actor: a.staff, requestId });
    expect(request?.status).toBe('failed');
    expect(request?.failureReason).toBe('용량 부족 (no valid host)');
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('failed');
  });

  it('does nothing to a resource that is already active', async () => {
    const { requestId, resourceId } = await building({ readyAt: new Date(Date.now() - 1000) });
    await pollResource({ resourceId });
    const audit = (await auditRows(requestId)).length;
    await pollResource({ resourceId });
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('active');
    expect(await auditRows(requestId)).toHaveLength(audit);
  });
});

describe('failProvisioning', () => {
  it('fails the request and its resource with the reason once the retries are spent', async () => {
    const { requestId, resourceId } = await building({ readyAt: new Date(Date.now() + 3_600_000) });
    await failProvisioning({ requestId, reason: 'cloud API unreachable' });

    const request = await getRequest({ actor: a.staff, requestId });
    expect(request).toMatchObject({ status: 'failed', failureReason: 'cloud API unreachable' });
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('failed');
  });

  it('leaves a request that already reached the end of its lifecycle alone', async () => {
    const { requestId, resourceId } = await building({ readyAt: new Date(Date.now() - 1000) });
    await pollResource({ resourceId });
    await failProvisioning({ requestId, reason: 'late retry' });
    expect((await getRequest({ actor: a.staff, requestId }))?.status).toBe('active');
  });
});
