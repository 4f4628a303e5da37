import { beforeAll, describe, expect, it } from 'vitest';
import {
  approvalLinks,
  auditRows,
  demoActors,
  demoEmails,
  expectAppError,
  lineOf,
  mailList,
  mailsAbout,
  provisioningJobs,
  requestSnapshot,
  retireStrayApprovers,
  submitVm,
} from '@/db/testing/fixtures';
import type { Actor } from '@/lib/auth/actor';
import { getRequest, listRequests, type RequestStep } from '@/lib/requests/queries';
import { resubmitRequest, resubmitRequestInput } from '@/lib/requests/resubmit-request';
import { decideStep } from './decide-step';

// The approval line end to end through the use cases: 반려 and 재상신 over two rounds, and the
// segregation of duties. What is asserted is what the people involved see: the request page
// (getRequest), their mails (mail_outbox), their links, and the audit trail.

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  // the recipients asserted here are the demo city's approvers, not accounts other files created
  await retireStrayApprovers();
  a = await demoActors();
});

const approve = (actor: Actor, requestId: string) => decideStep({ actor, requestId, decision: 'approve' });
const lineOfA = (steps: RequestStep[]) => lineOf(steps, a);
const reject = (actor: Actor, requestId: string, comment: string) =>
  decideStep({ actor, requestId, decision: 'reject', comment });

