import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { departments } from '@/db/schema/org';
import { approvalSteps, requests } from '@/db/schema/requests';
import {
  aboveThreshold,
  belowThreshold,
  demoActors,
  expectAppError,
  provisioningJobs,
  submitVm,
} from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import { isAppError } from '@/lib/errors/app-error';
import { errorMessage } from '@/lib/i18n/translate-error';

let a: Awaited<ReturnType<typeof demoActors>>;
let saved: { pools: (typeof pools.$inferSelect)[]; traffic: typeof departments.$inferSelect };

beforeAll(async () => {
  a = await demoActors();
  const db = getDb();
  saved = {
    pools: await db.select().from(pools),
    traffic: (await db.select().from(departments).where(eq(departments.id, a.staff.departmentId)))[0]!,
  };
});

afterAll(async () => {
  // other test files share this database: give the pools and the department their sizes back
  const db = getDb();
  for (const p of saved.pools) await db.update(pools).set(p).where(eq(pools.id, p.id));
  await db.update(departments).set(saved.traffic).where(eq(departments.id, saved.traffic.id));
});

/** What a pool holds now. */
async function held(poolId: string) {
  const [row] = await getDb()
    .select({
      vcpu: sql<number>`coalesce(sum(${capacityReservations.vcpu}), 0)::int`,
      ramGb: sql<number>`coalesce(sum(${capacityReservations.ramGb}), 0)::int`,
      storageGb: sql<number>`coalesce(sum(${capacityReservations.storageGb}), 0)::int`,
    })
    .from(capacityReservations)
    .where(and(eq(capacityReservations.poolId, poolId), eq(capacityReservations.status, 'held')));
  return row!;
}

/** Sizes the primary pool so that exactly `room` more default VMs (2 vCPU · 4 GB · 100 GB) fit by vCPU. */
async function leaveRoomFor(room: number) {
  const now = await held('dc-primary');
  await getDb()
    .update(pools)
    .set({
      physicalCores: now.vcpu + 2 * room,
      overcommitPct: 100,
      capacityRamGb: 1_000_000,
      capacityStorageGb: 10_000_000,
    })
    .where(eq(pools.id, 'dc-primary'));
  return now;
}

/** Requests by the department head's review, waiting for IT's final approval (전결). */
async function awaitingFinalApproval(n: number) {
  const out = [];
  for (let i = 0; i < n; i++) {
    const request = await submitVm(a.staff, belowThreshold);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    out.push(request);
  }
  return out;
}

describe('capacity reservation at final approval', () => {
  it('lets exactly 40 of 100 concurrent final approvals through a pool with room for 40', async () => {
    await getDb()
      .update(departments)
      .set({
        quotaVcpu: 100_000,
        quotaRamGb: 100_000,
        quotaStorageGb: 10_000_000,
        quotaMonthlyKrw: 2_000_000_000,
      })
      .where(eq(departments.id, a.staff.departmentId));
    const waiting = await awaitingFinalApproval(100);
    const before = await leaveRoomFor(40);

    const results = await Promise.allSettled(
      waiting.map((r) => decideStep({ actor: a.it, requestId: r.id, decision: 'approve' })),
    );

    const approved = results.filter((r) => r.status === 'fulfilled');
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason);
    expect(approved).toHaveLength(40);
    expect(refused).toHaveLength(60);
    for (const error of refused) {
      expect(isAppError(error) && error.code === 'capacity' && error.status === 409).toBe(true);
    }
    // the pool is full to the vCPU, never over
    const after = await held('dc-primary');
    expect(after.vcpu - before.vcpu).toBe(80);
    const ids = waiting.map((r) => r.id);
    const statuses = await getDb()
      .select({ status: requests.status, n: sql<number>`count(*)::int` })
      .from(requests)
      .where(inArray(requests.id, ids))
      .groupBy(requests.status);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({
      approved: 40,
      in_approval: 60,
    });
    // a refused approval changed nothing: IT's step still waits for them, and nothing was queued
    const refusedIds = (
      await getDb()
        .select({ id: requests.id })
        .from(requests)
        .where(and(inArray(requests.id, ids), eq(requests.status, 'in_approval')))
    ).map((r) => r.id);
    const pending = await getDb()
      .select({ n: sql<number>`count(*)::int` })
      .from(approvalSteps)
      .where(and(inArray(approvalSteps.requestId, refusedIds), eq(approvalSteps.status, 'pending')));
    expect(pending[0]!.n).toBe(60);
    expect((await provisioningJobs(refusedIds[0]!)).length).toBe(0);
  }, 120_000);

  it('names what does not fit, in Korean, when the pool is full', async () => {
    const [request] = await awaitingFinalApproval(1);
    await leaveRoomFor(0);
    const error = await expectAppError(
      decideStep({ actor: a.it, requestId: request!.id, decision: 'approve' }),
      'capacity',
      409,
    );
    expect(errorMessage('ko', error)).toMatch(/자원 풀 ‘.+’에 남은 vCPU이\(가\) 부족합니다: 2 필요, 0 남음/);
  });

  it('refuses an approval beyond the department quota, naming the quota', async () => {
    await leaveRoomFor(1_000);
    const [request] = await awaitingFinalApproval(1);
    const heldByTraffic = await getDb()
      .select({ ramGb: sql<number>`coalesce(sum(${capacityReservations.ramGb}), 0)::int` })
      .from(capacityReservations)
      .where(
        and(
          eq(capacityReservations.departmentId, a.staff.departmentId),
          eq(capacityReservations.status, 'held'),
          inArray(capacityReservations.purpose, ['primary', 'change']),
        ),
      );
    await getDb()
      .update(departments)
      .set({ quotaRamGb: heldByTraffic[0]!.ramGb + 3 })
      .where(eq(departments.id, a.staff.departmentId));
    const error = await expectAppError(
      decideStep({ actor: a.it, requestId: request!.id, decision: 'approve' }),
      'capacity',
      409,
    );
    expect(errorMessage('ko', error)).toContain(
      '부서 ‘교통국’의 할당량 중 메모리(GB)이(가) 부족합니다: 4 필요, 3 남음',
    );
    await getDb()
      .update(departments)
      .set({ quotaRamGb: 100_000 })
      .where(eq(departments.id, a.staff.departmentId));
  });

  it('reserves the standby in the DR pool for a replicated resource', async () => {
    await leaveRoomFor(1_000);
    await getDb()
      .update(departments)
      .set({ quotaMonthlyKrw: 2_000_000_000 })
      .where(eq(departments.id, a.staff.departmentId));
    const request = await submitVm(a.staff, aboveThreshold);
    for (const who of ['head', 'it', 'director'] as const) {
      await decideStep({ actor: a[who], requestId: request.id, decision: 'approve' });
    }
    const rows = await getDb()
      .select({
        pool: capacityReservations.poolId,
        purpose: capacityReservations.purpose,
        vcpu: capacityReservations.vcpu,
        storageGb: capacityReservations.storageGb,
        monthlyKrw: capacityReservations.monthlyKrw,
      })
      .from(capacityReservations)
      .where(eq(capacityReservations.requestId, request.id))
      .orderBy(capacityReservations.purpose);
    expect(rows).toEqual([
      {
        pool: 'dc-primary',
        purpose: 'primary',
        vcpu: 16,
        storageGb: 2048,
        monthlyKrw: request.estimate.monthlyKrw,
      },
      { pool: 'dc-dr', purpose: 'dr', vcpu: 16, storageGb: 2048, monthlyKrw: 0 },
    ]);
  });
});
