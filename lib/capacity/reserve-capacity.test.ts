import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDb, getPool } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { departments } from '@/db/schema/org';
import { approvalSteps, auditLog, requests } from '@/db/schema/requests';
import { aboveThreshold, belowThreshold, demoActors, expectAppError, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import { type AppError, isAppError } from '@/lib/errors/app-error';
import { errorMessage } from '@/lib/i18n/translate-error';
import { poolCapacity } from './fit';

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

/**
 * Requests by the department head's review, waiting for IT's final approval (전결). Made `lanes` at a
 * time: the setup of the race below is not what it measures.
 */
async function awaitingFinalApproval(n: number, lanes = 1) {
  const out: Awaited<ReturnType<typeof submitVm>>[] = [];
  let started = 0;
  const lane = async () => {
    while (started < n) {
      started++;
      const request = await submitVm(a.staff, belowThreshold);
      await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
      out.push(request);
    }
  };
  await Promise.all(Array.from({ length: Math.min(lanes, n) }, lane));
  return out;
}

describe('capacity reservation at final approval', () => {
  it('lets exactly 50 of 200 concurrent final approvals through a pool with room for 50', async () => {
    await getDb()
      .update(departments)
      .set({
        quotaVcpu: 100_000,
        quotaRamGb: 100_000,
        quotaStorageGb: 10_000_000,
        quotaMonthlyKrw: 2_000_000_000,
      })
      .where(eq(departments.id, a.staff.departmentId));
    const waiting = await awaitingFinalApproval(200, 4);
    const ids = waiting.map((r) => r.id);
    const before = await leaveRoomFor(50);
    const [pool] = await getDb().select().from(pools).where(eq(pools.id, 'dc-primary'));

    // all 200 at once: the process's pool (DB_POOL_MAX, 10 here) lends its connections in turn and
    // queues the rest, and each final approval waits for the pool row's lock in its transaction
    const dbPool = getPool();
    let queuedAtPeak = 0;
    const sample = setInterval(() => {
      queuedAtPeak = Math.max(queuedAtPeak, dbPool.waitingCount);
    }, 5);
    const started = performance.now();
    const results = await Promise.allSettled(
      ids.map((requestId) => decideStep({ actor: a.it, requestId, decision: 'approve' })),
    );
    const raceMs = Math.round(performance.now() - started);
    clearInterval(sample);
    console.log(
      `200 final approvals against room for 50: ${raceMs} ms, up to ${queuedAtPeak} waiting for one of ${dbPool.options.max} connections`,
    );

    const approvedIds = ids.filter((_, i) => results[i]!.status === 'fulfilled');
    const refusedIds = ids.filter((_, i) => results[i]!.status === 'rejected');
    expect(approvedIds).toHaveLength(50);
    expect(refusedIds).toHaveLength(150);
    // every refusal is the capacity conflict naming the pool, not a deadlock or a timeout
    for (const result of results) {
      if (result.status === 'fulfilled') continue;
      const error = result.reason;
      expect(isAppError(error) && error.code === 'capacity' && error.status === 409, String(error)).toBe(
        true,
      );
      expect((error as AppError).messageKey).toBe('capacityPool');
    }

    // the pool holds exactly 50 default VMs more (2 vCPU · 4 GB · 100 GB each): full to the vCPU, never over
    const after = await held('dc-primary');
    expect({
      vcpu: after.vcpu - before.vcpu,
      ramGb: after.ramGb - before.ramGb,
      storageGb: after.storageGb - before.storageGb,
    }).toEqual({ vcpu: 100, ramGb: 200, storageGb: 5_000 });
    expect(after.vcpu).toBe(poolCapacity(pool!).vcpu);
    const reservations = await getDb()
      .select({ requestId: capacityReservations.requestId })
      .from(capacityReservations)
      .where(inArray(capacityReservations.requestId, ids));
    expect(reservations.map((r) => r.requestId).sort()).toEqual([...approvedIds].sort());

    const statuses = await getDb()
      .select({ status: requests.status, n: sql<number>`count(*)::int` })
      .from(requests)
      .where(inArray(requests.id, ids))
      .groupBy(requests.status);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({
      approved: 50,
      in_approval: 150,
    });
    // a refused approval changed nothing: IT's step still waits for them
    const pending = await getDb()
      .select({ requestId: approvalSteps.requestId })
      .from(approvalSteps)
      .where(and(inArray(approvalSteps.requestId, ids), eq(approvalSteps.status, 'pending')));
    expect(pending.map((s) => s.requestId).sort()).toEqual([...refusedIds].sort());

    // one audit row per approval (IT's step and the request), none for a refusal
    const audit = await getDb()
      .select({ action: auditLog.action, entityId: auditLog.entityId })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorId, a.it.id),
          inArray(auditLog.action, ['step.approved', 'request.approved']),
          or(
            inArray(auditLog.entityId, ids),
            inArray(
              auditLog.entityId,
              getDb()
                .select({ id: sql<string>`${approvalSteps.id}::text` })
                .from(approvalSteps)
                .where(inArray(approvalSteps.requestId, ids)),
            ),
          ),
        ),
      );
    const requestAudit = audit.filter((row) => row.action === 'request.approved').map((row) => row.entityId);
    expect(requestAudit.sort()).toEqual([...approvedIds].sort());
    expect(audit.filter((row) => row.action === 'step.approved')).toHaveLength(50);

    // provisioning queued once for each approval, never for a refusal
    const jobs = await getDb().execute<{ request_id: string }>(
      sql`select data->>'requestId' as request_id from pgboss.job
          where name = 'provisioning.create' and data->>'requestId' = any(${sql.param(ids)}::text[])`,
    );
    expect(jobs.rows.map((j) => j.request_id).sort()).toEqual([...approvedIds].sort());
  }, 180_000);

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