describe('반려 and 재상신 (reject, revise, resubmit)', () => {
  it('returns the request to its drafter with the reason, then runs round 2 on the revised spec to approval', async () => {
    const request = await submitVm(a.staff);
    const reason = '용도를 구체적으로 적고 디스크를 늘려 다시 올려 주세요.';
    expect(await reject(a.head, request.id, reason)).toEqual({ requestStatus: 'rejected' });

    // what the drafter sees: rejected with the reason, and a mail saying so
    const rejected = await getRequest({ actor: a.staff, requestId: request.id });
    expect(rejected?.status).toBe('rejected');
    expect(lineOfA(rejected!.steps)).toEqual([
      [1, 'review', 'dept_approver', 'rejected'],
      [2, 'approve', 'it_reviewer', 'skipped'],
    ]);
    expect(rejected?.steps[0]).toMatchObject({ comment: reason, decidedBy: { id: a.head.id } });
    const mails = await mailsAbout(request.id);
    expect(mails.map((m) => [m.template, m.to])).toEqual([
      ['step-pending', demoEmails.head],
      ['request-rejected', demoEmails.staff],
    ]);
    expect(mails[1]?.text).toContain(reason);
    expect(mails[1]?.text).toContain(a.head.name);
    expect(await approvalLinks(request.steps[0]!.id)).toEqual([
      { userId: a.head.id, usedAt: null, voidedAt: expect.any(Date) },
    ]);

    // 재상신: a bigger disk, now for production — round 2 gets the line of the revised request
    const revised = await resubmitRequest({
      actor: a.staff,
      requestId: request.id,
      input: resubmitRequestInput.parse({
        spec: { name: request.spec.name, diskGb: 200 },
        environment: 'prod',
        purpose: '버스 도착 정보 서비스 운영 서버 (디스크 200 GB로 조정)',
      }),
    });
    expect(revised).toMatchObject({
      status: 'in_approval',
      round: 2,
      environment: 'prod',
      spec: { name: request.spec.name, diskGb: 200 },
      // 2 × 18,000 + 4 × 6,000 + 200 × 120
      estimate: { monthlyKrw: 84_000 },
    });
    expect(lineOfA(revised.steps)).toEqual([
      [1, 'review', 'dept_approver', 'pending'],
      [2, 'consult', 'planner', 'waiting'],
      [3, 'approve', 'it_reviewer', 'waiting'],
    ]);
    expect(revised.steps.every((s) => s.round === 2)).toBe(true);
    // round 1 stays, as it was decided, in the history
    expect(revised.history).toEqual(rejected!.steps);
    expect(revised.steps.map((s) => s.id)).not.toContain(request.steps[0]!.id);
    expect(await mailList(request.id)).toEqual([
      ['step-pending', demoEmails.head],
      ['request-rejected', demoEmails.staff],
      ['step-pending', demoEmails.head],
    ]);
    expect(await approvalLinks(revised.steps[0]!.id)).toEqual([
      { userId: a.head.id, usedAt: null, voidedAt: null },
    ]);
    expect((await auditRows(request.id)).map((r) => [r.action, r.after])).toEqual([
      ['request.submitted', { status: 'submitted', estimateMonthlyKrw: 72_000 }],
      ['request.line_frozen', expect.objectContaining({ status: 'in_approval', round: 1, steps: 2 })],
      ['request.rejected', { status: 'rejected', reason }],
      ['request.resubmitted', { status: 'submitted', round: 2, estimateMonthlyKrw: 84_000 }],
      ['request.line_frozen', expect.objectContaining({ status: 'in_approval', round: 2, steps: 3 })],
    ]);

    // round 2 runs to the end
    await approve(a.head, request.id);
    await approve(a.planner, request.id);
    expect(await approve(a.it, request.id)).toEqual({ requestStatus: 'approved' });
    const approved = await getRequest({ actor: a.staff, requestId: request.id });
    expect(approved?.status).toBe('approved');
    expect(approved?.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'approved']);
    expect(approved?.history).toEqual(rejected!.steps);
    expect((await mailList(request.id)).slice(3)).toEqual([
      ['step-pending', demoEmails.planner],
      ['step-pending', demoEmails.it],
      ['request-approved', demoEmails.staff],
    ]);
    expect(await provisioningJobs(request.id)).toHaveLength(1);
  });

  it.each([
    {
      label: 'someone other than the drafter resubmitting',
      who: 'head' as const,
      reject: true,
      code: 'forbidden' as const,
      messageKey: 'onlyRequesterResubmits',
    },
    {
      label: "another department's requester resubmitting",
      who: 'welfare' as const,
      reject: true,
      code: 'not_found' as const,
      messageKey: 'requestNotFound',
    },
    {
      label: 'resubmitting a request that was not rejected',
      who: 'staff' as const,
      reject: false,
      code: 'illegal_transition' as const,
      messageKey: 'notRejected',
    },
  ])('refuses $label and changes nothing', async (c) => {
    const request = await submitVm(a.staff);
    if (c.reject) await reject(a.head, request.id, '사유를 보완해 주세요.');
    const before = await requestSnapshot(request.id);
    const input = resubmitRequestInput.parse({
      spec: request.spec,
      environment: 'dev',
      purpose: '버스 도착 정보 서비스 부하 시험용 서버',
    });
    const error = await expectAppError(
      resubmitRequest({ actor: a[c.who], requestId: request.id, input }),
      c.code,
    );
    expect(error.messageKey).toBe(c.messageKey);
    expect(await requestSnapshot(request.id)).toEqual(before);
  });
});

describe('segregation of duties', () => {
  it('mails no link to a drafter who holds the approving role, and refuses their decision', async () => {
    // head@ is 교통국's department approver, the only one: step 1 names the drafter
    const request = await submitVm(a.head);
    expect(lineOfA(request.steps)[0]).toEqual([1, 'review', 'dept_approver', 'pending']);
    expect(request.steps[0]?.awaitsMe).toBe(false);
    expect(await mailsAbout(request.id)).toEqual([]);
    expect(await approvalLinks(request.steps[0]!.id)).toEqual([]);
    expect(
      (await listRequests({ actor: a.head, pendingForMe: true, limit: 100 })).items.map((r) => r.id),
    ).not.toContain(request.id);

    const before = await requestSnapshot(request.id);
    const error = await expectAppError(approve(a.head, request.id), 'forbidden', 403);
    expect(error.messageKey).toBe('ownRequest');
    await expectAppError(reject(a.head, request.id, '본인 반려'), 'forbidden', 403);
    expect(await requestSnapshot(request.id)).toEqual(before);
  });
});
