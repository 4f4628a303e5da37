import { and, eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST as submitRoute } from '@/app/api/v1/requests/route';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { pools } from '@/db/schema/catalog';
import { departments } from '@/db/schema/org';
import { aboveThreshold, demoActors, expectAppError, submitVm, systemId } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { decideStep } from '@/lib/approvals/decide-step';
import { requestChange } from '@/lib/lifecycle/request-change';
import { activeVm } from '@/lib/resources/test-fixtures';
import { checkFit, type FitSummary, fitOfRequest } from './check-fit';
import type { Shortfall } from './fit';

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
  await restore();
});

async function restore() {
  const db = getDb();
  for (const p of saved.pools) await db.update(pools).set(p).where(eq(pools.id, p.id));
  await db.update(departments).set(saved.traffic).where(eq(departments.id, saved.traffic.id));
}

/** What is held in a pool now. */
async function heldIn(poolId: string) {
  const [row] = await getDb()
    .select({ vcpu: sql<number>`coalesce(sum(${capacityReservations.vcpu}), 0)::int` })
    .from(capacityReservations)
    .where(and(eq(capacityReservations.poolId, poolId), eq(capacityReservations.status, 'held')));
  return row!.vcpu;
}

/** Sizes the primary pool so that `vcpu` more fit, with plenty of everything else. */
async function leaveVcpu(vcpu: number) {
  await getDb()
    .update(pools)
    .set({
      physicalCores: (await heldIn('dc-primary')) + vcpu,
      overcommitPct: 100,
      capacityRamGb: 1_000_000,
      capacityStorageGb: 10_000_000,
    })
    .where(eq(pools.id, 'dc-primary'));
}

async function roomyQuota() {
  await getDb()
    .update(departments)
    .set({
      quotaVcpu: 100_000,
      quotaRamGb: 100_000,
      quotaStorageGb: 10_000_000,
      quotaMonthlyKrw: 2_000_000_000,
    })
    .where(eq(departments.id, a.staff.departmentId));
}

const defaultVm = {
  kind: 'vm' as const,
  spec: { flavor: 'c2m4', image: 'rocky-9', diskGb: 100 },
  drTier: 'none' as const,
};
const reservationCount = async () =>
  (await getDb().select({ n: sql<number>`count(*)::int` }).from(capacityReservations))[0]!.n;

