import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import {
  aboveThreshold,
  auditRows,
  belowThreshold,
  demoActors,
  expectAppError,
  mailsAbout,
  provisioningJobs,
  requestSnapshot,
  submitVm,
} from '@/db/testing/fixtures';
import type { Actor } from '@/lib/auth/actor';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { getRequest } from '@/lib/requests/queries';
import { decideStep, decisionInput } from './decide-step';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

const approve = (actor: Actor, requestId: string) => decideStep({ actor, requestId, decision: 'approve' });

describe('the approval line', () => {
  it('makes the request approved once the department head and IT approve, and queues provisioning', async () => {
    const request = await submitVm(a.staff, belowThreshold);
    expect(request.status).toBe('in_approval');
    expect(request.estimate.monthlyKrw).toBe(72_000);
    expect(request.steps.map((s) => [s.approver.role, s.status])).toEqual([
      ['dept_approver', 'pending'],
      ['it_reviewer', 'waiting'],
    ]);

    expect(await approve(a.head, request.id)).toEqual({ requestStatus: 'in_approval' });
    const afterHead = await getRequest({ actor: a.staff, requestId: request.id });
    expect(afterHead?.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    expect(await provisioningJobs(request.id)).toEqual([]);

    // 전결: below the threshold IT's approval is final
    expect(await approve(a.it, request.id)).toEqual({ requestStatus: 'approved' });
    const approved = await getRequest({ actor: a.staff, requestId: request.id });
    expect(approved?.status).toBe('approved');
    expect(approved?.steps.map((s) => s.status)).toEqual(['approved', 'approved']);
    expect(approved?.steps.map((s) => s.decidedBy?.id)).toEqual([a.head.id, a.it.id]);
    expect(await provisioningJobs(request.id)).toEqual([
      { name: 'provisioning.create', state: 'created', singleton_key: request.id },
    ]);
    expect((await auditRows(request.id)).map((r) => r.action)).toEqual([
      'request.submitted',
      'request.line_frozen',
      'request.approved',
    ]);
  });

  it('requires the director above the 전결 threshold', async () => {
    const request = await submitVm(a.staff, aboveThreshold);
    expect(request.estimate.monthlyKrw).toBe(1_857_744);
    expect(request.steps.map((s) => s.approver.role)).toEqual([
      'dept_approver',
      'it_reviewer',
      'senior_approver',
    ]);

    await approve(a.head, request.id);
    expect(await approve(a.it, request.id)).toEqual({ requestStatus: 'in_approval' });
    const waiting = await getRequest({ actor: a.director, requestId: request.id });
    expect(waiting?.status).toBe('in_approval');
    expect(waiting?.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'pending']);
    expect(waiting?.steps[2]?.awaitsMe).toBe(true);
    expect(await provisioningJobs(request.id)).toEqual([]);

    expect(await approve(a.director, request.id)).toEqual({ requestStatus: 'approved' });
    expect((await requestSnapshot(request.id)).status).toBe('approved');
    expect(await provisioningJobs(request.id)).toHaveLength(1);
  });
});

describe('the 협조 of a production request', () => {
  it('has the IT planner consult between the department head and IT', async () => {
    const request = await submitVm(a.staff, { environment: 'prod' });
    expect(request.steps.map((s) => [s.order, s.kind, s.approver.role, s.status])).toEqual([
      [1, 'review', 'dept_approver', 'pending'],
      [2, 'consult', 'planner', 'waiting'],
      [3, 'approve', 'it_reviewer', 'waiting'],
    ]);

    await approve(a.head, request.id);
    await expectAppError(approve(a.it, request.id), 'conflict', 409);
    expect(await approve(a.planner, request.id)).toEqual({ requestStatus: 'in_approval' });
    const consulted = await getRequest({ actor: a.it, requestId: request.id });
    expect(consulted?.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'pending']);
    expect(consulted?.steps[1]?.decidedBy?.id).toBe(a.planner.id);
    expect(consulted?.steps[2]?.awaitsMe).toBe(true);

    expect(await approve(a.it, request.id)).toEqual({ requestStatus: 'approved' });
  });
});

