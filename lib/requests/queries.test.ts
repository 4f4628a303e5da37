import { beforeAll, describe, expect, it } from 'vitest';
import { aboveThreshold, belowThreshold, demoActors, submitVm } from '@/db/testing/fixtures';
import { decideStep } from '@/lib/approvals/decide-step';
import { getRequest, listRequests } from './queries';

let a: Awaited<ReturnType<typeof demoActors>>;
let trafficRequestId: string;
let welfareRequestId: string;
beforeAll(async () => {
  a = await demoActors();
  trafficRequestId = (await submitVm(a.staff, belowThreshold)).id;
  welfareRequestId = (await submitVm(a.welfare, { system: 'SYS-RELIEF' })).id;
});

const ids = async (options: Omit<Parameters<typeof listRequests>[0], 'limit'>) =>
  (await listRequests({ limit: 100, ...options })).items.map((r) => r.id);

describe('who sees a request', () => {
  it("hides 교통국's request from 복지국's requester and approver", async () => {
    for (const actor of [a.welfare, a.welfareHead]) {
      expect(await getRequest({ actor, requestId: trafficRequestId })).toBeNull();
      expect(await ids({ actor })).not.toContain(trafficRequestId);
      expect(await ids({ actor, pendingForMe: true })).not.toContain(trafficRequestId);
    }
  });

  it('shows each department its own requests', async () => {
    expect(await ids({ actor: a.welfare })).toContain(welfareRequestId);
    expect(await ids({ actor: a.staff })).toContain(trafficRequestId);
    expect(await ids({ actor: a.staff })).not.toContain(welfareRequestId);
  });

  it.each([
    { who: 'it' as const },
    { who: 'planner' as const },
    { who: 'admin' as const },
    { who: 'director' as const },
  ])('shows every department to $who', async ({ who }) => {
    expect((await getRequest({ actor: a[who], requestId: trafficRequestId }))?.id).toBe(trafficRequestId);
    expect((await getRequest({ actor: a[who], requestId: welfareRequestId }))?.id).toBe(welfareRequestId);
    const visible = await ids({ actor: a[who] });
    expect(visible).toEqual(expect.arrayContaining([trafficRequestId, welfareRequestId]));
  });

  it.each([
    { label: 'an id that is not a uuid', id: "1' or '1'='1" },
    { label: 'an id that does not exist', id: '00000000-0000-4000-8000-000000000000' },
  ])('answers null for $label', async ({ id }) => {
    expect(await getRequest({ actor: a.admin, requestId: id })).toBeNull();
  });
});

describe('request lists', () => {
  it('lists only what awaits the caller with pendingForMe, following the line', async () => {
    const request = await submitVm(a.staff, aboveThreshold);
    expect(await ids({ actor: a.head, pendingForMe: true })).toContain(request.id);
    expect(await ids({ actor: a.it, pendingForMe: true })).not.toContain(request.id);

    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    expect(await ids({ actor: a.head, pendingForMe: true })).not.toContain(request.id);
    expect(await ids({ actor: a.it, pendingForMe: true })).toContain(request.id);

    await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
    expect(await ids({ actor: a.it, pendingForMe: true })).not.toContain(request.id);
    expect(await ids({ actor: a.director, pendingForMe: true })).toContain(request.id);
  });

  it('never lists the caller their own request as pending for them', async () => {
    const own = await submitVm(a.head, belowThreshold);
    expect(await ids({ actor: a.head, pendingForMe: true })).not.toContain(own.id);
    const seen = await getRequest({ actor: a.head, requestId: own.id });
    expect(seen?.steps[0]?.awaitsMe).toBe(false);
  });

  it('lists only the caller’s own requests with mine', async () => {
    const others = await submitVm(a.head, belowThreshold);
    const mine = await ids({ actor: a.staff, mine: true });
    expect(mine).toContain(trafficRequestId);
    expect(mine).not.toContain(others.id);
  });

  it('filters by status', async () => {
    const rejected = await submitVm(a.staff, belowThreshold);
    await decideStep({ actor: a.head, requestId: rejected.id, decision: 'reject', comment: '불필요' });
    const list = await listRequests({ actor: a.staff, status: ['rejected'], limit: 100 });
    expect(list.items.map((r) => r.id)).toContain(rejected.id);
    expect(list.items.every((r) => r.status === 'rejected')).toBe(true);
    expect(await ids({ actor: a.staff, status: ['in_approval'] })).not.toContain(rejected.id);
  });

  it('pages newest first with a cursor, without repeats or gaps', async () => {
    for (let i = 0; i < 3; i++) await submitVm(a.staff, belowThreshold);
    const firstSix = (await ids({ actor: a.staff })).slice(0, 6);
    const paged: string[] = [];
    let cursor: number | undefined;
    for (let page = 0; page < 3; page++) {
      const result = await listRequests({ actor: a.staff, limit: 2, cursor });
      paged.push(...result.items.map((r) => r.id));
      expect(result.nextCursor).not.toBeNull();
      cursor = Number(result.nextCursor);
    }
    expect(paged).toEqual(firstSix);
    const numbers = (await listRequests({ actor: a.staff, limit: 100 })).items.map((r) => r.number);
    expect(numbers).toEqual([...numbers].sort().reverse());
  });
});
