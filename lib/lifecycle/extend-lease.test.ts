import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { resourceEvents, resources } from '@/db/schema/resources';
import { auditRows, demoActors, expectAppError } from '@/db/testing/fixtures';
import { decommissionResource } from '@/lib/resources/decommission-resource';
import { activeVm } from '@/lib/resources/test-fixtures';
import { extendLease } from './extend-lease';
import { addDays, addMonths, daysBetween, latestLeaseEnd } from './lease-dates';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
});

// 2026-11-25 09:00 in Seoul
const now = new Date('2026-11-25T00:00:00Z');
const today = '2026-11-25';

async function vmWithLease(leaseUntil: string | null, leaseNoticeDays: number | null = null) {
  const { resourceId } = await activeVm(a);
  await getDb().update(resources).set({ leaseUntil, leaseNoticeDays }).where(eq(resources.id, resourceId));
  return resourceId;
}
const stored = async (id: string) => (await getDb().select().from(resources).where(eq(resources.id, id)))[0]!;

describe('lease dates', () => {
  it.each([
    { label: 'a plain month', day: '2026-11-25', months: 1, expected: '2026-12-25' },
    { label: 'across the year', day: '2026-11-25', months: 12, expected: '2027-11-25' },
    { label: 'the 31st into a 30-day month', day: '2026-01-31', months: 3, expected: '2026-04-30' },
    { label: 'into February of a leap year', day: '2027-08-31', months: 6, expected: '2028-02-29' },
    { label: 'backwards', day: '2026-03-31', months: -1, expected: '2026-02-28' },
  ])('addMonths: $label', ({ day, months, expected }) => {
    expect(addMonths(day, months)).toBe(expected);
  });

  it('counts whole days and allows at most 12 months from today', () => {
    expect(daysBetween('2026-11-25', '2026-12-09')).toBe(14);
    expect(daysBetween('2026-11-25', '2026-11-20')).toBe(-5);
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(latestLeaseEnd(today)).toBe('2027-11-25');
  });
});

describe('extendLease (사용 기간 연장)', () => {
  it('moves the end later, restarts the warnings, and records the event and audit row', async () => {
    const id = await vmWithLease('2026-12-01', 3);

    expect(await extendLease({ actor: a.staff, resourceId: id, leaseUntil: '2027-03-31', now })).toEqual({
      leaseUntil: '2027-03-31',
    });

    const row = await stored(id);
    expect(row).toMatchObject({ leaseUntil: '2027-03-31', leaseNoticeDays: null });
    const events = await getDb().select().from(resourceEvents).where(eq(resourceEvents.resourceId, id));
    expect(events.at(-1)).toMatchObject({
      type: 'lease.extended',
      detail: { from: '2026-12-01', to: '2027-03-31' },
    });
    expect((await auditRows(id)).at(-1)).toMatchObject({
      action: 'resource.lease_extended',
      actorId: a.staff.id,
      before: { leaseUntil: '2026-12-01', leaseNoticeDays: 3 },
      after: { leaseUntil: '2027-03-31', leaseNoticeDays: null },
    });
  });

  it('gives a lease to a resource that had none, after today', async () => {
    const id = await vmWithLease(null);
    await extendLease({ actor: a.staff, resourceId: id, leaseUntil: '2026-11-26', now });
    expect((await stored(id)).leaseUntil).toBe('2026-11-26');
  });

  it.each([
    { who: 'head' as const, label: 'a department approver of its department' },
    { who: 'admin' as const, label: 'an admin' },
  ])('lets $label extend it too', async ({ who }) => {
    const id = await vmWithLease('2026-12-01');
    await extendLease({ actor: a[who], resourceId: id, leaseUntil: '2027-01-15', now });
    expect((await stored(id)).leaseUntil).toBe('2027-01-15');
  });

  it('refuses an IT reviewer or planner who may see it (403) and hides it from another department (404)', async () => {
    const id = await vmWithLease('2026-12-01');
    for (const who of ['it', 'planner'] as const) {
      const refused = await expectAppError(
        extendLease({ actor: a[who], resourceId: id, leaseUntil: '2027-01-15', now }),
        'forbidden',
        403,
      );
      expect(refused.messageKey).toBe('onlyOwnerExtendsLease');
    }
    await expectAppError(
      extendLease({ actor: a.welfareHead, resourceId: id, leaseUntil: '2027-01-15', now }),
      'not_found',
      404,
    );
    await expectAppError(
      extendLease({ actor: a.staff, resourceId: 'not-a-uuid', leaseUntil: '2027-01-15', now }),
      'not_found',
    );
    expect((await stored(id)).leaseUntil).toBe('2026-12-01');
  });

  it.each([
    { label: 'the current end itself', leaseUntil: '2026-12-01', key: 'leaseNotAfter' },
    { label: 'before the current end', leaseUntil: '2026-11-28', key: 'leaseNotAfter' },
    { label: 'more than 12 months from today', leaseUntil: '2027-11-26', key: 'leaseTooFar' },
    { label: 'no date at all', leaseUntil: '2027-02-30', key: 'validation.date' },
  ])('refuses $label, saying why beside the field', async ({ leaseUntil, key }) => {
    const id = await vmWithLease('2026-12-01', 14);
    const refused = await expectAppError(
      extendLease({ actor: a.staff, resourceId: id, leaseUntil, now }),
      'bad_request',
      400,
    );
    expect(refused.messageKey).toBe(key);
    expect(refused.details).toHaveProperty(['fieldErrors', 'leaseUntil']);
    expect(await stored(id)).toMatchObject({ leaseUntil: '2026-12-01', leaseNoticeDays: 14 });
  });

  it('accepts exactly 12 months from today, and refuses today for a lease that has run out', async () => {
    const ended = await vmWithLease('2026-11-20', 0);
    const refused = await expectAppError(
      extendLease({ actor: a.staff, resourceId: ended, leaseUntil: today, now }),
      'bad_request',
    );
    expect(refused.messageKey).toBe('validation.leaseFuture');
    await extendLease({ actor: a.staff, resourceId: ended, leaseUntil: '2027-11-25', now });
    expect((await stored(ended)).leaseUntil).toBe('2027-11-25');
  });

  it('refuses a resource being handed back (409)', async () => {
    const id = await vmWithLease('2026-12-01');
    await decommissionResource({ actor: a.staff, resourceId: id });
    const refused = await expectAppError(
      extendLease({ actor: a.staff, resourceId: id, leaseUntil: '2027-01-15', now }),
      'illegal_transition',
      409,
    );
    expect(refused.messageKey).toBe('leaseNeedsLive');
  });
});
