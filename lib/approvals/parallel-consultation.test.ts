import { beforeAll, describe, expect, it } from 'vitest';
import {
  approvalLinks,
  demoActors,
  demoEmails,
  expectAppError,
  lineOf,
  mailList,
  requestSnapshot,
  retireStrayApprovers,
  submitVm,
  withPolicy,
} from '@/db/testing/fixtures';
import type { Actor } from '@/lib/auth/actor';
import { getRequest, type RequestStep } from '@/lib/requests/queries';
import { decideStep } from './decide-step';
import { defaultPolicy, type PolicyInput } from './policy-schema';

// 협조 as a parallel group: the steps of one order are pending together and all must agree before the
// next order is asked; one refusal rejects the request. The policy is saved through savePolicy and
// the one in force before is saved again after each test (db/testing/fixtures.ts withPolicy).

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  // the recipients asserted here are the demo city's approvers, not accounts other files created
  await retireStrayApprovers();
  a = await demoActors();
});

const approve = (actor: Actor, requestId: string) => decideStep({ actor, requestId, decision: 'approve' });
const reject = (actor: Actor, requestId: string, comment: string) =>
  decideStep({ actor, requestId, decision: 'reject', comment });
const lineOfA = (steps: RequestStep[]) => lineOf(steps, a);

/** The default policy with the prod 협조 signed by the IT planner and the admin, in parallel. */
const twoConsultants: PolicyInput = {
  ...defaultPolicy,
  name: '협조 2인 (vitest)',
  rules: defaultPolicy.rules.map((rule) =>
    rule.steps[0]?.kind === 'consult'
      ? {
          ...rule,
          steps: [
            {
              kind: 'consult',
              approvers: [
                { type: 'department_role', role: 'planner', departmentCode: 'IT' },
                { type: 'user', email: demoEmails.admin },
              ],
            },
          ],
        }
      : rule,
  ),
};

describe('협조 in parallel', () => {
  it.each([
    { first: 'planner' as const, second: 'admin' as const },
    { first: 'admin' as const, second: 'planner' as const },
  ])('asks IT only once both consultants agree: the $first, then the $second', async (c) => {
    await withPolicy(a.admin, twoConsultants, async () => {
      const request = await submitVm(a.staff, { environment: 'prod' });
      expect(lineOfA(request.steps)).toEqual([
        [1, 'review', 'dept_approver', 'pending'],
        [2, 'consult', 'admin', 'waiting'],
        [2, 'consult', 'planner', 'waiting'],
        [3, 'approve', 'it_reviewer', 'waiting'],
      ]);

      await approve(a.head, request.id);
      const consulting = await getRequest({ actor: a.staff, requestId: request.id });
      expect(lineOfA(consulting!.steps).map((s) => s[3])).toEqual([
        'approved',
        'pending',
        'pending',
        'waiting',
      ]);
      expect((await mailList(request.id)).slice(1)).toEqual([
        ['step-pending', demoEmails.admin],
        ['step-pending', demoEmails.planner],
      ]);

      // one consultant agreeing is not enough: IT still waits, and cannot decide yet
      expect(await approve(a[c.first], request.id)).toEqual({ requestStatus: 'in_approval' });
      await expectAppError(approve(a.it, request.id), 'conflict', 409);
      const half = await getRequest({ actor: a[c.second], requestId: request.id });
      expect(lineOfA(half!.steps)).toEqual([
        [1, 'review', 'dept_approver', 'approved'],
        [2, 'consult', 'admin', c.first === 'admin' ? 'approved' : 'pending'],
        [2, 'consult', 'planner', c.first === 'planner' ? 'approved' : 'pending'],
        [3, 'approve', 'it_reviewer', 'waiting'],
      ]);
      expect(half?.steps.filter((s) => s.awaitsMe).map((s) => s.status)).toEqual(['pending']);
      expect(await mailList(request.id)).toHaveLength(3);

      // the second one makes IT's step pending
      expect(await approve(a[c.second], request.id)).toEqual({ requestStatus: 'in_approval' });
      expect((await mailList(request.id)).at(-1)).toEqual(['step-pending', demoEmails.it]);
      expect(await approve(a.it, request.id)).toEqual({ requestStatus: 'approved' });
    });
  });

  it.each([
    { rejecter: 'planner' as const, other: 'admin' as const },
    { rejecter: 'admin' as const, other: 'planner' as const },
  ])('rejects the request when the $rejecter rejects, skipping the $other and IT', async (c) => {
    await withPolicy(a.admin, twoConsultants, async () => {
      const request = await submitVm(a.staff, { environment: 'prod' });
      await approve(a.head, request.id);
      const reason = '운영 용량이 부족합니다.';
      expect(await reject(a[c.rejecter], request.id, reason)).toEqual({ requestStatus: 'rejected' });

      const seen = await getRequest({ actor: a.staff, requestId: request.id });
      expect(seen?.status).toBe('rejected');
      expect(lineOfA(seen!.steps)).toEqual([
        [1, 'review', 'dept_approver', 'approved'],
        [2, 'consult', 'admin', c.rejecter === 'admin' ? 'rejected' : 'skipped'],
        [2, 'consult', 'planner', c.rejecter === 'planner' ? 'rejected' : 'skipped'],
        [3, 'approve', 'it_reviewer', 'skipped'],
      ]);
      // the other consultant's link is void, and their decision comes too late
      const otherStep = seen!.steps.find((s) => s.kind === 'consult' && s.decidedBy === null)!;
      expect((await approvalLinks(otherStep.id)).map((l) => l.voidedAt)).toEqual([expect.any(Date)]);
      const after = await requestSnapshot(request.id);
      await expectAppError(approve(a[c.other], request.id), 'illegal_transition', 409);
      expect(await requestSnapshot(request.id)).toEqual(after);
      expect((await mailList(request.id)).at(-1)).toEqual(['request-rejected', demoEmails.staff]);
    });
  });
});
