import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { approvalSteps } from '@/db/schema/requests';
import { belowThreshold, demoActors, expectAppError, submitVm } from '@/db/testing/fixtures';
import type { Actor } from '@/lib/auth/actor';
import { decideStep } from './decide-step';
import { reassignStep } from './reassign-step';
import { listStuckSteps } from './stuck-steps';

// A fake clock: working time is 09:00–18:00 Seoul, Monday to Friday (lib/calendar/working-hours.ts).
// 2026-11-16 is a Monday.
const at = (iso: string) => new Date(iso);
const now = at('2026-11-17T12:00:00+09:00');

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

/** A request of 교통국 by `drafter` whose first step (the department head's review) is pending since `iso`. */
async function pendingSince(drafter: Actor, iso: string) {
  const request = await submitVm(drafter, belowThreshold);
  await getDb()
    .update(approvalSteps)
    .set({ pendingSince: at(iso) })
    .where(and(eq(approvalSteps.requestId, request.id), eq(approvalSteps.status, 'pending')));
  return request;
}

// the whole suite shares one database: other files leave many steps pending, so ask for all of them
const mine = async (requestIds: string[]) =>
  (await listStuckSteps({ actor: a.admin, now, limit: 100_000 })).filter((s) =>
    requestIds.includes(s.requestId),
  );

describe('listStuckSteps', () => {
  it('lists pending steps oldest first, with their working-hours age and who can act', async () => {
    const newer = await pendingSince(a.staff, '2026-11-17T10:00:00+09:00');
    const older = await pendingSince(a.staff, '2026-11-16T09:00:00+09:00');

    const steps = await mine([newer.id, older.id]);
    expect(steps.map((s) => [s.number, s.workingHours])).toEqual([
      [older.number, 12], // Monday 9 hours + Tuesday 3 hours
      [newer.number, 2],
    ]);
    expect(steps[0]).toMatchObject({
      stepId: older.steps[0]!.id,
      item: { nameKo: '가상 서버' },
      department: { nameKo: '교통국' },
      requester: { id: a.staff.id, name: a.staff.name },
      kind: 'review',
      approver: { role: 'dept_approver', department: { nameKo: '교통국' }, user: null },
      pendingSince: at('2026-11-16T09:00:00+09:00'),
      reminded: false,
      escalated: false,
    });
    expect(steps[0]!.canAct.map((p) => p.email)).toContain('head@dcloud.example');
  });

  it('shows a step nobody can act on, and the person it was reassigned to', async () => {
    // the only department head of 교통국 drafted it: nobody is asked
    const request = await pendingSince(a.head, '2026-11-16T09:00:00+09:00');
    const [vacant] = await mine([request.id]);
    expect(vacant?.canAct.filter((p) => p.actingFor === null)).toEqual([]);

    await reassignStep({
      actor: a.admin,
      stepId: vacant!.stepId,
      userId: a.welfareHead.id,
      reason: '결재자 없음',
    });
    const [moved] = await mine([request.id]);
    expect(moved?.approver).toEqual({
      role: null,
      department: null,
      user: { id: a.welfareHead.id, name: a.welfareHead.name, email: a.welfareHead.email },
    });
    expect(moved?.canAct.map((p) => p.email)).toContain('welfare-head@dcloud.example');
  });

  it('drops a step once it is decided', async () => {
    const request = await pendingSince(a.staff, '2026-11-16T09:00:00+09:00');
    const [before] = await mine([request.id]);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    const after = await mine([request.id]);
    // the IT review is pending now, not the department head's
    expect(after.map((s) => s.stepId)).not.toContain(before!.stepId);
    expect(after.map((s) => s.approver.role)).toEqual(['it_reviewer']);
  });

  it('refuses anyone but an admin', async () => {
    await expectAppError(listStuckSteps({ actor: a.it }), 'forbidden', 403);
  });
});
