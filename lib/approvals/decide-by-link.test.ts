import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { getDb } from '@/db';
import { approvalTokens } from '@/db/schema/approvals';
import {
  approvalLinks,
  auditRows,
  demoActors,
  demoEmails,
  mailList,
  retireStrayApprovers,
  submitVm,
} from '@/db/testing/fixtures';
import { linkSnapshot, mailedLink } from '@/db/testing/mail-links';
import type { Actor } from '@/lib/auth/actor';
import { getRequest } from '@/lib/requests/queries';
import { createDelegation } from './create-delegation';
import { decideByLink } from './decide-by-link';
import { decideStep } from './decide-step';
import { findApprovalLink } from './find-approval-link';
import { revokeDelegation } from './revoke-delegation';
import { seoulDate } from './step-approvers';

// POST /approve/<token>: the link authenticates one decision of one step by one person, once.

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  await retireStrayApprovers();
  a = await demoActors();
});

const named: { actor: Actor; id: string }[] = [];
afterEach(async () => {
  for (const d of named.splice(0)) await revokeDelegation({ actor: d.actor, delegationId: d.id });
});

const tamper = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

describe('deciding by link', () => {
  it('approves as the person it was mailed to, uses the link, and mails the next approver', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);

    const result = await decideByLink({ token, decision: 'approve', ip: '203.0.113.7' });

    expect(result).toEqual({
      ok: true,
      decision: 'approve',
      requestStatus: 'in_approval',
      request: { id: request.id, number: request.number },
      actingFor: null,
    });
    const seen = await getRequest({ actor: a.staff, requestId: request.id });
    expect(seen?.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    expect(seen?.steps[0]?.decidedBy?.id).toBe(a.head.id);
    expect(await auditRows(request.steps[0]!.id)).toEqual([
      {
        action: 'step.approved',
        actorId: a.head.id,
        before: { status: 'pending' },
        after: {
          status: 'approved',
          comment: null,
          requestId: request.id,
          actingFor: null,
          via: 'email_link',
        },
      },
    ]);
    // the link is spent, and the IT reviewer has a link of their own
    expect((await approvalLinks(request.steps[0]!.id)).map((l) => l.usedAt !== null)).toEqual([true]);
    expect((await findApprovalLink({ token })).state).toBe('used');
    expect(await mailList(request.id)).toEqual([
      ['step-pending', demoEmails.head],
      ['step-pending', demoEmails.it],
    ]);
    const next = await mailedLink(request.id, demoEmails.it);
    expect((await findApprovalLink({ token: next.token })).state).toBe('usable');
  });

  it('rejects with a reason, which the drafter is mailed', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    const comment = '사양을 줄여 다시 신청해 주세요.';
    const result = await decideByLink({ token, decision: 'reject', comment });
    expect(result).toMatchObject({ ok: true, decision: 'reject', requestStatus: 'rejected' });
    const seen = await getRequest({ actor: a.staff, requestId: request.id });
    expect(seen?.status).toBe('rejected');
    expect(seen?.steps[0]).toMatchObject({ status: 'rejected', comment });
    expect((await mailList(request.id)).at(-1)).toEqual(['request-rejected', demoEmails.staff]);
  });

  it('refuses to reject without a reason, and nothing changes', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    const before = await linkSnapshot(request.id);
    for (const comment of [undefined, '', '   ']) {
      const error = await decideByLink({ token, decision: 'reject', comment }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ZodError);
      expect((error as ZodError).issues[0]?.message).toBe('errors.rejectReasonRequired');
    }
    expect(await linkSnapshot(request.id)).toEqual(before);
    expect((await findApprovalLink({ token })).state).toBe('usable');
  });
});

describe('a link that cannot decide changes nothing', () => {
  it('when it is replayed', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    await decideByLink({ token, decision: 'approve' });
    const before = await linkSnapshot(request.id);

    expect(await decideByLink({ token, decision: 'approve' })).toEqual({
      ok: false,
      state: 'used',
      request: { id: request.id, number: request.number },
    });
    expect(await decideByLink({ token, decision: 'reject', comment: '다시' })).toMatchObject({
      ok: false,
      state: 'used',
    });
    expect(await linkSnapshot(request.id)).toEqual(before);
  });

  it('when two tabs post it at once: one decides, the other is told it was used', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    const results = await Promise.all([
      decideByLink({ token, decision: 'approve' }),
      decideByLink({ token, decision: 'reject', comment: '동시에' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.state)).toEqual([
      expect.stringMatching(/^(used|void)$/),
    ]);
    expect((await auditRows(request.steps[0]!.id)).map((r) => r.action)).toHaveLength(1);
  });

  it('when it has expired', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    await getDb()
      .update(approvalTokens)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(approvalTokens.stepId, request.steps[0]!.id));
    const before = await linkSnapshot(request.id);
    expect(await decideByLink({ token, decision: 'approve' })).toMatchObject({ ok: false, state: 'expired' });
    expect(await linkSnapshot(request.id)).toEqual(before);
  });

  it('when its token was tampered with', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    const before = await linkSnapshot(request.id);
    expect(await decideByLink({ token: tamper(token), decision: 'approve' })).toEqual({
      ok: false,
      state: 'invalid',
    });
    expect(await linkSnapshot(request.id)).toEqual(before);
  });

  it('when its step was decided in the portal (the link is void)', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    const before = await linkSnapshot(request.id);
    expect(await decideByLink({ token, decision: 'reject', comment: '늦은 반려' })).toMatchObject({
      ok: false,
      state: 'void',
    });
    expect(await linkSnapshot(request.id)).toEqual(before);
  });
});

describe('a substitute’s link (대결)', () => {
  it('decides as acting for the approver, and voids the approver’s own link', async () => {
    const today = seoulDate(new Date());
    const { id } = await createDelegation({
      actor: a.head,
      substituteId: a.welfareHead.id,
      startsOn: today,
      endsOn: today,
      reason: '연가',
    });
    named.push({ actor: a.head, id });
    const request = await submitVm(a.staff);
    const substitute = await mailedLink(request.id, demoEmails.welfareHead);
    const own = await mailedLink(request.id, demoEmails.head);

    const result = await decideByLink({
      token: substitute.token,
      decision: 'approve',
      comment: '대결합니다',
    });
    expect(result).toMatchObject({ ok: true, actingFor: { id: a.head.id, name: a.head.name } });

    const seen = await getRequest({ actor: a.staff, requestId: request.id });
    expect(seen?.steps[0]).toMatchObject({
      status: 'approved',
      decidedBy: { id: a.welfareHead.id },
      actingFor: { id: a.head.id, name: a.head.name },
    });
    expect((await auditRows(request.steps[0]!.id))[0]?.after).toMatchObject({
      actingFor: { id: a.head.id, name: a.head.name },
      via: 'email_link',
    });
    expect(await decideByLink({ token: own.token, decision: 'approve' })).toMatchObject({
      ok: false,
      state: 'void',
    });
  });
});
