// npm run bench:lighthouse — Lighthouse (accessibility and performance) on the built portal, started on a
// fresh database with the demo city, as the users who work on each page: the catalogue and the request
// form as a requester (staff@), the savings dashboard as a planner. Signed in through the demo sign-in;
// the session cookie goes with every request Lighthouse makes (extraHeaders). Debian's Chromium, headless.
// Targets: accessibility 100, performance ≥ 90, judged on the median of LH_RUNS runs (default 3) per page
// and form factor. Settings: LH_FORM_FACTORS (default "desktop,mobile"), LH_RUNS, LH_PORT (default 3950),
// LH_JSON (write the figures there), CHROMIUM_PATH; DATABASE_URL (a server to create the database on;
// unset: an embedded PostgreSQL in a temporary directory). LH_STRICT=1 exits 1 when a target is missed.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import pg from 'pg';
import { prepareDatabase } from '../prepare-database';

const port = Number(process.env.LH_PORT ?? 3950);
const base = `http://localhost:${port}`;
const runs = Number(process.env.LH_RUNS ?? 3);
const formFactors = (process.env.LH_FORM_FACTORS ?? 'desktop,mobile').split(',') as ('desktop' | 'mobile')[];
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = { accessibility: 100, performance: 90 };
const log = (message: string) => console.log(`[lighthouse] ${message}`);

/** The pages measured, each as the user who works on it. */
const pages = [
  { path: '/catalog', as: 'staff@dcloud.example' },
  // the form of the catalogue's first item (without ?item= the page sends the user to the catalogue)
  { path: '/requests/new?item=vm-standard', as: 'staff@dcloud.example' },
  { path: '/dashboards/savings', as: 'planner@dcloud.example' },
];

type Database = { url: string; drop: () => Promise<void> };

/** A fresh database: on DATABASE_URL's server, or in an embedded PostgreSQL of its own. */
async function freshDatabase(): Promise<Database> {
  const server = process.env.DATABASE_URL;
  if (server) {
    const name = `dcloud_lighthouse_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const c = new pg.Client({ connectionString: server });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const { startEmbeddedPostgres } = await import('@/db/embedded');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dcloud-lighthouse-'));
  const embedded = await startEmbeddedPostgres({ dir, database: 'dcloud_lighthouse' });
  return {
    url: embedded.url,
    drop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function buildOnce(): Promise<void> {
  if (existsSync('.next/BUILD_ID')) return;
  log('building the portal (next build)');
  const build = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
  const code = await new Promise<number | null>((resolve) => build.on('exit', resolve));
  if (code !== 0) throw new Error('next build failed');
}

/** The built portal as `npm start` runs it, web only (no worker competes for the CPU). */
async function startPortal(url: string): Promise<ChildProcess> {
  const portal = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      PORT: String(port),
      DCLOUD_WORKER: 'off',
      DCLOUD_SEED: 'none',
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      APP_URL: base,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (let i = 0; i < 240; i++) {
    if (portal.exitCode !== null) throw new Error(`the portal exited (${portal.exitCode})`);
    const ready = await fetch(`${base}/api/v1/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return portal;
    await sleep(500);
  }
  throw new Error('the portal did not become ready');
}

/**
 * Signs in through next-auth's credentials endpoint, as the demo sign-in does, and returns the session
 * cookie, checked on the page it is for (scripts/bench/sessions.ts checks /inbox, which a requester lacks).
 */
async function signIn(email: string, page: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie, origin: base },
    body: new URLSearchParams({ csrfToken, email, password: 'dcloud-demo', callbackUrl: `${base}${page}` }),
  });
  const session = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('authjs.session-token='));
  if (!session) throw new Error(`signing in as ${email} failed (${res.status})`);
  const check = await fetch(`${base}${page}`, { headers: { cookie: session }, redirect: 'manual' });
  if (check.status !== 200)
    throw new Error(`the session of ${email} does not open ${page} (${check.status})`);
  return session;
}

type Audit = { id: string; title: string; score: number | null; displayValue?: string };
type Measured = {
  page: string;
  formFactor: 'desktop' | 'mobile';
  accessibility: number;
  performance: number;
  /** each run's performance score, for the spread */
  performanceRuns: number[];
  metrics: Record<'FCP' | 'LCP' | 'TBT' | 'CLS' | 'SI', string>;
  failing: { accessibility: Audit[]; performance: Audit[] };
};

const median = (values: number[]) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)]!;

/** The audits of a category that did not pass, worst first (by weight, then score). */
function failingAudits(lhr: import('lighthouse').Result, category: 'accessibility' | 'performance'): Audit[] {
  return lhr.categories[category]!.auditRefs.map((ref) => ({ ref, audit: lhr.audits[ref.id]! }))
    .filter(
      ({ audit }) =>
        audit.score !== null &&
        audit.score < (category === 'performance' ? 0.9 : 1) &&
        ['binary', 'numeric', 'metricSavings'].includes(audit.scoreDisplayMode),
    )
    .sort((x, y) => y.ref.weight - x.ref.weight || (x.audit.score ?? 0) - (y.audit.score ?? 0))
    .map(({ audit }) => ({
      id: audit.id,
      title: audit.title,
      score: audit.score,
      displayValue: audit.displayValue,
    }));
}

