import { beforeAll, describe, expect, it } from 'vitest';
import {
  aboveThreshold,
  belowThreshold,
  demoActors,
  requestSnapshot,
  submitVm,
  withPolicy,
} from '@/db/testing/fixtures';
import { getRequest } from '@/lib/requests/queries';
import { bulkApprove } from './bulk-approve';
import { decideStep } from './decide-step';
import { defaultPolicy } from './policy-schema';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

// the default VM costs 72,000 KRW a month, the large one 1,857,744: a limit of 300,000 sits between
const policy = {
  ...defaultPolicy,
  settings: { ...defaultPolicy.settings, bulkApproveMaxMonthlyKrw: 300_000 },
};
const inPolicy = <T>(fn: () => Promise<T>) => withPolicy(a.admin, policy, fn);

const stepStatuses = async (requestId: string) =>
  (await getRequest({ actor: a.staff, requestId }))?.steps.map((s) => s.status);

describe('일괄 승인 (bulk approval of low-cost requests)', () => {
  it('approves the step awaiting the approver on every selected item within the limit', () =>
    inPolicy(async () => {
      const first = await submitVm(a.staff, belowThreshold);
      const second = await submitVm(a.staff, belowThreshold);

      const { results } = await bulkApprove({ actor: a.head, requestIds: [first.id, second.id] });

      expect(results).toEqual([
        { requestId: first.id, number: first.number, ok: true, requestStatus: 'in_approval' },
        { requestId: second.id, number: second.number, ok: true, requestStatus: 'in_approval' },
      ]);
      for (const request of [first, second]) {
        expect(await stepStatuses(request.id)).toEqual(['approved', 'pending']);
        const head = (await getRequest({ actor: a.staff, requestId: request.id }))?.steps[0];
        expect(head?.decidedBy?.id).toBe(a.head.id);
      }
    }));

  it('refuses an item above the limit and changes nothing of it, approving the others', () =>
    inPolicy(async () => {
      const cheap = await submitVm(a.staff, belowThreshold);
      const costly = await submitVm(a.staff, aboveThreshold);
      const before = await requestSnapshot(costly.id);

      const { results } = await bulkApprove({ actor: a.head, requestIds: [costly.id, cheap.id] });

      expect(results).toEqual([
        { requestId: costly.id, number: costly.number, ok: false, reason: 'over_limit' },
        { requestId: cheap.id, number: cheap.number, ok: true, requestStatus: 'in_approval' },
      ]);
      expect(await requestSnapshot(costly.id)).toEqual(before);
      expect(await stepStatuses(costly.id)).toEqual(['pending', 'waiting', 'waiting']);
      expect(await stepStatuses(cheap.id)).toEqual(['approved', 'pending']);
    }));

  it('reports an item already decided as failed without undoing the others', () =>
    inPolicy(async () => {
      const decided = await submitVm(a.staff, belowThreshold);
      const open = await submitVm(a.staff, belowThreshold);
      // another hand got there first: the head approved it from the request page
      await decideStep({ actor: a.head, requestId: decided.id, decision: 'approve' });
      const before = await requestSnapshot(decided.id);

      const { results } = await bulkApprove({ actor: a.head, requestIds: [decided.id, open.id] });

      expect(results).toEqual([
        { requestId: decided.id, number: decided.number, ok: false, reason: 'already_decided' },
        { requestId: open.id, number: open.number, ok: true, requestStatus: 'in_approval' },
      ]);
      expect(await requestSnapshot(decided.id)).toEqual(before);
      expect(await stepStatuses(open.id)).toEqual(['approved', 'pending']);
    }));

  it('answers an unknown request as not found and still approves the rest', () =>
    inPolicy(async () => {
      const request = await submitVm(a.staff, belowThreshold);
      const unknown = '00000000-0000-4000-8000-000000000000';

      const { results } = await bulkApprove({ actor: a.head, requestIds: [unknown, request.id] });

      expect(results.map((r) => [r.requestId, r.ok])).toEqual([
        [unknown, false],
        [request.id, true],
      ]);
      expect(results[0]).toMatchObject({ reason: 'not_found', number: null });
    }));
});
