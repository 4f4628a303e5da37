import { expect, type Page, test } from '@playwright/test';
import { expectAccessible } from '../fixtures';
import { oidcTestAccounts, type TestAccountClaims } from '../support/oidc-provider';

// Single sign-on through a real OpenID Connect provider (oidc-provider, started on 127.0.0.1 by
// scripts/e2e-server.ts): the `name`, `department` and `roles` claims decide who the user is in the
// portal. The provider's development login page accepts any password.

const ssoButton = (page: Page) => page.getByRole('button', { name: '시 통합인증(으)로 로그인' });

/** From the portal's sign-in page to the provider's login page; returns the provider's origin. */
async function goToProvider(page: Page): Promise<string> {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 2, name: '통합 로그인(SSO)' })).toBeVisible();
  await ssoButton(page).click();
  await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/interaction\//);
  return new URL(page.url()).origin;
}

/** The provider's login form (development interactions: any password). */
async function logInAtProvider(page: Page, login: string): Promise<void> {
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any-password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

/** Changes a user's claims at the identity provider (its test-only control endpoint). */
async function setClaimsAtProvider(
  page: Page,
  issuer: string,
  login: string,
  claims: Partial<TestAccountClaims>,
) {
  const res = await page.request.post(`${issuer}/test/accounts/${login}`, { data: claims });
  expect(res.status()).toBe(200);
}

test('signing in through the city SSO makes the user a department approver of 교통국 from the claims', async ({
  page,
}) => {
  const account = oidcTestAccounts['traffic-head']!;
  await goToProvider(page);
  await logInAtProvider(page, 'traffic-head');

  // back on the portal, signed in; an approver starts at the approvals inbox
  await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/inbox$/);
  const header = page.getByRole('banner');
  await expect(header.getByText(account.name, { exact: true })).toBeVisible();
  await expect(header).toContainText('교통국');
  await expect(header).toContainText('부서 결재권자');
  // the dept_approver role took effect: the approvals inbox is in the menu, administration is not
  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  await expect(nav.getByRole('link', { name: /결재함/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: '관리' })).toHaveCount(0);
  await expectAccessible(page);

  const me = await page.request.get('/api/v1/me');
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({
    email: account.email,
    name: account.name,
    roles: ['dept_approver'],
  });
});

test('a user whose department claim names no known department is refused with a clear message', async ({
  page,
}) => {
  await goToProvider(page);
  await logInAtProvider(page, 'no-such-dept');

  await expect(page).toHaveURL(/\/signin\?error=AccessDenied$/);
  const message = page.locator('#sso-error');
  await expect(message).toHaveAttribute('role', 'alert');
  await expect(message).toHaveText(
    '통합 로그인(SSO)은 되었지만 이 계정으로는 포털을 이용할 수 없습니다. 인증 시스템에 등록된 소속 부서가 포털에 없거나 포털 계정이 비활성화되었습니다. 포털 관리자에게 문의해 주세요.',
  );
  await expect(ssoButton(page)).toBeVisible();
  await expectAccessible(page);

  // not signed in: portal pages and the API still ask for a sign-in
  await page.goto('/requests');
  await expect(page).toHaveURL(/\/signin$/);
  expect((await page.request.get('/api/v1/me')).status()).toBe(401);
});

test('the next sign-in takes the claims as they are now: new department, name and roles', async ({
  page,
}) => {
  const issuer = await goToProvider(page);
  await setClaimsAtProvider(page, issuer, 'mover', { name: '이동원', department: 'WELFARE', roles: [] });
  await logInAtProvider(page, 'mover');

  // no roles claim: a requester of 복지국, who starts at the catalogue and has no approvals inbox
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole('heading', { level: 1, name: '서비스 카탈로그' })).toBeVisible();
  const header = page.getByRole('banner');
  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  await expect(header.getByText('이동원', { exact: true })).toBeVisible();
  await expect(header).toContainText('복지국');
  await expect(header).toContainText('요청자');
  await expect(nav.getByRole('link', { name: /결재함/ })).toHaveCount(0);

  // at the IdP the user moves to 환경수자원국 as its approver, and also plans IT
  await setClaimsAtProvider(page, issuer, 'mover', {
    name: '이동원 과장',
    department: 'ENV',
    roles: ['dept_approver', 'planner'],
  });
  await header.getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(/\/signin$/);

  // still signed in at the provider: the SSO button comes straight back, with the new claims
  await ssoButton(page).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(header.getByText('이동원 과장', { exact: true })).toBeVisible();
  await expect(header).toContainText('환경수자원국');
  await expect(header).toContainText('부서 결재권자');
  await expect(header).toContainText('정보화 기획');
  await expect(header).not.toContainText('요청자');
  await expect(nav.getByRole('link', { name: /결재함/ })).toBeVisible();
  const me = (await (await page.request.get('/api/v1/me')).json()) as { roles: string[] };
  expect(me.roles.toSorted()).toEqual(['dept_approver', 'planner']);
});
