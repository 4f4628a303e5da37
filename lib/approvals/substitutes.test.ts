import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  approvalLinks,
  auditRows,
  demoActors,
  demoEmails,
  expectAppError,
  mailList,
  requestSnapshot,
  retireStrayApprovers,
  submitVm,
} from '@/db/testing/fixtures';
import type { Actor } from '@/lib/auth/actor';
import { getRequest, listRequests } from '@/lib/requests/queries';
import { createDelegation } from './create-delegation';
import { decideStep } from './decide-step';
import { reassignStep } from './reassign-step';
import { revokeDelegation } from './revoke-delegation';
import { seoulDate } from './step-approvers';

// 대결: an approver names a substitute who may decide for them over a range of Seoul dates.
// Delegations outlive a test, and a substitute sees and decides across departments: every test
// revokes what it named, so 복지국's head is a stranger to 교통국 again for the files after this one.

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  // the recipients asserted here are the demo city's approvers, not accounts other files created
  await retireStrayApprovers();
  a = await demoActors();
});

const named: { actor: Actor; id: string }[] = [];
afterEach(async () => {
  for (const d of named.splice(0)) await revokeDelegation({ actor: d.actor, delegationId: d.id });
});

const day = (offsetDays: number) => seoulDate(new Date(Date.now() + offsetDays * 86_400_000));

/** `actor` names `substitute` from `startsOn` to `endsOn` (Seoul dates, both inclusive). */
async function delegate(actor: Actor, substitute: Actor, startsOn = day(0), endsOn = day(0)) {
  const { id } = await createDelegation({
    actor,
    substituteId: substitute.id,
    startsOn,
    endsOn,
    reason: '연가',
  });
  named.push({ actor, id });
  return id;
}

const pendingFor = async (actor: Actor) =>
  (await listRequests({ actor, pendingForMe: true, limit: 100 })).items.map((r) => r.id);

describe('대결 (a substitute decides for an absent approver)', () => {
  it('mails the approver and the substitute, and records who decided for whom', async () => {
    await delegate(a.head, a.welfareHead);
    const request = await submitVm(a.staff);

    // both can act on step 1, each with a link of their own
    expect(await mailList(request.id)).toEqual([
      ['step-pending', demoEmails.head],
      ['step-pending', demoEmails.welfareHead],
    ]);
    expect((await approvalLinks(request.steps[0]!.id)).map((l) => l.userId).sort()).toEqual(
      [a.head.id, a.welfareHead.id].sort(),
    );
    const asSubstitute = await getRequest({ actor: a.welfareHead, requestId: request.id });
    expect(asSubstitute?.steps[0]).toMatchObject({
      status: 'pending',
      awaitsMe: true,
      awaitsMeActingFor: { id: a.head.id, name: a.head.name },
    });
    expect(await pendingFor(a.welfareHead)).toContain(request.id);

    const comment = '부서장 연가로 대결합니다.';
    expect(
      await decideStep({ actor: a.welfareHead, requestId: request.id, decision: 'approve', comment }),
    ).toEqual({
      requestStatus: 'in_approval',
    });

    const seen = await getRequest({ actor: a.staff, requestId: request.id });
    expect(seen?.steps[0]).toMatchObject({
      status: 'approved',
      decidedBy: { id: a.welfareHead.id, name: a.welfareHead.name },
      actingFor: { id: a.head.id, name: a.head.name },
      comment,
    });
    expect(seen?.steps[1]?.status).toBe('pending');
    expect(await auditRows(request.steps[0]!.id)).toEqual([
      {
        action: 'step.approved',
        actorId: a.welfareHead.id,
        before: { status: 'pending' },
        after: {
          status: 'approved',
          comment,
          requestId: request.id,
          actingFor: { id: a.head.id, name: a.head.name },
          via: 'session',
        },
      },
    ]);
    // decided once, for good: the head's own link is void and the step no longer awaits them
    expect((await approvalLinks(request.steps[0]!.id)).every((l) => l.voidedAt !== null)).toBe(true);
    await expectAppError(
      decideStep({ actor: a.head, requestId: request.id, decision: 'approve' }),
      'conflict',
      409,
    );
  });

  it('records the approver deciding for themselves as acting for nobody, while a substitute is named', async () => {
    await delegate(a.head, a.welfareHead);
    const request = await submitVm(a.staff);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    const seen = await getRequest({ actor: a.staff, requestId: request.id });
    expect(seen?.steps[0]).toMatchObject({ decidedBy: { id: a.head.id }, actingFor: null });
    // and the substitute's power ends with the step
    await expectAppError(
      decideStep({ actor: a.welfareHead, requestId: request.id, decision: 'approve' }),
      'conflict',
      409,
    );
  });

  it.each([
    { label: 'that ended yesterday', startsOn: day(-3), endsOn: day(-1), revoke: false },
    { label: 'that starts tomorrow', startsOn: day(1), endsOn: day(5), revoke: false },
    { label: 'for today that was revoked', startsOn: day(0), endsOn: day(0), revoke: true },
  ])('gives a delegation $label no power', async (c) => {
    const id = await delegate(a.head, a.welfareHead, c.startsOn, c.endsOn);
    if (c.revoke) {
      await revokeDelegation({ actor: a.head, delegationId: id });
      named.pop();
    }
    const request = await submitVm(a.staff);

    expect(await mailList(request.id)).toEqual([['step-pending', demoEmails.head]]);
    expect(await getRequest({ actor: a.welfareHead, requestId: request.id })).toBeNull();
    expect(await pendingFor(a.welfareHead)).not.toContain(request.id);
    const before = await requestSnapshot(request.id);
    const error = await expectAppError(
      decideStep({ actor: a.welfareHead, requestId: request.id, decision: 'approve' }),
      'conflict',
      409,
    );
    expect(error.messageKey).toBe('nothingAwaitsYou');
    expect(await requestSnapshot(request.id)).toEqual(before);
  });

  it('never lets a substitute decide a request they drafted themselves', async () => {
    // 복지국's head drafts; their own department's review names them, so nobody is mailed
    await delegate(a.head, a.welfareHead);
    const request = await submitVm(a.welfareHead, { system: 'SYS-RELIEF' });
    expect(await mailList(request.id)).toEqual([]);

    // the admin moves the stuck step to 교통국's head, whose substitute the drafter is today
    await reassignStep({
      actor: a.admin,
      stepId: request.steps[0]!.id,
      userId: a.head.id,
      reason: '기안자가 부서장이므로 타 부서장에게 재지정',
    });
    expect(await mailList(request.id)).toEqual([['step-pending', demoEmails.head]]);
    expect((await approvalLinks(request.steps[0]!.id)).map((l) => l.userId)).toEqual([a.head.id]);
    const asDrafter = await getRequest({ actor: a.welfareHead, requestId: request.id });
    expect(asDrafter?.steps[0]).toMatchObject({
      status: 'pending',
      awaitsMe: false,
      awaitsMeActingFor: null,
    });
    expect(await pendingFor(a.welfareHead)).not.toContain(request.id);

    const before = await requestSnapshot(request.id);
    const error = await expectAppError(
      decideStep({ actor: a.welfareHead, requestId: request.id, decision: 'approve' }),
      'forbidden',
      403,
    );
    expect(error.messageKey).toBe('ownRequest');
    expect(await requestSnapshot(request.id)).toEqual(before);

    // the approver it was moved to decides as usual
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    const seen = await getRequest({ actor: a.welfareHead, requestId: request.id });
    expect(seen?.steps[0]).toMatchObject({
      status: 'approved',
      decidedBy: { id: a.head.id },
      actingFor: null,
    });
  });
});
