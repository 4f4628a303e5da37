// npm run bench — load benchmark of the built portal on a fresh PostgreSQL database.
// Measures request submission, the approver's inbox (API and page) and the savings dashboard API with
// concurrent connections (autocannon), each against a bare Next.js route handler measured in the same run
// (/api/v1/bench/noop, enabled by DCLOUD_BENCH=1) measured just before it, and checks that every submission
// answered 201 is in the database exactly once. Settings: BENCH_DURATION (s per read route, default 10),
// BENCH_SUBMISSIONS (default 2000: sent in full, every answer awaited), BENCH_CONNECTIONS (default 16),
// BENCH_PORT (default 3900), BENCH_JSON (write the figures there), BENCH_DB_PREFIX; DATABASE_URL (a server
// to create the database on; unset: an embedded PostgreSQL in a temporary directory).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import {
  type BenchPortal,
  buildOnce,
  openBenchDatabase,
  prepareBenchDatabase,
  startBenchPortal,
} from './portal';
import { type Measured, measure, type Target } from './run-autocannon';
import { issueBenchTokens, signInForCookie } from './sessions';

const duration = Number(process.env.BENCH_DURATION ?? 10);
const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 2000);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const port = Number(process.env.BENCH_PORT ?? 3900);
const base = `http://127.0.0.1:${port}`;
const TARGET_SUBMISSIONS_PER_S = 300;
const log = (message: string) => console.log(`[bench] ${message}`);