describe('checkFit', () => {
  it('fits a default VM when there is room, shows the room left, and reserves nothing', async () => {
    await roomyQuota();
    await leaveVcpu(10);
    const before = await reservationCount();

    const fit = await checkFit({ departmentId: a.staff.departmentId, ...defaultVm });

    expect(fit.fits).toBe(true);
    expect(fit.shortfalls).toEqual([]);
    expect(fit.room.find((r) => r.scope === 'pool')).toMatchObject({
      of: 'dc-primary',
      available: { vcpu: 10, ramGb: expect.any(Number), storageGb: expect.any(Number), monthlyKrw: null },
    });
    expect(fit.room.find((r) => r.scope === 'quota')).toMatchObject({
      of: a.staff.departmentId,
      name: '교통국',
      nameEn: expect.any(String),
    });
    expect(await reservationCount()).toBe(before);
  });

  it('names the same shortfall final approval refuses with, for the pool', async () => {
    await roomyQuota();
    const request = await submitVm(a.staff);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    await leaveVcpu(1);

    const fit = await checkFit({
      departmentId: a.staff.departmentId,
      ...defaultVm,
      monthlyKrw: request.estimate.monthlyKrw,
    });
    const refusal = await expectAppError(
      decideStep({ actor: a.it, requestId: request.id, decision: 'approve' }),
      'capacity',
      409,
    );

    expect(fit.fits).toBe(false);
    expect(fit.shortfalls).toEqual([
      {
        scope: 'pool',
        of: 'dc-primary',
        name: expect.any(String),
        dimension: 'vcpu',
        requested: 2,
        available: 1,
      },
    ]);
    expect((refusal.details as { shortfalls: Shortfall[] }).shortfalls).toEqual(fit.shortfalls);
  });

  it('names the same shortfall final approval refuses with, for the department quota', async () => {
    await roomyQuota();
    await leaveVcpu(1_000);
    const request = await submitVm(a.staff);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    const [held] = await getDb()
      .select({ krw: sql<number>`coalesce(sum(${capacityReservations.monthlyKrw}), 0)::bigint` })
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
      .set({ quotaMonthlyKrw: Number(held!.krw) + 1_000 })
      .where(eq(departments.id, a.staff.departmentId));

    const fit = await checkFit({ departmentId: a.staff.departmentId, ...defaultVm });
    const refusal = await expectAppError(
      decideStep({ actor: a.it, requestId: request.id, decision: 'approve' }),
      'capacity',
    );

    expect(fit.shortfalls).toEqual([
      {
        scope: 'quota',
        of: a.staff.departmentId,
        name: '교통국',
        dimension: 'monthlyKrw',
        requested: request.estimate.monthlyKrw,
        available: 1_000,
      },
    ]);
    expect((refusal.details as { shortfalls: Shortfall[] }).shortfalls).toEqual(fit.shortfalls);
    expect(fit.room.find((r) => r.scope === 'quota')?.available.monthlyKrw).toBe(1_000);
  });

  it('counts the DR standby in the DR pool, not in the quota', async () => {
    await roomyQuota();
    await leaveVcpu(1_000);
    const fit = await checkFit({
      departmentId: a.staff.departmentId,
      kind: 'vm',
      spec: aboveThreshold.spec!,
      drTier: 'replicated',
    });
    expect(fit.room.filter((r) => r.scope === 'pool').map((r) => r.of)).toEqual(['dc-dr', 'dc-primary']);
    expect(fit.shortfalls.filter((s) => s.scope === 'quota')).toEqual([]);
  });

  it('asks only for what a resize adds to its resource', async () => {
    await roomyQuota();
    await leaveVcpu(1_000);
    const { resourceId } = await activeVm(a);
    await leaveVcpu(1);
    const fit = await checkFit({
      departmentId: a.staff.departmentId,
      kind: 'resize',
      spec: { change: { flavor: 'c4m8' } },
      drTier: 'none',
      monthlyKrw: 60_000,
      targetResourceId: resourceId,
    });
    expect(fit.shortfalls).toMatchObject([{ scope: 'pool', dimension: 'vcpu', requested: 2, available: 1 }]);
  });
});

describe('the fit in a submission’s answer', () => {
  type Submitted = { id: string; status: string; fit: FitSummary | null } & ApiError;

  it('POST /api/v1/requests answers 201 with the request and whether it fits now', async () => {
    await roomyQuota();
    await leaveVcpu(10);
    const token = await apiToken('staff');
    const body = {
      catalogItemId: 'vm-standard',
      systemId: await systemId('SYS-BIS'),
      spec: { name: `fit-${Date.now().toString(36)}` },
      environment: 'dev',
      purpose: '여유 확인이 답에 실리는지 보는 요청입니다',
    };
    const roomy = await callRoute<Submitted>(submitRoute, {
      method: 'POST',
      path: '/api/v1/requests',
      token,
      body,
    });
    expect(roomy.status).toBe(201);
    expect(roomy.body).toMatchObject({ status: 'in_approval', fit: { fits: true, shortfalls: [] } });
    expect(roomy.body).toHaveProperty('steps');

    await leaveVcpu(1);
    const short = await callRoute<Submitted>(submitRoute, {
      method: 'POST',
      path: '/api/v1/requests',
      token,
      body: { ...body, spec: { name: `fit-${Date.now().toString(36)}b` } },
    });
    // submitting is never refused for room: final approval decides
    expect(short.status).toBe(201);
    expect(short.body.fit).toEqual({
      fits: false,
      shortfalls: [expect.objectContaining({ scope: 'pool', dimension: 'vcpu', requested: 2, available: 1 })],
    });
  });

  it('checks a change request against its resource', async () => {
    await roomyQuota();
    await leaveVcpu(1_000);
    const { resourceId } = await activeVm(a);
    await leaveVcpu(0);
    const request = await requestChange({
      actor: a.staff,
      resourceId,
      input: { kind: 'resize', change: { flavor: 'c4m8' }, purpose: '사용자가 늘어 사양을 올립니다' },
    });
    expect(await fitOfRequest(request.id)).toEqual({
      fits: false,
      shortfalls: [expect.objectContaining({ scope: 'pool', dimension: 'vcpu', requested: 2, available: 0 })],
    });
  });
});
