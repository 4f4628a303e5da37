import { and, asc, eq, isNull, like, or } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { mailOutbox } from '@/db/schema/approvals';
import { userRoles, users } from '@/db/schema/org';
import { approvalSteps } from '@/db/schema/requests';
import { auditRows, belowThreshold, demoActors, submitVm } from '@/db/testing/fixtures';
import type { Role } from '@/lib/auth/actor';
import { decideStep } from './decide-step';
import { sweepPendingSteps } from './sweep-pending-steps';

// A fake clock: every sweep is given its `now`, and every step its pending_since. Working time is
// 09:00–18:00 Seoul, Monday to Friday, without public holidays (lib/calendar/working-hours.ts).
// 2026-11-20 is a Friday; 추석 2026 is Thursday 24 to Saturday 26 September.
const at = (iso: string) => new Date(iso);
const settings = { reminderWorkingHours: 8, escalationWorkingHours: 24 };
const sweepAt = (iso: string) => sweepPendingSteps({ now: at(iso), settings });

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

// Steps other test files left pending (pending since the real today) would be swept too once the
// fake clock is past them: mark them escalated, so each test counts only the steps it made.
beforeEach(async () => {
  await getDb()
    .update(approvalSteps)
    .set({ escalatedAt: new Date() })
    .where(and(eq(approvalSteps.status, 'pending'), isNull(approvalSteps.escalatedAt)));
});

/** A VM request of 교통국 whose first step (the department head's review) is pending since `iso`. */
async function pendingSince(iso: string) {
  const request = await submitVm(a.staff, belowThreshold);
  const [step] = await getDb()
    .update(approvalSteps)
    .set({ pendingSince: at(iso) })
    .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.status, 'pending')))
    .returning();
  if (!step) throw new Error('the request has no pending step');
  return { request, step };
}

async function stepRow(stepId: string) {
  const [row] = await getDb().select().from(approvalSteps).where(eq(approvalSteps.id, stepId));
  return row!;
}

/** The reminder and escalation mails about a step, by template and address. */
async function sweepMails(stepId: string) {
  return getDb()
    .select({ template: mailOutbox.template, to: mailOutbox.toAddress, text: mailOutbox.text })
    .from(mailOutbox)
    .where(
      or(
        like(mailOutbox.dedupeKey, `reminder:${stepId}:%`),
        like(mailOutbox.dedupeKey, `escalated:${stepId}:%`),
      ),
    )
    .orderBy(asc(mailOutbox.template), asc(mailOutbox.toAddress));
}

/** The addresses of the active holders of a role (in a department), read straight from the tables. */
async function holders(role: Role, departmentId?: string) {
  const rows = await getDb()
    .select({ email: users.email })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(
      and(
        eq(userRoles.role, role),
        eq(users.active, true),
        departmentId ? eq(users.departmentId, departmentId) : undefined,
      ),
    );
  return rows.map((r) => r.email);
}

const sorted = (list: string[]) => [...new Set(list)].sort();
const mailsTo = (template: string, emails: string[]) => sorted(emails).map((to) => ({ template, to }));

