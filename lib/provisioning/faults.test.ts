import { type ChildProcess, spawn } from 'node:child_process';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { PgBoss } from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '@/db';
import { capacityReservations } from '@/db/schema/capacity';
import { requests } from '@/db/schema/requests';
import { resources, simServers } from '@/db/schema/resources';
import { belowThreshold, demoActors, submitVm } from '@/db/testing/fixtures';
import { waitFor } from '@/db/testing/wait-for';
import { decideStep } from '@/lib/approvals/decide-step';
import { installQueues } from '@/lib/jobs/boss';
import { runWorker } from '@/lib/jobs/run-worker';

// Faults on the simulator, with real workers on the real queue: whatever the cloud does, every
// approved request ends active or failed with a reason, nothing is made twice, nothing is left in
// the cloud that the portal does not hold, and no pool holds more than it has.

const url = () => process.env.DATABASE_URL!;
const fastQueues = [
  'provisioning.create',
  'provisioning.poll',
  'provisioning.cleanup',
  'provisioning.decommission',
];
let a: Awaited<ReturnType<typeof demoActors>>;
const env = { ...process.env };

beforeAll(async () => {
  a = await demoActors();
  // retries a second apart instead of the production backoff, so the test waits seconds, not minutes
  const boss = new PgBoss({
    connectionString: url(),
    supervise: false,
    schedule: false,
    migrate: false,
    max: 1,
  });
  await boss.start();
  for (const name of fastQueues)
    await boss.updateQueue(name, { retryLimit: 8, retryDelay: 1, retryBackoff: false });
  await boss.stop({ graceful: false });
});

afterEach(() => {
  for (const key of Object.keys(process.env))
    if (key.startsWith('SIM_') && !(key in env)) delete process.env[key];
  Object.assign(process.env, env);
});

afterAll(async () => {
  await installQueues(url());
});

async function approvedRequests(n: number) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const request = await submitVm(a.staff, belowThreshold);
    await decideStep({ actor: a.head, requestId: request.id, decision: 'approve' });
    await decideStep({ actor: a.it, requestId: request.id, decision: 'approve' });
    ids.push(request.id);
  }
  return ids;
}

/** Where each request stands, with the cloud's servers and the reservations held for them. */
async function ledger(ids: string[]) {
  const db = getDb();
  const [statuses, live, held, rows] = await Promise.all([
    db
      .select({ id: requests.id, status: requests.status, reason: requests.failureReason })
      .from(requests)
      .where(inArray(requests.id, ids)),
    db
      .select({ key: simServers.idempotencyKey, id: simServers.id })
      .from(simServers)
      .where(and(inArray(simServers.idempotencyKey, ids), isNull(simServers.deletedAt))),
    db
      .select({ requestId: capacityReservations.requestId })
      .from(capacityReservations)
      .where(and(inArray(capacityReservations.requestId, ids), eq(capacityReservations.status, 'held'))),
    db
      .select({
        requestId: resources.requestId,
        providerRef: resources.providerRef,
        status: resources.status,
      })
      .from(resources)
      .where(inArray(resources.requestId, ids)),
  ]);
  return { statuses, live, held, resources: rows };
}

const settled = (l: Awaited<ReturnType<typeof ledger>>) =>
  l.statuses.every((s) => s.status === 'active' || s.status === 'failed') &&
  // a failed request's server is cleaned up by its own job: wait for that too
  l.live.every((server) => l.statuses.find((s) => s.id === server.key)?.status === 'active');

function expectInvariants(l: Awaited<ReturnType<typeof ledger>>, ids: string[]) {
  const active = l.statuses.filter((s) => s.status === 'active').map((s) => s.id);
  const failed = l.statuses.filter((s) => s.status === 'failed');
  // nothing lost: every request ended, a failure with a reason the requester can read
  expect(l.statuses).toHaveLength(ids.length);
  for (const f of failed) expect(f.reason).toBeTruthy();
  // nothing duplicated, no orphan: exactly one live server per active request, the one its resource points at
  expect(l.live.map((s) => s.key).sort()).toEqual([...active].sort());
  for (const server of l.live) {
    expect(l.resources.find((r) => r.requestId === server.key)?.providerRef).toBe(`sim-${server.id}`);
  }
  // capacity is held for exactly the active ones
  expect(l.held.map((h) => h.requestId).sort()).toEqual([...active].sort());
}

describe('provisioning under faults', () => {
  it('survives a cloud failing 30 % of calls and timing out on others', async () => {
    Object.assign(process.env, {
      SIM_FAULT_ERROR_RATE: '0.3',
      SIM_FAULT_TIMEOUT_RATE: '0.1',
      SIM_FAULT_TIMEOUT_MS: '150',
      SIM_BUILD_MS: '400',
      SIM_CALL_MS: '10',
    });
    const ids = await approvedRequests(16);
    const worker = await runWorker({ connectionString: url(), concurrency: 4 });
    try {
      const l = await waitFor(() => ledger(ids), settled, {
        // the poll job may back off for minutes by design (10 tries, up to 30 s apart), and in the full
        // suite other files' workers share the queues (one dying mid-job returns it after its heartbeat)
        timeoutMs: 200_000,
        intervalMs: 500,
        what: 'every request to settle',
      });
      expectInvariants(l, ids);
      // with eight tries each, a 40 % fault rate still gets (nearly) everything built
      expect(l.statuses.filter((s) => s.status === 'active').length).toBeGreaterThanOrEqual(12);
    } finally {
      await worker.stop();
    }
  }, 260_000);

  it('finishes the work of a worker killed with SIGKILL in the middle of provisioning', async () => {
    const ids = await approvedRequests(6);
    // a worker in its own process whose cloud calls take seconds: it is killed while they are in flight
    const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      env: {
        ...process.env,
        DATABASE_URL: url(),
        SIM_FAULT_SLOW_MS: '4000',
        SIM_BUILD_MS: '400',
        SIM_CALL_MS: '10',
      },
      stdio: 'ignore',
    });
    try {
      await waitFor(
        () =>
          getDb().execute<{ n: number }>(
            sql`select count(*)::int as n from pgboss.job where name = 'provisioning.create' and state = 'active'
                and data->>'requestId' in (${sql.join(
                  ids.map((id) => sql`${id}`),
                  sql`, `,
                )})`,
          ),
        (r) => (r.rows[0]?.n ?? 0) >= 2,
        { timeoutMs: 30_000, intervalMs: 100, what: 'the child worker to be mid-job' },
      );
    } finally {
      child.kill('SIGKILL');
    }
    await new Promise((resolve) => child.once('exit', resolve));

    Object.assign(process.env, { SIM_BUILD_MS: '400', SIM_CALL_MS: '10' });
    const worker = await runWorker({ connectionString: url(), concurrency: 4 });
    try {
      const l = await waitFor(() => ledger(ids), settled, {
        // the poll job may back off for minutes by design (10 tries, up to 30 s apart), and in the full
        // suite other files' workers share the queues (one dying mid-job returns it after its heartbeat)
        timeoutMs: 200_000,
        intervalMs: 500,
        what: 'the killed jobs to be retried',
      });
      expectInvariants(l, ids);
      expect(l.statuses.every((s) => s.status === 'active')).toBe(true);
    } finally {
      await worker.stop();
    }
  }, 260_000);
});
