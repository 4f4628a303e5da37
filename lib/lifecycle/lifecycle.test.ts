import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { mailOutbox as outbox } from '@/db/schema/approvals';
import { capacityReservations, driftFindings } from '@/db/schema/capacity';
import { resourceEvents, resources, simServers } from '@/db/schema/resources';
import { belowThreshold, demoActors, expectAppError, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import { pollResource } from '@/lib/provisioning/poll-resource';
import { provisionRequest } from '@/lib/provisioning/provision-request';
import { reconcileClouds } from '@/lib/provisioning/reconcile-clouds';
import { getRequest } from '@/lib/requests/queries';
import { submitRequest, submitRequestInput } from '@/lib/requests/submit-request';
import { applyChange } from './apply-change';
import { pollChange } from './poll-change';
import { requestChange } from './request-change';
import { revertScaleUp } from './revert-scale-up';
import { seoulDay, sweepLeases } from './sweep-leases';

let a: Awaited<ReturnType<typeof demoActors>>;
beforeAll(async () => {
  a = await demoActors();
  process.env.SIM_BUILD_MS = '0';
  process.env.SIM_CALL_MS = '0';
});

/** An active default VM (2 vCPU · 4 GB), built on the simulator through the real jobs' functions. */
async function activeVm() {
  const request = await submitVm(a.staff, belowThreshold);
  await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
  await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
  await provisionRequest({ requestId: request.id });
  const [resource] = await getDb().select().from(resources).where(eq(resources.requestId, request.id));
  await pollResource({ resourceId: resource!.id });
  return (await getDb().select().from(resources).where(eq(resources.id, resource!.id)))[0]!;
}

/** Approves a change request through its line (head, then IT) and runs its jobs until it is done. */
async function approveAndApply(requestId: string) {
  await decideStep({ actor: a.head, requestId, decision: 'approve' });
  await decideStep({ actor: a.it, requestId, decision: 'approve' });
  await applyChange({ requestId });
  await pollChange({ requestId, revert: false });
}

async function heldFor(resourceId: string) {
  return getDb()
    .select({
      purpose: capacityReservations.purpose,
      vcpu: capacityReservations.vcpu,
      ramGb: capacityReservations.ramGb,
    })
    .from(capacityReservations)
    .where(and(eq(capacityReservations.resourceId, resourceId), eq(capacityReservations.status, 'held')))
    .orderBy(capacityReservations.purpose);
}

async function eventsOf(resourceId: string) {
  return (
    await getDb()
      .select({ type: resourceEvents.type })
      .from(resourceEvents)
      .where(eq(resourceEvents.resourceId, resourceId))
  ).map((e) => e.type);
}

describe('resize', () => {
  it('goes through the approval line, resizes in the cloud and holds the new size', async () => {
    const vm = await activeVm();
    const change = await requestChange({
      actor: a.staff,
      resourceId: vm.id,
      input: {
        kind: 'resize',
        change: { flavor: 'c4m8' },
        purpose: '민원 증가로 사양을 올립니다. 4 vCPU 필요',
      },
    });
    expect(change.status).toBe('in_approval');
    expect(change.estimate.monthlyKrw).toBeGreaterThan(0);
    await approveAndApply(change.id);

    const [after] = await getDb().select().from(resources).where(eq(resources.id, vm.id));
    expect(after?.status).toBe('active');
    expect((after!.spec as { flavor: string }).flavor).toBe('c4m8');
    expect(await heldFor(vm.id)).toEqual([{ purpose: 'primary', vcpu: 4, ramGb: 8 }]);
    expect((await getRequest({ actor: a.staff, requestId: change.id }))?.status).toBe('active');
    expect(await eventsOf(vm.id)).toEqual(expect.arrayContaining(['resize.started', 'resize.applied']));
  });

  it('refuses a change that makes no sense, changing nothing', async () => {
    const vm = await activeVm();
    const ask = (input: unknown) => requestChange({ actor: a.staff, resourceId: vm.id, input });
    await expectAppError(
      ask({ kind: 'resize', change: { flavor: 'c2m4' }, purpose: '같은 사양으로 바꾸기 시험' }),
      'bad_request',
      400,
    );
    await expectAppError(
      ask({ kind: 'resize', change: { diskGb: 50 }, purpose: '디스크를 줄이는 시험입니다' }),
      'bad_request',
      400,
    );
    await expectAppError(
      ask({ kind: 'resize', change: { instances: 3 }, purpose: 'VM에 인스턴스 수 시험' }),
      'bad_request',
      400,
    );
    await expectAppError(
      ask({ kind: 'resize', change: { flavor: 'nope' }, purpose: '없는 사양으로 바꾸기 시험' }),
      'bad_request',
      400,
    );
    await expectAppError(
      requestChange({
        actor: a.welfare,
        resourceId: vm.id,
        input: { kind: 'resize', change: { flavor: 'c4m8' }, purpose: '다른 부서가 바꾸려는 시험' },
      }),
      'not_found',
      404,
    );
  });
});

describe('temporary scale-up', () => {
  it('applies for its window and returns to the size before at its end, giving the extra back', async () => {
    const vm = await activeVm();
    const from = new Date();
    const until = new Date(from.getTime() + 3_600_000);
    const change = await requestChange({
      actor: a.staff,
      resourceId: vm.id,
      input: {
        kind: 'scale_up',
        change: { flavor: 'c8m16' },
        window: { from: from.toISOString(), until: until.toISOString() },
        purpose: '예약 시스템 개시일 트래픽 대응 증설',
      },
    });
    await approveAndApply(change.id);
    let [now] = await getDb().select().from(resources).where(eq(resources.id, vm.id));
    expect((now!.spec as { flavor: string }).flavor).toBe('c8m16');
    expect(await heldFor(vm.id)).toEqual([
      { purpose: 'primary', vcpu: 2, ramGb: 4 },
      { purpose: 'change', vcpu: 6, ramGb: 12 },
    ]);
    // the revert is queued for the end of the window
    const queued = await getDb().execute<{ start_after: Date }>(
      sql`select start_after from pgboss.job where name = 'lifecycle.revert-scale-up' and data->>'requestId' = ${change.id}`,
    );
    expect(new Date(queued.rows[0]!.start_after).getTime()).toBe(until.getTime());

    await revertScaleUp({ requestId: change.id });
    await pollChange({ requestId: change.id, revert: true });
    [now] = await getDb().select().from(resources).where(eq(resources.id, vm.id));
    expect(now?.status).toBe('active');
    expect((now!.spec as { flavor: string }).flavor).toBe('c2m4');
    expect(await heldFor(vm.id)).toEqual([{ purpose: 'primary', vcpu: 2, ramGb: 4 }]);
    expect(await eventsOf(vm.id)).toEqual(
      expect.arrayContaining([
        'scale_up.started',
        'scale_up.applied',
        'scale_up.reverting',
        'scale_up.reverted',
      ]),
    );
  });

  it('can be asked through POST /api/v1/requests with the scale-up catalogue item', async () => {
    const vm = await activeVm();
    const input = submitRequestInput.parse({
      catalogItemId: 'scale-up',
      systemId: vm.systemId,
      spec: {
        resourceId: vm.id,
        change: { flavor: 'c4m8' },
        window: { from: new Date().toISOString(), until: new Date(Date.now() + 86_400_000).toISOString() },
      },
      environment: 'dev',
      purpose: '월말 정산 기간 증설 요청입니다',
    });
    const { request } = await submitRequest({ actor: a.staff, input });
    expect(request).toMatchObject({ kind: 'scale_up', status: 'in_approval' });
    await expectAppError(
      submitRequest({ actor: a.staff, input: { ...input, spec: { resourceId: 'nope', change: {} } } }),
      'bad_request',
      400,
    );
  });

  it('needs a window that starts now or later and lasts at most 90 days', async () => {
    const vm = await activeVm();
    const at = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const ask = (window: unknown) =>
      requestChange({
        actor: a.staff,
        resourceId: vm.id,
        input: { kind: 'scale_up', change: { flavor: 'c4m8' }, window, purpose: '기간 검증 시험입니다 증설' },
      });
    await expectAppError(ask(undefined), 'bad_request');
    await expectAppError(ask({ from: at(-1), until: at(1) }), 'bad_request');
    await expectAppError(ask({ from: at(2), until: at(1) }), 'bad_request');
    await expectAppError(ask({ from: at(0), until: at(91) }), 'bad_request');
  });
});

describe('lease expiry', () => {
  it('warns 14 and 3 days ahead, once each, and hands the resource back after the grace period', async () => {
    const vm = await activeVm();
    const today = seoulDay(new Date());
    const day = (offset: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
    const setLease = (d: string) =>
      getDb().update(resources).set({ leaseUntil: d }).where(eq(resources.id, vm.id));
    const mails = async () =>
      (
        await getDb()
          .select({ key: outbox.dedupeKey })
          .from(outbox)
          .where(sql`${outbox.dedupeKey} like ${`lease-expiring:${vm.id}:%`}`)
      ).map((m) => m.key);

    await setLease(day(10));
    await sweepLeases({});
    await sweepLeases({});
    expect(await mails()).toEqual([`lease-expiring:${vm.id}:14`]);

    await setLease(day(2));
    await sweepLeases({});
    expect((await mails()).sort()).toEqual([`lease-expiring:${vm.id}:14`, `lease-expiring:${vm.id}:3`]);

    await setLease(day(-8));
    await sweepLeases({});
    const [gone] = await getDb().select().from(resources).where(eq(resources.id, vm.id));
    expect(gone?.status).toBe('decommissioning');
    expect(await eventsOf(vm.id)).toEqual(expect.arrayContaining(['lease.warned', 'lease.reclaimed']));
  });
});

describe('reconciler', () => {
  it('reports a server made behind the portal’s back as an orphan and a deleted one as missing, and clears them when fixed', async () => {
    const vm = await activeVm();
    const [orphan] = await getDb()
      .insert(simServers)
      .values({
        poolId: 'dc-primary',
        name: 'made-by-hand',
        idempotencyKey: `manual-${Date.now()}`,
        spec: {},
        readyAt: new Date(),
      })
      .returning();
    await getDb()
      .update(simServers)
      .set({ deletedAt: new Date() })
      .where(eq(simServers.id, vm.providerRef!.replace('sim-', '')));

    await reconcileClouds({});
    const open = await getDb().select().from(driftFindings).where(sql`${driftFindings.resolvedAt} is null`);
    expect(open).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'orphan', providerRef: `sim-${orphan!.id}`, name: 'made-by-hand' }),
        expect.objectContaining({ kind: 'missing', providerRef: vm.providerRef, resourceId: vm.id }),
      ]),
    );
    expect(await eventsOf(vm.id)).toContain('drift.missing');

    // fixed by hand: the orphan deleted, the missing one back
    await getDb().update(simServers).set({ deletedAt: new Date() }).where(eq(simServers.id, orphan!.id));
    await getDb()
      .update(simServers)
      .set({ deletedAt: null })
      .where(eq(simServers.id, vm.providerRef!.replace('sim-', '')));
    await reconcileClouds({});
    const still = await getDb()
      .select()
      .from(driftFindings)
      .where(
        and(
          sql`${driftFindings.resolvedAt} is null`,
          sql`${driftFindings.providerRef} in (${vm.providerRef}, ${`sim-${orphan!.id}`})`,
        ),
      );
    expect(still).toEqual([]);
  });
});