async function measurePage(
  chrome: chromeLauncher.LaunchedChrome,
  page: (typeof pages)[number],
  cookie: string,
  formFactor: 'desktop' | 'mobile',
): Promise<Measured> {
  const flags: Flags = {
    port: chrome.port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: ['accessibility', 'performance'],
    extraHeaders: { Cookie: cookie },
  };
  const results: import('lighthouse').Result[] = [];
  for (let run = 0; run < runs; run++) {
    const answer = await lighthouse(
      `${base}${page.path}`,
      flags,
      formFactor === 'desktop' ? desktopConfig : undefined,
    );
    if (!answer) throw new Error(`Lighthouse gave no result for ${page.path}`);
    const { lhr } = answer;
    if (lhr.runtimeError)
      throw new Error(`${page.path}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const landed = new URL(lhr.finalDisplayedUrl);
    if (`${landed.pathname}${landed.search}` !== page.path)
      throw new Error(`${page.path} ended at ${lhr.finalDisplayedUrl}: is the session cookie sent?`);
    results.push(lhr);
  }
  // the run whose performance score is the median stands for the page
  const scores = results.map((r) => Math.round((r.categories.performance!.score ?? 0) * 100));
  const lhr = results[scores.indexOf(median(scores))]!;
  const metric = (id: string) => lhr.audits[id]?.displayValue ?? '–';
  return {
    page: page.path,
    formFactor,
    accessibility: Math.round((lhr.categories.accessibility!.score ?? 0) * 100),
    performance: median(scores),
    performanceRuns: scores,
    metrics: {
      FCP: metric('first-contentful-paint'),
      LCP: metric('largest-contentful-paint'),
      TBT: metric('total-blocking-time'),
      CLS: metric('cumulative-layout-shift'),
      SI: metric('speed-index'),
    },
    failing: {
      accessibility: failingAudits(lhr, 'accessibility'),
      performance: failingAudits(lhr, 'performance'),
    },
  };
}

function report(measured: Measured[]): boolean {
  const head = [
    'page',
    'form factor',
    'accessibility',
    'performance (runs)',
    'FCP',
    'LCP',
    'TBT',
    'CLS',
    'SI',
  ];
  const rows = measured.map((m) => [
    m.page,
    m.formFactor,
    String(m.accessibility),
    `${m.performance} (${m.performanceRuns.join(', ')})`,
    m.metrics.FCP,
    m.metrics.LCP,
    m.metrics.TBT,
    m.metrics.CLS,
    m.metrics.SI,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(`\n${[fmt(head), fmt(widths.map((w) => '-'.repeat(w))), ...rows.map(fmt)].join('\n')}\n`);
  let met = true;
  for (const m of measured) {
    const misses = [
      m.accessibility < TARGET.accessibility
        ? `accessibility ${m.accessibility} < ${TARGET.accessibility}`
        : '',
      m.performance < TARGET.performance ? `performance ${m.performance} < ${TARGET.performance}` : '',
    ].filter(Boolean);
    if (misses.length) met = false;
    const top = [...m.failing.accessibility, ...m.failing.performance].slice(0, 5);
    console.log(
      `${m.page} (${m.formFactor}): ${misses.length ? `MISSED ${misses.join(', ')}` : 'targets met'}`,
    );
    for (const a of top) {
      console.log(`  - ${a.id}: ${a.title}${a.displayValue ? ` (${a.displayValue})` : ''}, score ${a.score}`);
    }
  }
  return met;
}

async function main() {
  await buildOnce();
  const db = await freshDatabase();
  let portal: ChildProcess | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    log('preparing the database (migrations, queues, the demo city)');
    await prepareDatabase(db.url, { seed: true });
    portal = await startPortal(db.url);
    const cookies = new Map<string, string>();
    for (const page of pages) {
      if (!cookies.has(page.as)) cookies.set(page.as, await signIn(page.as, page.path));
    }
    // one load per page first, so the first measured run does not pay for the server's first render
    for (const page of pages)
      await fetch(`${base}${page.path}`, { headers: { cookie: cookies.get(page.as)! } });
    chrome = await chromeLauncher.launch({
      chromePath,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    log(
      `${pages.length} pages × ${formFactors.join(' and ')} × ${runs} runs, Lighthouse on ${chromePath}, ` +
        `${os.cpus().length} CPU cores (load average ${os.loadavg()[0]!.toFixed(1)} before the run)`,
    );
    // one warm-up load per page, so the first measured run does not pay for the server's first render
    for (const page of pages)
      await fetch(`${base}${page.path}`, { headers: { cookie: cookies.get(page.as)! } });
    const measured: Measured[] = [];
    for (const formFactor of formFactors) {
      for (const page of pages) {
        const m = await measurePage(chrome, page, cookies.get(page.as)!, formFactor);
        log(`${page.path} (${formFactor}): accessibility ${m.accessibility}, performance ${m.performance}`);
        measured.push(m);
      }
    }
    const met = report(measured);
    if (process.env.LH_JSON) writeFileSync(process.env.LH_JSON, JSON.stringify(measured, null, 2));
    if (!met && process.env.LH_STRICT === '1') process.exitCode = 1;
  } finally {
    await chrome?.kill();
    if (portal && portal.exitCode === null) {
      portal.kill('SIGTERM');
      await new Promise((resolve) => portal!.once('exit', resolve));
    }
    await db.drop();
  }
}

main().catch((error) => {
  console.error('[lighthouse]', error);
  process.exit(1);
});