describe('the reminder', () => {
  it('waits for 8 working hours, then reminds every approver of the step once', async () => {
    const { request, step } = await pendingSince('2026-11-20T10:00+09:00');
    const heads = await holders('dept_approver', a.staff.departmentId);
    expect(heads).toContain(a.head.email);

    // 7 h 59 min of working time
    expect(await sweepAt('2026-11-20T17:59+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepMails(step.id)).toEqual([]);
    expect((await stepRow(step.id)).reminderSentAt).toBeNull();

    // 8 h: Friday 10:00 to 18:00
    expect(await sweepAt('2026-11-20T18:00+09:00')).toEqual({ reminded: 1, escalated: 0 });
    const mails = await sweepMails(step.id);
    expect(mails.map(({ template, to }) => ({ template, to }))).toEqual(mailsTo('step-reminder', heads));
    expect(mails[0]?.text).toContain(`/requests/${request.id}`);
    expect((await stepRow(step.id)).reminderSentAt).toEqual(at('2026-11-20T18:00+09:00'));
    expect(await auditRows(step.id)).toEqual([
      {
        action: 'step.reminded',
        actorId: null,
        before: { reminderSentAt: null },
        after: { requestId: request.id, waitingHours: 8, recipients: expect.any(Array) },
      },
    ]);

    // a later sweep, before the escalation period, sends nothing more
    expect(await sweepAt('2026-11-23T12:00+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepMails(step.id)).toHaveLength(mails.length);
    expect(await auditRows(step.id)).toHaveLength(1);
  });

  it('does not count the weekend: pending Friday 17:00, reminded Monday 16:00', async () => {
    const { step } = await pendingSince('2026-11-20T17:00+09:00');
    // 71 hours on the wall clock, 7 working hours
    expect(await sweepAt('2026-11-23T15:59+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepAt('2026-11-23T16:00+09:00')).toEqual({ reminded: 1, escalated: 0 });
    expect((await stepRow(step.id)).reminderSentAt).toEqual(at('2026-11-23T16:00+09:00'));
  });

  it('does not count 추석: pending the Wednesday before, reminded the Monday after at 14:00', async () => {
    const { step } = await pendingSince('2026-09-23T15:00+09:00');
    // 3 h on Wednesday; Thursday and Friday are 추석, then the weekend
    expect(await sweepAt('2026-09-25T15:00+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepAt('2026-09-28T13:59+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepAt('2026-09-28T14:00+09:00')).toEqual({ reminded: 1, escalated: 0 });
    expect((await stepRow(step.id)).reminderSentAt).toEqual(at('2026-09-28T14:00+09:00'));
  });

  it('is sent once however many sweeps run at the same time', async () => {
    const made = await Promise.all([1, 2, 3].map(() => pendingSince('2026-11-20T10:00+09:00')));
    const heads = await holders('dept_approver', a.staff.departmentId);

    const results = await Promise.all([1, 2, 3, 4].map(() => sweepAt('2026-11-20T18:00+09:00')));
    expect(results.reduce((sum, r) => sum + r.reminded, 0)).toBe(3);
    for (const { step } of made) {
      expect((await auditRows(step.id)).map((r) => r.action)).toEqual(['step.reminded']);
      expect(await sweepMails(step.id)).toEqual(
        mailsTo('step-reminder', heads).map((m) => ({ ...m, text: expect.any(String) })),
      );
    }
  });

  it('never reminds a decided step; the next step counts from when it became pending', async () => {
    const { request, step } = await pendingSince('2026-11-20T10:00+09:00');
    await decideStep({
      actor: a.head,
      requestId: request.id,
      decision: 'approve',
      now: at('2026-11-20T11:00+09:00'),
    });
    const [next] = await getDb()
      .select()
      .from(approvalSteps)
      .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.status, 'pending')));
    expect(next?.pendingSince).toEqual(at('2026-11-20T11:00+09:00'));

    // the decided step would be 9 working hours old by now; the next one is 7 h 59 min old
    expect(await sweepAt('2026-11-23T09:59+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepAt('2026-11-23T10:00+09:00')).toEqual({ reminded: 1, escalated: 0 });
    expect((await stepRow(step.id)).reminderSentAt).toBeNull();
    expect(await sweepMails(step.id)).toEqual([]);
    expect((await sweepMails(next!.id)).map((m) => m.to)).toEqual(sorted(await holders('it_reviewer')));
  });
});

describe('the escalation', () => {
  it('tells the approvers and every admin after 24 working hours, once', async () => {
    const { request, step } = await pendingSince('2026-11-20T10:00+09:00');
    const heads = await holders('dept_approver', a.staff.departmentId);
    const admins = await holders('admin');
    expect(admins).toContain(a.admin.email);

    expect(await sweepAt('2026-11-20T18:00+09:00')).toEqual({ reminded: 1, escalated: 0 });
    // Friday 8 h + Monday 9 h + Tuesday 6 h 59 min
    expect(await sweepAt('2026-11-24T15:59+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await sweepAt('2026-11-24T16:00+09:00')).toEqual({ reminded: 0, escalated: 1 });

    const escalations = (await sweepMails(step.id)).filter((m) => m.template === 'step-escalated');
    expect(escalations.map(({ template, to }) => ({ template, to }))).toEqual(
      mailsTo('step-escalated', [...heads, ...admins]),
    );
    expect(escalations[0]?.text).toContain(a.head.name);
    expect((await stepRow(step.id)).escalatedAt).toEqual(at('2026-11-24T16:00+09:00'));
    expect((await auditRows(step.id)).map((r) => [r.action, r.actorId])).toEqual([
      ['step.reminded', null],
      ['step.escalated', null],
    ]);
    expect((await auditRows(step.id))[1]?.after).toMatchObject({ requestId: request.id, waitingHours: 24 });

    expect(await sweepAt('2026-11-27T12:00+09:00')).toEqual({ reminded: 0, escalated: 0 });
    expect(await auditRows(step.id)).toHaveLength(2);
  });

  it('sends only the escalation to a step first swept past both periods', async () => {
    const { step } = await pendingSince('2026-11-20T10:00+09:00');
    expect(await sweepAt('2026-11-25T12:00+09:00')).toEqual({ reminded: 0, escalated: 1 });
    expect(new Set((await sweepMails(step.id)).map((m) => m.template))).toEqual(new Set(['step-escalated']));
    expect((await stepRow(step.id)).reminderSentAt).toBeNull();
  });
});
