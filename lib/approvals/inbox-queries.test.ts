import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { aboveThreshold, belowThreshold, demoActors, submitVm, withPolicy } from '@/db/testing/fixtures';
import type { Actor } from '@/lib/auth/actor';
import { createDelegation } from './create-delegation';
import { getInbox, inboxFilter } from './inbox-queries';
import { defaultPolicy } from './policy-schema';
import { revokeDelegation } from './revoke-delegation';
import { seoulDate } from './step-approvers';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

const named: { actor: Actor; id: string }[] = [];
afterEach(async () => {
  for (const d of named.splice(0)) await revokeDelegation({ actor: d.actor, delegationId: d.id });
});

const policy = {
  ...defaultPolicy,
  settings: { ...defaultPolicy.settings, bulkApproveMaxMonthlyKrw: 300_000 },
};
const ids = (inbox: Awaited<ReturnType<typeof getInbox>>) => inbox.items.map((i) => i.id);

describe('결재함 (the inbox)', () => {
  it('lists what awaits the approver with its step, age and bulk eligibility', () =>
    withPolicy(a.admin, policy, async () => {
      const cheap = await submitVm(a.staff, belowThreshold);
      const costly = await submitVm(a.staff, aboveThreshold);

      const inbox = await getInbox({ actor: a.head, filter: inboxFilter.parse({}) });

      expect(inbox.items.find((i) => i.id === cheap.id)).toMatchObject({
        number: cheap.number,
        stepKind: 'review',
        departmentCode: 'TRAFFIC',
        bulkEligible: true,
        actingFor: null,
        escalated: false,
      });
      expect(inbox.items.find((i) => i.id === costly.id)?.bulkEligible).toBe(false);
      expect(inbox.counts.total).toBe(inbox.items.length);
      expect(inbox.counts.review).toBeGreaterThanOrEqual(2);
      expect(inbox.settings.bulkApproveMaxMonthlyKrw).toBe(300_000);
    }));

  it('filters by step kind, department, item kind and overdue, counting everything regardless', async () => {
    const request = await submitVm(a.staff, belowThreshold);
    const all = await getInbox({ actor: a.head, filter: inboxFilter.parse({}) });
    const filtered = (filter: Record<string, string>) =>
      getInbox({ actor: a.head, filter: inboxFilter.parse(filter) });

    expect(ids(await filtered({ stepKind: 'review', department: 'TRAFFIC', itemKind: 'vm' }))).toContain(
      request.id,
    );
    expect(ids(await filtered({ stepKind: 'approve' }))).not.toContain(request.id);
    expect(ids(await filtered({ department: 'WELFARE' }))).not.toContain(request.id);
    expect(ids(await filtered({ itemKind: 'volume' }))).not.toContain(request.id);
    // just submitted: it has not waited a working hour, let alone the reminder's eight
    expect(ids(await filtered({ overdue: '1' }))).not.toContain(request.id);
    expect((await filtered({ stepKind: 'approve' })).counts).toEqual(all.counts);
    // a value the URL should not carry is no filter at all
    expect(ids(await filtered({ stepKind: 'everything' }))).toContain(request.id);
  });

  it('shows a substitute the approver’s items, marked with whom they act for', async () => {
    const { id } = await createDelegation({
      actor: a.head,
      substituteId: a.welfareHead.id,
      startsOn: seoulDate(new Date()),
      endsOn: seoulDate(new Date()),
      reason: '연가',
    });
    named.push({ actor: a.head, id });
    const request = await submitVm(a.staff, belowThreshold);

    const inbox = await getInbox({ actor: a.welfareHead, filter: inboxFilter.parse({}) });

    expect(inbox.items.find((i) => i.id === request.id)?.actingFor).toEqual({
      id: a.head.id,
      name: a.head.name,
    });
  });
});