/**
 * Waits until the portal answers the bare route quickly again: a run for a fixed time leaves the requests
 * it cut off still being worked on, and the next measurement must not pay for them.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const started = performance.now();
    await fetch(`${base}/api/v1/bench/noop`);
    if (performance.now() - started < 15) return;
    await sleep(250);
  }
}

function ratio(value: number, ceiling: number): string {
  return ceiling ? `${(value / ceiling).toFixed(2)}×` : '–';
}

function table(rows: { name: string; m: Measured; ceiling: Measured }[]): string {
  const head = [
    'route',
    'req/s',
    'p50 ms',
    'p99 ms',
    'req/s ÷ ceiling',
    'p50 ÷ ceiling',
    'p99 ÷ ceiling',
    'errors',
  ];
  const lines = rows.map(({ name, m, ceiling }) => [
    name,
    m.rps.toFixed(0),
    m.p50.toFixed(1),
    m.p99.toFixed(1),
    ratio(m.rps, ceiling.rps),
    ratio(m.p50, ceiling.p50),
    ratio(m.p99, ceiling.p99),
    String(m.failed),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...lines.map(fmt)].join('\n');
}

async function main() {
  await buildOnce(log);
  const db = await openBenchDatabase({ prefix: process.env.BENCH_DB_PREFIX ?? 'dcloud_bench' });
  let portal: BenchPortal | null = null;
  const client = new pg.Client({ connectionString: db.url });
  try {
    log('preparing the database (migrations, queues, the demo city)');
    await prepareBenchDatabase(db.url);
    process.env.DATABASE_URL = db.url;
    const tokens = await issueBenchTokens({ requesters: connections });
    portal = await startBenchPortal({ databaseUrl: db.url, port, env: { DCLOUD_BENCH: '1' } });
    const headCookie = await signInForCookie(base, 'head@dcloud.example');
    await client.connect();
    const bis = (await client.query<{ id: string }>("select id from business_systems where code = 'SYS-BIS'"))
      .rows[0]!.id;
    log(
      `${submissions} submissions, then ${duration} s per read route, ${connections} connections, ` +
        `${os.cpus().length} CPU cores (load average ${os.loadavg()[0]!.toFixed(1)} before the run)`,
    );

    // Phase 1: warm up, then each route right after its ceiling — the bare handler, same method and body
    const run = async (target: Target) => {
      await settle();
      return measure({ base, duration, connections, target });
    };
    const submissionBody = (name: string) => ({
      catalogItemId: 'vm-standard',
      systemId: bis,
      spec: { name },
      environment: 'dev',
      purpose: '부하 시험용 버스 정보 분석 서버',
    });
    const runId = randomBytes(3).toString('hex');
    let sequence = 0;
    const nextSubmission = () => {
      const n = sequence++;
      return { key: `bench-${runId}-${n}`, body: JSON.stringify(submissionBody(`bench-${runId}-${n}`)) };
    };
    await run({ method: 'GET', path: '/api/v1/bench/noop', warmup: true });
    await run({
      method: 'POST',
      path: '/api/v1/requests',
      tokens: tokens.requesters,
      body: nextSubmission,
      warmup: true,
    });
    await run({
      method: 'GET',
      path: '/api/v1/requests?pendingForMe=true',
      tokens: [tokens.head],
      warmup: true,
    });
    await run({ method: 'GET', path: '/inbox', cookie: headCookie, warmup: true });
    await run({ method: 'GET', path: '/api/v1/dashboards/savings', tokens: [tokens.planner], warmup: true });

    // Phase 2: submissions — a valid body and its own Idempotency-Key each; all sent, every answer awaited
    const noopPost = await run({
      method: 'POST',
      path: '/api/v1/bench/noop',
      body: nextSubmission,
      amount: submissions,
    });
    const count = async () =>
      (await client.query<{ n: number }>('select count(*)::int as n from requests')).rows[0]!.n;
    const before = await count();
    const submit = await run({
      method: 'POST',
      path: '/api/v1/requests',
      tokens: tokens.requesters,
      body: nextSubmission,
      collectIds: true,
      amount: submissions,
    });
    const ids = submit.ids;
    const after = await count();
    const stored = (
      await client.query<{ n: number }>(
        'select count(*)::int as n from requests where id = any($1::uuid[])',
        [ids],
      )
    ).rows[0]!.n;
    const distinct = new Set(ids).size;

    // Phase 3: reads — the approver's inbox (API and page) over every request just made, the savings dashboard
    const noopGet1 = await run({ method: 'GET', path: '/api/v1/bench/noop' });
    const inboxApi = await run({
      method: 'GET',
      path: '/api/v1/requests?pendingForMe=true',
      tokens: [tokens.head],
    });
    const noopGet2 = await run({ method: 'GET', path: '/api/v1/bench/noop' });
    const inboxPage = await run({ method: 'GET', path: '/inbox', cookie: headCookie });
    const noopGet3 = await run({ method: 'GET', path: '/api/v1/bench/noop' });
    const savings = await run({
      method: 'GET',
      path: '/api/v1/dashboards/savings',
      tokens: [tokens.planner],
    });

    const rows = [
      { name: 'POST /api/v1/bench/noop (ceiling)', m: noopPost, ceiling: noopPost },
      { name: 'POST /api/v1/requests', m: submit, ceiling: noopPost },
      { name: 'GET /api/v1/bench/noop (ceiling)', m: noopGet1, ceiling: noopGet1 },
      { name: 'GET /api/v1/requests?pendingForMe=true', m: inboxApi, ceiling: noopGet1 },
      { name: 'GET /api/v1/bench/noop (ceiling)', m: noopGet2, ceiling: noopGet2 },
      { name: 'GET /inbox (page)', m: inboxPage, ceiling: noopGet2 },
      { name: 'GET /api/v1/bench/noop (ceiling)', m: noopGet3, ceiling: noopGet3 },
      { name: 'GET /api/v1/dashboards/savings', m: savings, ceiling: noopGet3 },
    ];
    console.log(`\n${table(rows)}\n`);
    const lost = submit.created - stored;
    const integrity = {
      answered201: submit.created,
      distinctIds: distinct,
      storedOnce: stored,
      newRows: after - before,
      failedAnswers: submit.failed,
    };
    console.log(
      `submissions: ${submit.created} answered 201, ${distinct} distinct ids, ${stored} of them in the database, ` +
        `${after - before} new rows; ${submit.failed} failed answers, ${lost} lost`,
    );
    const sound =
      submit.failed === 0 &&
      distinct === submit.created &&
      stored === submit.created &&
      after - before === stored;
    const fast = submit.rps >= TARGET_SUBMISSIONS_PER_S;
    console.log(
      `target ≥ ${TARGET_SUBMISSIONS_PER_S} submissions/s with no error and nothing lost: ` +
        `${fast && sound ? 'met' : 'MISSED'} (${submit.rps.toFixed(0)}/s, ${sound ? 'none lost' : 'INTEGRITY FAILED'})`,
    );
    if (process.env.BENCH_JSON) {
      writeFileSync(
        process.env.BENCH_JSON,
        JSON.stringify(
          {
            duration,
            submissions,
            connections,
            cores: os.cpus().length,
            rows: rows.map(({ name, m, ceiling }) => ({
              name,
              rps: m.rps,
              p50: m.p50,
              p99: m.p99,
              failed: m.failed,
              ceiling: { rps: ceiling.rps, p50: ceiling.p50, p99: ceiling.p99 },
            })),
            integrity,
          },
          null,
          2,
        ),
      );
    }
    if (!sound || rows.some((r) => r.m.failed > 0)) process.exitCode = 1;
  } finally {
    await client.end().catch(() => undefined);
    await portal?.stop();
    const { closeDb } = await import('@/db');
    await closeDb();
    await db.drop().catch((error) => console.error('[bench] dropping the database:', error));
  }
}

main().catch((error) => {
  console.error('[bench]', error);
  process.exit(1);
});