describe('rejection (반려)', () => {
  it('returns the request to the drafter with the reason and skips the remaining steps', async () => {
    const request = await submitVm(a.staff, aboveThreshold);
    await approve(a.head, request.id);

    const reason = '예산 검토 후 다시 신청해 주세요.';
    expect(
      await decideStep({ actor: a.it, requestId: request.id, decision: 'reject', comment: reason }),
    ).toEqual({
      requestStatus: 'rejected',
    });

    const seen = await getRequest({ actor: a.staff, requestId: request.id });
    expect(seen?.status).toBe('rejected');
    expect(seen?.steps.map((s) => s.status)).toEqual(['approved', 'rejected', 'skipped']);
    expect(seen?.steps[1]).toMatchObject({ comment: reason, decidedBy: { id: a.it.id } });
    expect(await provisioningJobs(request.id)).toEqual([]);

    const stepAudit = await auditRows(request.steps[1]!.id);
    expect(stepAudit).toEqual([
      {
        action: 'step.rejected',
        actorId: a.it.id,
        before: { status: 'pending' },
        after: {
          status: 'rejected',
          comment: reason,
          requestId: request.id,
          actingFor: null,
          via: 'session',
        },
      },
    ]);
    const requestAudit = await auditRows(request.id);
    expect(requestAudit.at(-1)).toEqual({
      action: 'request.rejected',
      actorId: a.it.id,
      before: { status: 'in_approval' },
      after: { status: 'rejected', reason },
    });
  });

  it.each([
    { label: 'no comment', input: { decision: 'reject' } },
    { label: 'a blank comment', input: { decision: 'reject', comment: '   ' } },
  ])('refuses a rejection with $label', ({ input }) => {
    const result = decisionInput.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['comment', 'errors.rejectReasonRequired'],
    ]);
  });

  it('accepts an approval without a comment', () => {
    expect(decisionInput.parse({ decision: 'approve' })).toEqual({ decision: 'approve' });
  });
});

