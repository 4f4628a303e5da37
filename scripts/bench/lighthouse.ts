// npm run bench:lighthouse — Lighthouse (accessibility and performance) on the built portal, started on a
// fresh database with the demo city, as the users who work on each page: the catalogue and the request
// form as a requester (staff@), the savings dashboard as a planner. Signed in through the demo sign-in;
// the session cookie goes with every request Lighthouse makes (extraHeaders). Debian's Chromium, headless.
// Targets: accessibility 100, performance ≥ 90, judged on the median of LH_RUNS runs (default 3) per page
// and form factor. Settings: LH_FORM_FACTORS (default "desktop,mobile"), LH_RUNS, LH_PAGES, LH_PORT (default 3950),
// LH_JSON (write the figures there), CHROMIUM_PATH; DATABASE_URL (a server to create the database on;
// unset: an embedded PostgreSQL in a temporary directory). LH_STRICT=1 exits 1 when a target is missed.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { desktopConfig, type Flags } from 'lighthouse';
import {
  type BenchPortal,
  buildOnce,
  openBenchDatabase,
  prepareBenchDatabase,
  startBenchPortal,
} from './portal';

const port = Number(process.env.LH_PORT ?? 3950);
const base = `http://localhost:${port}`;
const runs = Number(process.env.LH_RUNS ?? 3);
const formFactors = (process.env.LH_FORM_FACTORS ?? 'desktop,mobile').split(',') as ('desktop' | 'mobile')[];
const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const TARGET = { accessibility: 100, performance: 90 };
const log = (message: string) => console.log(`[lighthouse] ${message}`);

/** The pages measured, each as the user who works on it (LH_PAGES: a comma-separated subset of their paths). */
const allPages = [
  { path: '/catalog', as: 'staff@dcloud.example' },
  // the form of the catalogue's first item (without ?item= the page sends the user to the catalogue)
  { path: '/requests/new?item=vm-standard', as: 'staff@dcloud.example' },
  { path: '/dashboards/savings', as: 'planner@dcloud.example' },
];
const pages = process.env.LH_PAGES
  ? allPages.filter((p) => process.env.LH_PAGES!.split(',').includes(p.path))
  : allPages;

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
  await buildOnce(log);
  const db = await openBenchDatabase({ prefix: 'dcloud_lighthouse' });
  let portal: BenchPortal | null = null;
  let chrome: chromeLauncher.LaunchedChrome | null = null;
  try {
    log('preparing the database (migrations, queues, the demo city)');
    await prepareBenchDatabase(db.url);
    portal = await startBenchPortal({ databaseUrl: db.url, port, host: 'localhost' });
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
    await portal?.stop();
    await db.drop();
  }
}

main().catch((error) => {
  console.error('[lighthouse]', error);
  process.exit(1);
});
