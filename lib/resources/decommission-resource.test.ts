import { beforeAll, describe, expect, it } from 'vitest';
import { auditRows, demoActors, expectAppError } from '@/db/testing/fixtures';
import { decommission } from '@/lib/provisioning/decommission';
import { canDecommissionResource, decommissionResource, mayDecommission } from './decommission-resource';
import { getResource } from './queries';
import { activeVm, decommissionJobs, failedVm, provisioningVm } from './test-fixtures';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

describe('who may hand a resource back (반납)', () => {
  const owner = () => ({ departmentId: a.staff.departmentId, requesterId: a.staff.id });

  it.each([
    { label: 'the requester', who: 'staff' as const, may: true },
    { label: 'a department approver of its department', who: 'head' as const, may: true },
    { label: 'an admin', who: 'admin' as const, may: true },
    { label: 'a planner', who: 'planner' as const, may: false },
    { label: 'an IT reviewer', who: 'it' as const, may: false },
    { label: "another department's approver", who: 'welfareHead' as const, may: false },
  ])('$label: $may', ({ who, may }) => {
    expect(mayDecommission(a[who], owner())).toBe(may);
  });
});

describe('decommissionResource', () => {
  it('moves an active resource to decommissioning, with its event, audit row and deletion job', async () => {
    const { resourceId } = await activeVm(a);
    expect(await canDecommissionResource({ actor: a.staff, resourceId })).toBe(true);

    await decommissionResource({ actor: a.staff, resourceId });

    const resource = await getResource({ actor: a.staff, resourceId });
    expect(resource).toMatchObject({ status: 'decommissioning', providerState: 'deleting' });
    expect(resource?.events.at(-1)?.type).toBe('decommissioning');
    expect((await auditRows(resourceId)).at(-1)).toMatchObject({
      action: 'resource.decommissioning',
      actorId: a.staff.id,
      before: { status: 'active' },
      after: { status: 'decommissioning' },
    });
    expect(await decommissionJobs(resourceId)).toEqual(['created']);
  });

  it('hands back a failed resource too, on behalf of the department head', async () => {
    const { resourceId } = await failedVm(a);
    await decommissionResource({ actor: a.head, resourceId });
    expect((await getResource({ actor: a.head, resourceId }))?.status).toBe('decommissioning');
  });

  it('lets an admin hand back any department’s resource', async () => {
    const { resourceId } = await activeVm(a);
    await decommissionResource({ actor: a.admin, resourceId });
    expect((await getResource({ actor: a.admin, resourceId }))?.status).toBe('decommissioning');
  });

  it('refuses a second 반납 while the first runs, and after it is done, saying why', async () => {
    const { resourceId } = await activeVm(a);
    await decommissionResource({ actor: a.staff, resourceId });

    const again = await expectAppError(
      decommissionResource({ actor: a.staff, resourceId }),
      'illegal_transition',
      409,
    );
    expect(again.messageKey).toBe('alreadyDecommissioning');

    await decommission({ resourceId });
    const done = await expectAppError(
      decommissionResource({ actor: a.staff, resourceId }),
      'illegal_transition',
      409,
    );
    expect(done.messageKey).toBe('alreadyDecommissioned');
    expect(await decommissionJobs(resourceId)).toHaveLength(1);
  });

  it('refuses a resource that is still being created', async () => {
    const { resourceId } = await provisioningVm(a);
    const error = await expectAppError(
      decommissionResource({ actor: a.staff, resourceId }),
      'illegal_transition',
    );
    expect(error.messageKey).toBe('decommissionWhileProvisioning');
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('provisioning');
  });

  it('answers 403 to those who see the resource but may not hand it back, and changes nothing', async () => {
    const { resourceId } = await activeVm(a);
    for (const who of ['planner', 'it'] as const) {
      const error = await expectAppError(
        decommissionResource({ actor: a[who], resourceId }),
        'forbidden',
        403,
      );
      expect(error.messageKey).toBe('onlyOwnerDecommissions');
      expect(await canDecommissionResource({ actor: a[who], resourceId })).toBe(false);
    }
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('active');
    expect(await decommissionJobs(resourceId)).toEqual([]);
  });

  it('answers 404 to another department, and to ids that do not exist', async () => {
    const { resourceId } = await activeVm(a);
    for (const who of ['welfare', 'welfareHead'] as const) {
      await expectAppError(decommissionResource({ actor: a[who], resourceId }), 'not_found', 404);
    }
    await expectAppError(
      decommissionResource({ actor: a.admin, resourceId: '5f1d2c3b-0000-4000-8000-000000000000' }),
      'not_found',
    );
    await expectAppError(decommissionResource({ actor: a.admin, resourceId: 'not-a-uuid' }), 'not_found');
    expect((await getResource({ actor: a.staff, resourceId }))?.status).toBe('active');
  });
});
