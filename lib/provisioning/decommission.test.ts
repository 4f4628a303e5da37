import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { resources, simServers } from '@/db/schema/resources';
import { auditRows, demoActors, demoEmails, mailsAbout } from '@/db/testing/fixtures';
import { decommissionResource } from '@/lib/resources/decommission-resource';
import { getResource } from '@/lib/resources/queries';
import { activeVm, failedVm, simServerOf } from '@/lib/resources/test-fixtures';
import { decommission, failDecommission } from './decommission';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

/** An active VM its requester has asked to hand back. */
async function handedBack() {
  const made = await activeVm(a);
  await decommissionResource({ actor: a.staff, resourceId: made.resourceId });
  return made;
}

describe('decommission (job provisioning.decommission)', () => {
  it('deletes the server from the cloud, marks the resource decommissioned and mails the requester', async () => {
    const { requestId, resourceId } = await handedBack();
    await decommission({ resourceId });

    expect((await simServerOf(requestId))?.deletedAt).toBeInstanceOf(Date);
    const resource = await getResource({ actor: a.staff, resourceId });
    expect(resource).toMatchObject({ status: 'decommissioned', providerState: 'deleted' });
    expect(resource?.events.slice(-2).map((e) => e.type)).toEqual(['decommissioning', 'decommissioned']);
    expect((await auditRows(resourceId)).at(-1)).toMatchObject({
      action: 'resource.decommissioned',
      actorId: null,
      before: { status: 'decommissioning' },
    });
    const mail = (await mailsAbout(requestId)).at(-1);
    expect(mail).toMatchObject({ template: 'resource-decommissioned', to: demoEmails.staff });
    expect(mail?.text).toContain('반납');
  });

  it('changes nothing the second time it runs', async () => {
    const { requestId, resourceId } = await handedBack();
    await decommission({ resourceId });
    const before = await getResource({ actor: a.staff, resourceId });
    await decommission({ resourceId });
    expect(await getResource({ actor: a.staff, resourceId })).toEqual(before);
    expect(
      (await mailsAbout(requestId)).filter((m) => m.template === 'resource-decommissioned'),
    ).toHaveLength(1);
  });

  it('succeeds when the server is already gone from the cloud', async () => {
    const { requestId, resourceId } = await handedBack();
    const gone = new Date(Date.now() - 60_000);
    await getDb().update(simServers).set({ deletedAt: gone }).where(eq(simServers.idempotencyKey, requestId));
    await decommission({ resourceId });
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('decommissioned');
    expect((await simServerOf(requestId))?.deletedAt).toEqual(gone);
  });

  it('hands back a failed resource whose server the cloud never accepted', async () => {
    const { resourceId } = await failedVm(a);
    await getDb().update(resources).set({ providerRef: null }).where(eq(resources.id, resourceId));
    await decommissionResource({ actor: a.staff, resourceId });
    await decommission({ resourceId });
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('decommissioned');
  });

  it('leaves a resource that is not being handed back alone', async () => {
    const { requestId, resourceId } = await activeVm(a);
    await decommission({ resourceId });
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('active');
    expect((await simServerOf(requestId))?.deletedAt).toBeNull();
  });

  it('after the last retry, fails the resource with the reason, and 반납 can be asked again', async () => {
    const { resourceId } = await handedBack();
    await failDecommission({ resourceId, reason: 'cloud API timeout' });

    const resource = await getResource({ actor: a.staff, resourceId });
    expect(resource).toMatchObject({ status: 'failed', providerState: 'delete_failed' });
    expect(resource?.events.at(-1)).toMatchObject({
      type: 'decommission.failed',
      detail: { reason: 'cloud API timeout' },
    });
    await decommissionResource({ actor: a.staff, resourceId });
    await decommission({ resourceId });
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('decommissioned');
  });
});
