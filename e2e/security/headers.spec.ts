import type { Page } from '@playwright/test';
import { DEMO, expect, signedInPage, submitRequestAs, test, uniqueName, vmRequestBody } from '../fixtures';

// Security headers and the nonce-based Content-Security-Policy (proxy.ts, next.config.js): every page
// answers with a fresh nonce that all of its scripts carry; an injected inline script or event handler
// does not run; the pages still hydrate and raise no CSP violation, charts and the dev mailbox included.

const PLANNER = 'planner@dcloud.example';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

/** Records the page's CSP violations from its first script on (an init script is not subject to CSP). */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  const fromConsole: string[] = [];
  page.on('console', (msg) => {
    if (msg.text().includes('Content Security Policy')) fromConsole.push(msg.text());
  });
  await page.context().addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
    );
  });
  return async () => [
    ...fromConsole,
    ...(await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? [])),
  ];
}

test('pages answer with a nonce-based CSP and the other security headers; the API with its own', async ({
  request,
}) => {
  const first = await request.get('/signin');
  const second = await request.get('/signin');
  const headers = first.headers();
  const policy = directives(headers['content-security-policy'] ?? '');
  const script = policy.get('script-src') ?? [];
  const nonce = script.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);

  expect(nonce, 'a nonce in script-src').toMatch(/^[A-Za-z0-9+/]{22}==$/);
  expect(script).toContain("'strict-dynamic'");
  expect(script).not.toContain("'unsafe-inline'");
  expect(script).not.toContain("'unsafe-eval'");
  expect(policy.get('style-src-elem')).toContain(`'nonce-${nonce}'`);
  expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
  expect(policy.get('object-src')).toEqual(["'none'"]);
  expect(policy.get('base-uri')).toEqual(["'self'"]);
  expect(second.headers()['content-security-policy']).not.toContain(nonce);
  expect(headers).toMatchObject({
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'same-origin',
    'x-frame-options': 'DENY',
    'cross-origin-opener-policy': 'same-origin',
  });
  expect(headers['permissions-policy']).toContain('camera=()');
  // HSTS only in production (DCLOUD_MODE=production): this server runs the demo over plain http
  expect(headers['strict-transport-security']).toBeUndefined();

  // every script of the HTML carries this response's nonce
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // the email-link page keeps the referrer on the portal too (its token is in the URL)
  const link = await request.get('/approve/not-a-real-token');
  expect(link.headers()['referrer-policy']).toBe('same-origin');
  expect(link.headers()['content-security-policy']).toContain("frame-ancestors 'none'");

  const api = await request.get('/api/v1/healthz');
  expect(api.headers()).toMatchObject({
    'x-content-type-options': 'nosniff',
    'content-security-policy':
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  });
});

test('an injected inline script or event handler does not run; the page still hydrates', async ({
  browser,
}) => {
  const page = await signedInPage(browser, DEMO.staff);
  // what stored XSS would put into the server's HTML: an inline script, one with a guessed nonce, a handler
  await page.route('**/settings/tokens', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace(
      '</body>',
      '<script>window.__inline = 1</script><script nonce="AAAAAAAAAAAAAAAAAAAAAA==">window.__guessed = 1</script>' +
        '<img alt="" src="data:," onerror="window.__handler = 1"></body>',
    );
    await route.fulfill({ response, body: html });
  });
  const violations = await watchViolations(page);
  await page.goto('/settings/tokens');
  // disabled in the server HTML, enabled once React has hydrated: the portal's nonce'd scripts ran
  await expect(page.getByRole('button', { name: '토큰 만들기' })).toBeEnabled();
  const ran = await page.evaluate(() => {
    const w = window as unknown as Record<string, unknown>;
    return { inline: w.__inline, guessed: w.__guessed, handler: w.__handler };
  });
  expect(ran).toEqual({ inline: undefined, guessed: undefined, handler: undefined });
  const blocked = await violations();
  expect(blocked.filter((v) => v.startsWith('script-src')).length).toBeGreaterThanOrEqual(3);
});

test('the charts, the inbox and the dev mailbox render without a CSP violation', async ({ browser }) => {
  // a mail to show in the dev mailbox: the department head's step-pending notice
  const staff = await signedInPage(browser, DEMO.staff);
  await submitRequestAs(staff, vmRequestBody(uniqueName('csp')));

  const planner = await signedInPage(browser, PLANNER);
  const violations = await watchViolations(planner);
  await planner.goto('/dashboards/savings');
  await expect(planner.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(planner.locator('svg.recharts-surface').first()).toBeVisible();
  await planner.goto('/inbox');
  await expect(planner.getByRole('heading', { level: 1 })).toBeVisible();
  await planner.goto('/dev/mailbox');
  await planner.locator('a[href^="/dev/mailbox/"]').first().click();
  // the mail's HTML in a sandboxed srcdoc frame, which inherits the page's policy
  await expect(planner.locator('iframe')).toBeVisible();
  expect(await violations()).toEqual([]);
});
