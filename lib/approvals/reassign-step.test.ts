import { and, asc, eq, like } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { approvalTokens, mailOutbox } from '@/db/schema/approvals';
import { userRoles, users } from '@/db/schema/org';
import { approvalSteps } from '@/db/schema/requests';
import { auditRows, belowThreshold, demoActors, expectAppError, submitVm } from '@/db/testing/fixtures';
import { fieldErrorsOf, uniqueEmail } from '@/lib/admin/test-helpers';
import type { Actor } from '@/lib/auth/actor';
import { getRequest } from '@/lib/requests/queries';
import { decideStep } from './decide-step';
import { reassignStep } from './reassign-step';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

const reason = '부서장 장기 출장으로 결재가 멈춤';

/** A request of 교통국 drafted by `drafter`, and its first (pending) step: the department head's review. */
async function pendingReview(drafter: Actor) {
  const request = await submitVm(drafter, belowThreshold);
  const step = request.steps[0]!;
  expect(step).toMatchObject({ kind: 'review', status: 'pending' });
  return { request, stepId: step.id };
}

async function stepRow(stepId: string) {
  const [row] = await getDb().select().from(approvalSteps).where(eq(approvalSteps.id, stepId));
  return row!;
}

/** The step's email links, oldest first, with the address each was issued to. */
async function links(stepId: string) {
  return getDb()
    .select({ id: approvalTokens.id, to: users.email, voidedAt: approvalTokens.voidedAt })
    .from(approvalTokens)
    .innerJoin(users, eq(users.id, approvalTokens.userId))
    .where(eq(approvalTokens.stepId, stepId))
    .orderBy(asc(approvalTokens.createdAt), asc(approvalTokens.id));
}

/** The 'step-pending' mails about the step, oldest first. */
async function pendingMails(stepId: string) {
  return getDb()
    .select({ template: mailOutbox.template, to: mailOutbox.toAddress })
    .from(mailOutbox)
    .where(and(like(mailOutbox.dedupeKey, `pending:${stepId}:%`), eq(mailOutbox.template, 'step-pending')))
    .orderBy(asc(mailOutbox.createdAt), asc(mailOutbox.id));
}

/** Everything a reassignment touches, to show a refused one changed nothing. */
async function snapshot(stepId: string) {
  return {
    step: await stepRow(stepId),
    links: await links(stepId),
    mails: await pendingMails(stepId),
    audit: await auditRows(stepId),
  };
}

describe('reassignStep', () => {
  it('moves a pending step to another approver: the old links are void and the new approver is mailed one', async () => {
    const { request, stepId } = await pendingReview(a.staff);
    expect((await links(stepId)).map((l) => [l.to, l.voidedAt])).toEqual([['head@dcloud.example', null]]);

    await reassignStep({ actor: a.admin, stepId, userId: a.welfareHead.id, reason });

    const after = await links(stepId);
    expect(after.map((l) => [l.to, l.voidedAt === null])).toEqual([
      ['head@dcloud.example', false],
      ['welfare-head@dcloud.example', true],
    ]);
    expect(await pendingMails(stepId)).toEqual([
      { template: 'step-pending', to: 'head@dcloud.example' },
      { template: 'step-pending', to: 'welfare-head@dcloud.example' },
    ]);
    expect(await stepRow(stepId)).toMatchObject({
      status: 'pending',
      approverUserId: a.welfareHead.id,
      approverRole: null,
      approverDepartmentId: null,
    });
    const [audit] = await auditRows(stepId);
    expect(audit).toMatchObject({ action: 'step.reassigned', actorId: a.admin.id });
    expect(audit?.after).toMatchObject({ approverUserId: a.welfareHead.id, reason });

    // the department head no longer holds the step; the new approver decides it
    await expectAppError(
      decideStep({ actor: a.head, requestId: request.id, decision: 'approve' }),
      'conflict',
    );
    expect(await decideStep({ actor: a.welfareHead, requestId: request.id, decision: 'approve' })).toEqual({
      requestStatus: 'in_approval',
    });
    const decided = await getRequest({ actor: a.admin, requestId: request.id });
    expect(decided?.steps.map((s) => [s.status, s.decidedBy?.id ?? null])).toEqual([
      ['approved', a.welfareHead.id],
      ['pending', null],
    ]);
  });

  it('mails a fresh link when a step comes back to someone who had one before', async () => {
    const { stepId } = await pendingReview(a.staff);
    await reassignStep({ actor: a.admin, stepId, userId: a.welfareHead.id, reason });
    await reassignStep({ actor: a.admin, stepId, userId: a.head.id, reason: '출장에서 돌아옴' });

    const open = (await links(stepId)).filter((l) => l.voidedAt === null);
    expect(open.map((l) => l.to)).toEqual(['head@dcloud.example']);
    expect((await pendingMails(stepId)).map((m) => m.to)).toEqual([
      'head@dcloud.example',
      'welfare-head@dcloud.example',
      'head@dcloud.example',
    ]);
  });

  it('refuses the drafter and changes nothing, then unsticks the step with someone else', async () => {
    // the department head drafts: the only dept_approver of 교통국 is the drafter, so nobody is asked
    const { request, stepId } = await pendingReview(a.head);
    expect(await links(stepId)).toEqual([]);
    const before = await snapshot(stepId);

    const error = await expectAppError(
      reassignStep({ actor: a.admin, stepId, userId: a.head.id, reason }),
      'forbidden',
    );
    expect(error.messageKey).toBe('ownRequest');
    expect(await snapshot(stepId)).toEqual(before);

    await reassignStep({ actor: a.admin, stepId, userId: a.welfareHead.id, reason });
    expect((await links(stepId)).map((l) => l.to)).toEqual(['welfare-head@dcloud.example']);
    expect(await decideStep({ actor: a.welfareHead, requestId: request.id, decision: 'approve' })).toEqual({
      requestStatus: 'in_approval',
    });
  });

  it('refuses someone who cannot approve and changes nothing', async () => {
    const { stepId } = await pendingReview(a.staff);
    const [inactive] = await getDb()
      .insert(users)
      .values({
        email: uniqueEmail('away'),
        name: '휴직 결재권자',
        departmentId: a.head.departmentId,
        active: false,
      })
      .returning();
    await getDb().insert(userRoles).values({ userId: inactive!.id, role: 'dept_approver' });
    const before = await snapshot(stepId);

    for (const userId of [a.welfare.id, a.staff.id, inactive!.id]) {
      const error = await expectAppError(
        reassignStep({ actor: a.admin, stepId, userId, reason }),
        'bad_request',
      );
      expect(fieldErrorsOf(error)).toEqual({ userId: ['errors.notAnApprover'] });
    }
    expect(await snapshot(stepId)).toEqual(before);
  });

  it('refuses a step that is not pending', async () => {
    const { request } = await pendingReview(a.staff);
    const waiting = request.steps[1]!;
    expect(waiting.status).toBe('waiting');
    const error = await expectAppError(
      reassignStep({ actor: a.admin, stepId: waiting.id, userId: a.it.id, reason }),
      'illegal_transition',
    );
    expect(error.messageKey).toBe('stepNotPending');
  });

  it('refuses anyone but an admin', async () => {
    const { stepId } = await pendingReview(a.staff);
    const before = await snapshot(stepId);
    for (const actor of [a.head, a.it, a.director, a.planner]) {
      await expectAppError(
        reassignStep({ actor, stepId, userId: a.welfareHead.id, reason }),
        'forbidden',
        403,
      );
    }
    expect(await snapshot(stepId)).toEqual(before);
  });
});
