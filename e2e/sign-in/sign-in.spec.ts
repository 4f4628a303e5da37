import type { Page } from '@playwright/test';
import { DEMO, expect, expectAccessible, test } from '../fixtures';

// Signing in and out, and the language a user reads the portal in.

/** The one-click demo button of an account (its accessible name ends in the email). */
function demoButton(page: Page, email: string) {
  const escaped = email.replace(/[.]/g, '\\.');
  return page.getByRole('button', { name: new RegExp(`(^|\\s)${escaped}`) });
}

test('one click on a demo account lands on the portal with the user in the header', async ({ page }) => {
  await page.goto('/signin');
  await expect(page.getByRole('heading', { level: 1, name: '로그인' })).toBeVisible();
  await expectAccessible(page);

  // an approver starts at the 결재함
  await demoButton(page, DEMO.head).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await expect(page.getByRole('heading', { level: 1, name: '결재함' })).toBeVisible();
  const header = page.getByRole('banner');
  await expect(header.getByText('이정희', { exact: true })).toBeVisible();
  await expect(header).toContainText('교통국');
  // the head decides, so the approvals inbox is in the menu; administration is not
  const nav = page.getByRole('navigation', { name: '주 메뉴' });
  await expect(nav.getByRole('link', { name: /결재함/ })).toBeVisible();
  await expect(nav.getByRole('link', { name: '관리' })).toHaveCount(0);
  await expectAccessible(page);
});

test('a wrong password is refused in Korean and the page stays on /signin', async ({ page }) => {
  await page.goto('/signin');
  await page.getByLabel('이메일', { exact: true }).fill(DEMO.staff);
  await page.getByLabel('비밀번호', { exact: true }).fill('not-the-password');
  await page.getByRole('button', { name: '로그인', exact: true }).click();

  await expect(page.locator('#signin-error')).toHaveText(
    '이메일 또는 비밀번호가 올바르지 않습니다. 다시 확인해 주세요.',
  );
  await expect(page).toHaveURL(/\/signin$/);
  // the email is kept, the password field takes the focus and both point at the message
  await expect(page.getByLabel('이메일', { exact: true })).toHaveValue(DEMO.staff);
  const password = page.getByLabel('비밀번호', { exact: true });
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription(/올바르지 않습니다/);
  await expectAccessible(page);

  // still signed out: a portal page sends the visitor back here
  await page.goto('/requests');
  await expect(page).toHaveURL(/\/signin$/);
});

test('signing out returns to /signin and portal pages then ask to sign in again', async ({ page }) => {
  await page.goto('/signin');
  await demoButton(page, DEMO.staff).click();
  await expect(page.getByRole('heading', { level: 1, name: '서비스 카탈로그' })).toBeVisible();
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '내 요청' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '자원 요청' })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole('button', { name: '로그아웃' }).click();
  await expect(page).toHaveURL(/\/signin$/);
  await expect(page.getByRole('heading', { level: 1, name: '로그인' })).toBeVisible();

  await page.goto('/requests');
  await expect(page).toHaveURL(/\/signin$/);
  // the session is gone for the API too
  const me = await page.request.get('/api/v1/me');
  expect(me.status()).toBe(401);
});

test('the English switch turns the portal English, survives a reload, and switches back', async ({
  page,
}) => {
  await page.goto('/signin');
  await demoButton(page, DEMO.staff).click();
  await expect(page.getByRole('heading', { level: 1, name: '서비스 카탈로그' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Service catalogue' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  await expect(nav.getByRole('link', { name: 'My requests' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Service catalogue' })).toBeVisible();
  // another page renders in English as well
  await nav.getByRole('link', { name: 'My requests' }).click();
  await expect(page).toHaveURL(/\/requests$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '자원 요청' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await page.reload();
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '주 메뉴' })).toBeVisible();
});
