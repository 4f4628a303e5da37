import { beforeAll, describe, expect, it } from 'vitest';
import { belowThreshold, demoActors, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import { provisionRequest } from '@/lib/provisioning/provision-request';
import { getRequest } from '@/lib/requests/queries';
import { getResource, listResources } from './queries';

let a: Awaited<ReturnType<typeof demoActors>>;
let resourceId: string;
beforeAll(async () => {
  a = await demoActors();
  const request = await submitVm(a.staff, belowThreshold);
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  await provisionRequest({ requestId: request.id });
  resourceId = (await getRequest({ actor: a.staff, requestId: request.id }))!.resourceIds[0]!;
});

const ids = async (actor: (typeof a)['staff']) =>
  (await listResources({ actor, limit: 100 })).items.map((r) => r.id);

describe('who sees a resource', () => {
  it("hides 교통국's resource from 복지국", async () => {
    expect(await getResource({ actor: a.welfare, resourceId })).toBeNull();
    expect(await getResource({ actor: a.welfareHead, resourceId })).toBeNull();
    expect(await ids(a.welfare)).not.toContain(resourceId);
  });

  it('shows it to its own department with its history', async () => {
    const resource = await getResource({ actor: a.staff, resourceId });
    expect(resource).toMatchObject({
      id: resourceId,
      kind: 'vm',
      status: 'provisioning',
      departmentId: a.staff.departmentId,
      pool: 'dc-primary',
      provider: 'simulator',
    });
    expect(resource?.providerRef).toMatch(/^sim-/);
    expect(resource?.events.map((e) => e.type)).toEqual(['provisioning.started', 'provider.accepted']);
    expect(await ids(a.head)).toContain(resourceId);
  });

  it.each([{ who: 'it' as const }, { who: 'planner' as const }, { who: 'admin' as const }])(
    'shows it to $who',
    async ({ who }) => {
      expect((await getResource({ actor: a[who], resourceId }))?.id).toBe(resourceId);
      expect(await ids(a[who])).toContain(resourceId);
    },
  );

  it('filters by status', async () => {
    const provisioning = await listResources({ actor: a.staff, status: ['provisioning'], limit: 100 });
    expect(provisioning.items.map((r) => r.id)).toContain(resourceId);
    const decommissioned = await listResources({ actor: a.staff, status: ['decommissioned'], limit: 100 });
    expect(decommissioned.items.map((r) => r.id)).not.toContain(resourceId);
  });
});
