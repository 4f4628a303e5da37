import { readdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from '@playwright/test';
import {
  callApi,
  DEMO,
  expect,
  expectAccessible,
  signedInPage,
  submitRequestAs,
  test,
  uniqueName,
  vmRequestBody,
} from '../fixtures';

// Issue #6, the pages' side of the access matrix, and every page in an axe-core scan: every page.tsx
// under app/ (found on disk, so a new page with no row fails), with real ids in its dynamic segments,
// visited by nobody and by every demo identity. Allowed: 200 with the page's own h1, and no serious
// or critical axe violation. Denied: the not-found page with 404 (deny by default, reveal nothing);
// nobody signed in: the sign-in page. Never a 500.

const emails = {
  staff: DEMO.staff, // requester, 교통국
  head: DEMO.head, // dept_approver, 교통국
  it: DEMO.it, // it_reviewer, 정보화담당관
  director: DEMO.director, // senior_approver, 기획조정실
  planner: 'planner@dcloud.example', // planner, 정보화담당관
  admin: DEMO.admin, // admin, 정보화담당관
  welfare: DEMO.welfare, // requester, 복지국
  welfareHead: 'welfare-head@dcloud.example', // dept_approver, 복지국
} as const;
type Who = keyof typeof emails;
const everyone = Object.keys(emails) as Who[];

const admins: Who[] = ['admin']; // admin:manage
const dashboards: Who[] = ['it', 'director', 'planner', 'admin']; // dashboards:read
const deciders: Who[] = ['head', 'it', 'director', 'planner', 'admin', 'welfareHead']; // requests:decide
const creators: Who[] = ['staff', 'head', 'admin', 'welfare', 'welfareHead']; // requests:create
// a request or resource of 교통국: its department, and those who see every department
const trafficObject: Who[] = ['staff', 'head', 'it', 'director', 'planner', 'admin'];

type Row = {
  /** who is let in; everyone else signed in gets the not-found page */
  allowed: Who[];
  /** the page's h1 */
  h1: string | RegExp;
};

/** Every portal page by its route; [segments] are filled with real ids in `beforeAll`. */
const portal: Record<string, Row> = {
  '/admin': { allowed: admins, h1: '관리' },
  '/admin/departments': { allowed: admins, h1: '부서 관리' },
  '/admin/drift': { allowed: admins, h1: /드리프트/ },
  '/admin/policies': { allowed: admins, h1: /결재 규정/ },
  '/admin/policies/[version]': { allowed: admins, h1: /결재 규정/ },
  '/admin/policies/edit': { allowed: admins, h1: /결재 규정/ },
  '/admin/pools': { allowed: admins, h1: /자원 풀/ },
  '/admin/steps': { allowed: admins, h1: /결재 단계/ },
  '/admin/users': { allowed: admins, h1: '사용자 관리' },
  '/admin/users/[id]': { allowed: admins, h1: /김민수/ },
  '/catalog': { allowed: everyone, h1: /카탈로그/ },
  '/dashboards': { allowed: dashboards, h1: /절감 효과/ }, // redirects to the savings dashboard
  '/dashboards/rightsizing': { allowed: dashboards, h1: /적정 규모/ },
  '/dashboards/runway': { allowed: dashboards, h1: /용량 전망/ },
  '/dashboards/savings': { allowed: dashboards, h1: /절감 효과/ },
  '/dashboards/showback': { allowed: dashboards, h1: /쇼백/ },
  '/dashboards/utilisation': { allowed: dashboards, h1: /자원 활용/ },
  // 개발용 메일함: every signed-in user, in demo mode only (README: links included)
  '/dev/mailbox': { allowed: everyone, h1: /메일함/ },
  '/dev/mailbox/[id]': { allowed: everyone, h1: /.+/ },
  '/inbox': { allowed: deciders, h1: /결재함/ },
  '/reports': { allowed: dashboards, h1: /보고서/ },
  '/reports/[month]': { allowed: dashboards, h1: /2015/ },
  '/requests': { allowed: everyone, h1: /요청/ },
  '/requests/[id]': { allowed: trafficObject, h1: /^요청 REQ-/ },
  '/requests/new': { allowed: creators, h1: /가상 서버/ }, // ?item=vm-standard (without it: the catalogue)
  '/resources': { allowed: everyone, h1: /자원/ },
  '/resources/[id]': { allowed: trafficObject, h1: /page-access/ },
  '/settings/delegations': { allowed: deciders, h1: /대결/ },
  '/settings/tokens': { allowed: everyone, h1: /토큰/ },
};

/** The pages outside the portal: open to anyone, asked by nobody signed in. */
const open: Record<string, { h1: string | RegExp; signInPage?: boolean }> = {
  '/': { h1: /로그인/, signInPage: true }, // redirects to the sign-in page
  '/signin': { h1: /로그인/, signInPage: true },
  '/approve/[token]': { h1: /.+/ }, // a forged link: says so, changes nothing
};

const notFoundH1 = '페이지를 찾을 수 없습니다';

/** Every page.tsx under app/ as its route: route groups dropped, [segments] kept. */
function pagesOnDisk(): string[] {
  const app = path.resolve('app');
  return readdirSync(app, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === 'page.tsx')
    .map((e) => path.relative(app, e.parentPath).split(path.sep))
    .map((parts) => `/${parts.filter((p) => p && !/^\(.+\)$/.test(p)).join('/')}`)
    .sort();
}

/** The real ids for the dynamic segments, by route. */
const ids: Record<string, string> = {};
/** Query strings a page needs to be itself rather than redirect. */
const queries: Record<string, string> = { '/requests/new': '?item=vm-standard' };
const urlOf = (route: string) =>
  (ids[route] ? route.replace(/\[[^\]]+\]/, ids[route]) : route) + (queries[route] ?? '');

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const staff = await signedInPage(browser, emails.staff);
  // a request of 교통국 approved through its line, and the resource it provisions
  const request = await submitRequestAs(staff, vmRequestBody(uniqueName('page-access')));
  for (const who of ['head', 'it'] as const) {
    const approver = await signedInPage(browser, emails[who]);
    const decided = await callApi(approver, 'POST', `/api/v1/requests/${request.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
  }
  ids['/requests/[id]'] = request.id;
  await expect
    .poll(
      async () =>
        (await callApi<{ resourceIds: string[] }>(staff, 'GET', `/api/v1/requests/${request.id}`)).body
          .resourceIds[0] ?? '',
      { timeout: 60_000 },
    )
    .not.toBe('');
  ids['/resources/[id]'] = (
    await callApi<{ resourceIds: string[] }>(staff, 'GET', `/api/v1/requests/${request.id}`)
  ).body.resourceIds[0]!;
  ids['/admin/users/[id]'] = (await callApi<{ id: string }>(staff, 'GET', '/api/v1/me')).body.id;
  // a closed month (before the demo's history, so no other spec's figures move)
  const planner = await signedInPage(browser, emails.planner);
  const closed = await callApi(planner, 'POST', '/api/v1/reports', { month: '2015-06' });
  expect([200, 201], JSON.stringify(closed.body)).toContain(closed.status);
  ids['/reports/[month]'] = '2015-06';
  // the version of the 결재 규정 in force, as its list links it
  const admin = await signedInPage(browser, emails.admin);
  await admin.goto('/admin/policies');
  const versions = await admin
    .locator('a[href^="/admin/policies/"]')
    .evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  ids['/admin/policies/[version]'] = versions
    .find((h) => /\/\d+$/.test(h))!
    .split('/')
    .pop()!;
  // a mail of the dev mailbox: the head's approval mail of the request above
  await staff.goto('/dev/mailbox');
  const href = await staff.locator('a[href^="/dev/mailbox/"]').first().getAttribute('href');
  ids['/dev/mailbox/[id]'] = href!.split('/').pop()!;
  ids['/approve/[token]'] = 'not-a-real-token';
  await Promise.all([staff, planner, admin].map((p) => p.context().close()));
});

/**
 * expectAccessible, but leaving out a sandboxed frame in which no script may run (the dev mailbox's
 * mail body): axe waits forever for such a frame to answer (e2e/email/dev-mailbox.spec.ts does the same).
 */
async function scan(page: Page): Promise<void> {
  counted.scans += 1;
  const sealed = page.locator('iframe[sandbox]:not([sandbox*="allow-scripts"])');
  if ((await sealed.count()) === 0) return expectAccessible(page);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .exclude('iframe[sandbox]')
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** What one visit showed: the status, the h1, and where it ended. */
async function visit(page: Page, route: string) {
  counted.visits += 1;
  const response = await page.goto(urlOf(route), { timeout: 60_000 });
  const h1 = page.getByRole('heading', { level: 1 }).first();
  await expect(h1).toBeVisible();
  return {
    status: response?.status() ?? 0,
    h1: ((await h1.textContent()) ?? '').trim(),
    path: new URL(page.url()).pathname,
  };
}

const matches = (text: string, want: string | RegExp) =>
  typeof want === 'string' ? text === want : want.test(text);

/** Prints what each identity got on each page (200 / 404 / signin), marking what was not expected. */
const grid: Record<string, Record<string, string>> = {};
const counted = { visits: 0, scans: 0 };
const mark = (route: string, who: string, cell: string) => {
  grid[route] = { ...grid[route], [who]: cell };
};
test.afterAll(() => {
  console.table(grid);
  const columns = new Set(Object.values(grid).flatMap((r) => Object.keys(r))).size;
  console.log(
    `page access: ${Object.keys(portal).length} portal pages × ${columns} identities and ` +
      `${Object.keys(open).length} open pages = ${counted.visits} visits, ${counted.scans} axe scans`,
  );
});

test('has a row for every page on disk, and none for a page that is gone', () => {
  const rows = [...Object.keys(portal), ...Object.keys(open)].sort();
  const disk = pagesOnDisk();
  expect(
    disk.filter((p) => !rows.includes(p)),
    'pages with no row: deny by default',
  ).toEqual([]);
  expect(rows.filter((p) => !disk.includes(p))).toEqual([]);
});

test('nobody signed in is sent to sign in from every portal page; the open pages pass axe', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  const wrong: string[] = [];
  for (const route of Object.keys(portal)) {
    const seen = await visit(page, route);
    mark(route, 'anonymous', seen.path === '/signin' ? 'signin' : `${seen.status} ${seen.path}`);
    if (seen.path !== '/signin' || seen.status >= 500) wrong.push(`${route}: ${seen.status} ${seen.path}`);
  }
  for (const [route, row] of Object.entries(open)) {
    const seen = await visit(page, route);
    mark(route, 'anonymous', String(seen.status));
    if (seen.status !== 200 || !matches(seen.h1, row.h1)) wrong.push(`${route}: ${seen.status} “${seen.h1}”`);
    if (row.signInPage && seen.path !== '/signin') wrong.push(`${route}: ended at ${seen.path}`);
    await scan(page);
  }
  await context.close();
  expect(wrong).toEqual([]);
});

async function pageFor(browser: Browser, who: Who): Promise<Page> {
  return signedInPage(browser, emails[who]);
}

for (const who of everyone) {
  test(`as ${who}: allowed pages answer 200 with their h1 and pass axe; the others are not found`, async ({
    browser,
  }) => {
    test.setTimeout(360_000);
    const page = await pageFor(browser, who);
    const wrong: string[] = [];
    for (const [route, row] of Object.entries(portal)) {
      const allowed = row.allowed.includes(who);
      const seen = await visit(page, route);
      const ok = allowed
        ? seen.status === 200 && seen.h1 !== notFoundH1 && matches(seen.h1, row.h1)
        : seen.status === 404 && seen.h1 === notFoundH1;
      mark(route, who, ok ? String(seen.status) : `${seen.status}≠${allowed ? 200 : 404}`);
      if (!ok)
        wrong.push(`${route}: ${seen.status} “${seen.h1}”, expected ${allowed ? `200 ${row.h1}` : 404}`);
      if (allowed && seen.status === 200) {
        await scan(page).catch((error: Error) => wrong.push(`${route}: ${error.message.slice(0, 800)}`));
      }
    }
    expect(wrong).toEqual([]);
  });
}