describe('decisions that are not allowed change nothing', () => {
  type Case = {
    label: string;
    code: 'illegal_transition' | 'conflict' | 'forbidden';
    status: number;
    /** brings a fresh request to the state the case starts from, and returns the refused act */
    arrange: (requestId: string) => Promise<() => Promise<unknown>>;
  };
  const cases: Case[] = [
    {
      label: 'the department head approving the same step twice',
      code: 'conflict',
      status: 409,
      arrange: async (id) => {
        await approve(a.head, id);
        return () => approve(a.head, id);
      },
    },
    {
      label: 'IT deciding step 1, which awaits the department head',
      code: 'conflict',
      status: 409,
      arrange: async (id) => () => approve(a.it, id),
    },
    {
      label: 'the director deciding before IT has approved',
      code: 'conflict',
      status: 409,
      arrange: async (id) => {
        await approve(a.head, id);
        return () => approve(a.director, id);
      },
    },
    {
      label: "another department's head approving",
      code: 'conflict',
      status: 409,
      arrange: async (id) => () => approve(a.welfareHead, id),
    },
    {
      label: 'approving a cancelled request',
      code: 'illegal_transition',
      status: 409,
      arrange: async (id) => {
        await cancelRequest({ actor: a.staff, requestId: id });
        return () => approve(a.head, id);
      },
    },
    {
      label: 'approving a rejected request',
      code: 'illegal_transition',
      status: 409,
      arrange: async (id) => {
        await decideStep({ actor: a.head, requestId: id, decision: 'reject', comment: '사유 부족' });
        return () => approve(a.it, id);
      },
    },
    {
      label: 'approving an approved request',
      code: 'illegal_transition',
      status: 409,
      arrange: async (id) => {
        await approve(a.head, id);
        await approve(a.it, id);
        await approve(a.director, id);
        return () => approve(a.director, id);
      },
    },
    {
      label: 'a requester deciding',
      code: 'forbidden',
      status: 403,
      arrange: async (id) => () => approve(a.staff, id),
    },
    {
      // planners sign the 협조 of production requests, never a dev request's review
      label: 'a planner deciding the step that awaits the department head',
      code: 'conflict',
      status: 409,
      arrange: async (id) => () => approve(a.planner, id),
    },
    {
      label: 'cancelling by someone who is not the drafter',
      code: 'forbidden',
      status: 403,
      arrange: async (id) => () => cancelRequest({ actor: a.head, requestId: id }),
    },
    {
      label: 'cancelling an approved request',
      code: 'illegal_transition',
      status: 409,
      arrange: async (id) => {
        await approve(a.head, id);
        await approve(a.it, id);
        await approve(a.director, id);
        return () => cancelRequest({ actor: a.staff, requestId: id });
      },
    },
    {
      label: 'cancelling twice',
      code: 'illegal_transition',
      status: 409,
      arrange: async (id) => {
        await cancelRequest({ actor: a.staff, requestId: id });
        return () => cancelRequest({ actor: a.staff, requestId: id });
      },
    },
  ];

  it.each(cases)('$label answers $status ($code)', async ({ code, status, arrange }) => {
    const request = await submitVm(a.staff, aboveThreshold);
    const act = await arrange(request.id);
    const before = await requestSnapshot(request.id);

    await expectAppError(act(), code, status);

    expect(await requestSnapshot(request.id)).toEqual(before);
  });

  it("answers 404 to cancelling another department's request, as if it did not exist", async () => {
    const request = await submitVm(a.staff, belowThreshold);
    const before = await requestSnapshot(request.id);
    await expectAppError(cancelRequest({ actor: a.welfare, requestId: request.id }), 'not_found', 404);
    expect(await requestSnapshot(request.id)).toEqual(before);
  });

  it('lets nobody approve their own request, even an approver who drafted it', async () => {
    const request = await submitVm(a.head, belowThreshold);
    const before = await requestSnapshot(request.id);
    const error = await expectAppError(approve(a.head, request.id), 'forbidden', 403);
    expect(error.messageKey).toBe('ownRequest');
    expect(await requestSnapshot(request.id)).toEqual(before);
  });

  it('lets only one of two simultaneous approvals of the same step win', async () => {
    const request = await submitVm(a.staff, belowThreshold);
    const results = await Promise.allSettled([approve(a.head, request.id), approve(a.head, request.id)]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const seen = await requestSnapshot(request.id);
    expect(seen.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    expect((await auditRows(request.steps[0]!.id)).map((r) => r.action)).toEqual(['step.approved']);
  });
});

describe('the job queue commits with the decision', () => {
  it('leaves no provisioning job when the final approval fails to commit', async () => {
    const request = await submitVm(a.staff, belowThreshold);
    await approve(a.head, request.id);
    const before = await requestSnapshot(request.id);

    // a check PostgreSQL runs at COMMIT, after decideStep has enqueued: the commit fails
    const db = getDb();
    await db.execute(sql`
      create or replace function vitest_refuse_commit() returns trigger language plpgsql as $$
      begin raise exception 'vitest: commit refused'; end $$`);
    await db.execute(
      sql.raw(`create constraint trigger vitest_refuse_commit after update on requests
        deferrable initially deferred for each row
        when (new.id = '${request.id}' and new.status = 'approved')
        execute function vitest_refuse_commit()`),
    );
    try {
      await expect(approve(a.it, request.id)).rejects.toMatchObject({
        query: 'commit',
        cause: { message: 'vitest: commit refused' },
      });
    } finally {
      await db.execute(sql`drop trigger vitest_refuse_commit on requests`);
      await db.execute(sql`drop function vitest_refuse_commit()`);
    }

    expect(await provisioningJobs(request.id)).toEqual([]);
    expect(await requestSnapshot(request.id)).toEqual(before);
    expect((await mailsAbout(request.id)).map((m) => m.template)).not.toContain('request-approved');

    // and the same approval, committed, leaves exactly one job and tells the requester once
    await approve(a.it, request.id);
    expect(await provisioningJobs(request.id)).toHaveLength(1);
    expect((await mailsAbout(request.id)).filter((m) => m.template === 'request-approved')).toEqual([
      expect.objectContaining({ to: a.staff.email }),
    ]);
  });
});
