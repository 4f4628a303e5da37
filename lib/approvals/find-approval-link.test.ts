import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { approvalTokens } from '@/db/schema/approvals';
import { demoActors, demoEmails, retireStrayApprovers, submitVm } from '@/db/testing/fixtures';
import { linkSnapshot, mailedLink } from '@/db/testing/mail-links';
import type { Actor } from '@/lib/auth/actor';
import { cancelRequest } from '@/lib/requests/cancel-request';
import { generateToken } from '@/lib/tokens/token-hash';
import { createDelegation } from './create-delegation';
import { decideStep } from './decide-step';
import { findApprovalLink } from './find-approval-link';
import { revokeDelegation } from './revoke-delegation';
import { seoulDate } from './step-approvers';

// GET /approve/<token> reads through findApprovalLink: mail scanners open links, so looking must
// change nothing, and any token — tampered, malformed, stale — gets an answer, never an error.

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  await retireStrayApprovers();
  a = await demoActors();
});

const named: { actor: Actor; id: string }[] = [];
afterEach(async () => {
  for (const d of named.splice(0)) await revokeDelegation({ actor: d.actor, delegationId: d.id });
});

/** One character changed, still the right shape: only the hash lookup can tell. */
const tamper = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');

describe('a fresh link', () => {
  it('is usable, shows the request and its step, and opening it (twice) changes nothing', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    const before = await linkSnapshot(request.id);

    const link = await findApprovalLink({ token });
    await findApprovalLink({ token });

    expect(await linkSnapshot(request.id)).toEqual(before);
    expect(link.state).toBe('usable');
    if (link.state !== 'usable') return;
    expect(link.actor.id).toBe(a.head.id);
    expect(link.actingFor).toBeNull();
    expect(link.request).toMatchObject({
      id: request.id,
      number: request.number,
      status: 'in_approval',
      requesterName: a.staff.name,
      purpose: request.purpose,
      estimate: { monthlyKrw: 72_000 },
    });
    expect(link.step).toMatchObject({ id: request.steps[0]!.id, status: 'pending', awaitsMe: true });
    expect(link.request.steps.map((s) => s.status)).toEqual(['pending', 'waiting']);
    // 72 hours by default
    expect(link.link.expiresAt.getTime() - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expect(link.link.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);
  });

  it('is stored only as a hash', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    const rows = (await linkSnapshot(request.id)).links;
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.slice(4));
  });
});

describe('a link that cannot decide', () => {
  it('is invalid when one character of the token is changed, and nothing changes', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    const before = await linkSnapshot(request.id);
    expect(await findApprovalLink({ token: tamper(token) })).toEqual({ state: 'invalid' });
    expect(await linkSnapshot(request.id)).toEqual(before);
    expect((await findApprovalLink({ token })).state).toBe('usable');
  });

  it.each([
    { label: 'empty', token: '' },
    { label: 'the prefix alone', token: 'apv_' },
    { label: 'too short', token: 'apv_abc' },
    { label: 'an API token', token: generateToken() },
    { label: 'never issued', token: generateToken().replace('dcp_', 'apv_') },
    { label: 'SQL', token: "apv_' or '1'='1" },
    { label: 'very long', token: `apv_${'A'.repeat(100_000)}` },
    { label: 'not text', token: { toString: (): string => 'apv_x' } },
    { label: 'missing', token: undefined },
  ])('is invalid when the token is $label', async ({ token }) => {
    expect(await findApprovalLink({ token })).toEqual({ state: 'invalid' });
  });

  it('is expired once its time has passed, and nothing changes', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    await getDb()
      .update(approvalTokens)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(approvalTokens.stepId, request.steps[0]!.id));
    const before = await linkSnapshot(request.id);
    expect(await findApprovalLink({ token })).toEqual({
      state: 'expired',
      request: { id: request.id, number: request.number },
    });
    expect(await linkSnapshot(request.id)).toEqual(before);
  });

  it('is void once its step was decided in the portal', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    expect((await findApprovalLink({ token })).state).toBe('void');
  });

  it('is void once the drafter cancelled the request', async () => {
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.head);
    await cancelRequest({ actor: a.staff, requestId: request.id });
    expect((await findApprovalLink({ token })).state).toBe('void');
  });

  it('is void for a substitute whose delegation was revoked', async () => {
    const today = seoulDate(new Date());
    const { id } = await createDelegation({
      actor: a.head,
      substituteId: a.welfareHead.id,
      startsOn: today,
      endsOn: today,
      reason: '연가',
    });
    const request = await submitVm(a.staff);
    const { token } = await mailedLink(request.id, demoEmails.welfareHead);
    expect((await findApprovalLink({ token })).state).toBe('usable');
    await revokeDelegation({ actor: a.head, delegationId: id });
    expect((await findApprovalLink({ token })).state).toBe('void');
  });
});

describe('a substitute’s link (대결)', () => {
  it('is usable and says whom they act for', async () => {
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
    const link = await findApprovalLink({
      token: (await mailedLink(request.id, demoEmails.welfareHead)).token,
    });
    expect(link.state).toBe('usable');
    if (link.state !== 'usable') return;
    expect(link.actor.id).toBe(a.welfareHead.id);
    expect(link.actingFor).toEqual({ id: a.head.id, name: a.head.name });
    expect(link.step.awaitsMeActingFor).toEqual({ id: a.head.id, name: a.head.name });
  });
});
