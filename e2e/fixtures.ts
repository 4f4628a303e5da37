import AxeBuilder from '@axe-core/playwright';
import { type Browser, type BrowserContext, test as base, expect, type Page } from '@playwright/test';

export { expect };

export const DEMO_PASSWORD = 'dcloud-demo';

/** Contexts opened by `signedInPage` during the running test; closed when it ends (their pages poll). */
const openContexts = new Set<BrowserContext>();

/** Playwright's `test`, closing every context `signedInPage` opened once the test is over. */
export const test = base.extend<{ closeSignedInContexts: undefined }>({
  closeSignedInContexts: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      await use(undefined);
      await Promise.all([...openContexts].map((context) => context.close()));
      openContexts.clear();
    },
    { auto: true },
  ],
});

async function newTrackedContext(browser: Browser, options?: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(options);
  openContexts.add(context);
  context.on('close', () => openContexts.delete(context));
  return context;
}

/** Sessions already made in this worker, by email: signing in again costs time and counts against the sign-in rate limit. */
const sessions = new Map<string, Awaited<ReturnType<BrowserContext['storageState']>>>();

/**
 * A fresh browser context signed in as a user through the sign-in page's password form (once per
 * worker and user; later calls start from that session's cookies), on the catalogue.
 */
export async function signedInPage(browser: Browser, email: string, password = DEMO_PASSWORD): Promise<Page> {
  const known = sessions.get(email);
  if (known) {
    const context = await newTrackedContext(browser, { storageState: known });
    const page = await context.newPage();
    await page.goto('/catalog');
    if (!new URL(page.url()).pathname.startsWith('/signin')) return page;
    await context.close();
    sessions.delete(email);
  }
  const context = await newTrackedContext(browser);
  const page = await context.newPage();
  await page.goto('/signin');
  await page.getByLabel('이메일', { exact: true }).fill(email);
  await page.getByLabel('비밀번호', { exact: true }).fill(password);
  await page.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(page).not.toHaveURL(/\/signin/);
  sessions.set(email, await context.storageState());
  return page;
}

/** axe-core on the page as it stands: no serious or critical violation (WCAG 2.x A and AA rules). */
export async function expectAccessible(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

/** The demo accounts the specs act as (API.md, "Demo accounts"). */
export const DEMO = {
  staff: 'staff@dcloud.example',
  head: 'head@dcloud.example',
  it: 'it@dcloud.example',
  director: 'director@dcloud.example',
  admin: 'admin@dcloud.example',
  welfare: 'welfare@dcloud.example',
} as const;

/**
 * A name no other test (or earlier run on the same database) has used, valid as a hostname,
 * namespace or volume name: lower-case, starts with a letter, 3–40 characters.
 */
export function uniqueName(prefix: string): string {
  const suffix = `${Date.now().toString(36).slice(-5)}${Math.random().toString(36).slice(2, 5)}`;
  return `${prefix}-${suffix}`;
}

export type ApiAnswer<T = Record<string, unknown>> = { status: number; body: T };

/**
 * Calls the portal's API from inside the page, the way its own screens do: a same-origin fetch
 * with the session cookie (so the browser sets Origin and Sec-Fetch-Site itself). For seeding a
 * test's data and reading back what the screens should show.
 */
export async function callApi<T = Record<string, unknown>>(
  page: Page,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const res = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: res.status, body: await res.json() };
    },
    { method, path, body },
  );
}

export type SubmittedRequest = {
  id: string;
  number: string;
  status: string;
  estimate: { monthlyKrw: number };
  steps: { order: number; status: string; approver: { role: string | null } }[];
};

/** A VM request body for POST /api/v1/requests (c2m4, 100 GB unless overridden: 72,000 KRW a month). */
export function vmRequestBody(name: string, spec: Record<string, unknown> = {}, extra: object = {}) {
  return {
    catalogItemId: 'vm-standard',
    systemName: `E2E 시험 시스템 ${name}`,
    spec: { name, ...spec },
    environment: 'dev',
    purpose: '종단 간 시험용 가상 서버 요청입니다',
    ...extra,
  };
}

/** Submits a request as the page's signed-in user through the API; fails the test unless it is 201. */
export async function submitRequestAs(page: Page, body: object): Promise<SubmittedRequest> {
  const answer = await callApi<SubmittedRequest>(page, 'POST', '/api/v1/requests', body);
  expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  return answer.body;
}
