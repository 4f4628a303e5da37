import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { resourceEvents, resources, simServers } from '@/db/schema/resources';
import { belowThreshold, demoActors, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import { getRequest } from '@/lib/requests/queries';
import { provisionRequest } from './provision-request';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

/** A request approved by the department head and IT (전결), with its provisioning job queued. */
async function approvedRequest() {
  const request = await submitVm(a.staff, belowThreshold);
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  return request;
}

/** What exists for a request: portal resources, cloud servers, and the resource's provider ref. */
async function footprintOf(requestId: string) {
  const db = getDb();
  const rows = await db
    .select({ id: resources.id, status: resources.status, providerRef: resources.providerRef })
    .from(resources)
    .where(eq(resources.requestId, requestId));
  const [servers] = await db
    .select({ n: count() })
    .from(simServers)
    .where(eq(simServers.idempotencyKey, requestId));
  return { resources: rows, servers: servers!.n };
}

describe('provisionRequest', () => {
  it('moves an approved request to provisioning with one resource and one cloud server', async () => {
    const request = await approvedRequest();
    await provisionRequest({ requestId: request.id });

    const seen = await getRequest({ actor: a.staff, requestId: request.id });
    expect(seen?.status).toBe('provisioning');
    const state = await footprintOf(request.id);
    expect(state.servers).toBe(1);
    expect(state.resources).toEqual([
      { id: seen?.resourceIds[0], status: 'provisioning', providerRef: expect.stringMatching(/^sim-/) },
    ]);
  });

  it('creates nothing twice when it runs again for the same request', async () => {
    const request = await approvedRequest();
    await provisionRequest({ requestId: request.id });
    const first = await footprintOf(request.id);

    await provisionRequest({ requestId: request.id });
    expect(await footprintOf(request.id)).toEqual(first);
  });

  it('finds the server a crashed attempt made instead of making a second', async () => {
    const request = await approvedRequest();
    await provisionRequest({ requestId: request.id });
    const first = await footprintOf(request.id);
    const resourceId = first.resources[0]!.id;

    // the worker died after the cloud call, before it recorded the server's reference
    const db = getDb();
    await db
      .update(resources)
      .set({ providerRef: null, providerState: 'queued' })
      .where(eq(resources.id, resourceId));
    await db
      .delete(resourceEvents)
      .where(and(eq(resourceEvents.resourceId, resourceId), eq(resourceEvents.type, 'provider.accepted')));

    await provisionRequest({ requestId: request.id });
    expect(await footprintOf(request.id)).toEqual(first);
  });

  it('makes one resource and one server when two workers run it at once', async () => {
    const request = await approvedRequest();
    await Promise.all([
      provisionRequest({ requestId: request.id }),
      provisionRequest({ requestId: request.id }),
    ]);
    const state = await footprintOf(request.id);
    expect(state.resources).toHaveLength(1);
    expect(state.servers).toBe(1);
  });

  it('leaves a request that is not approved alone', async () => {
    const request = await submitVm(a.staff, belowThreshold);
    await provisionRequest({ requestId: request.id });
    expect((await getRequest({ actor: a.staff, requestId: request.id }))?.status).toBe('in_approval');
    expect(await footprintOf(request.id)).toEqual({ resources: [], servers: 0 });
  });
});
