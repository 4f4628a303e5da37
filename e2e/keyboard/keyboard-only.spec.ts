import type { Locator, Page } from '@playwright/test';
import { DEMO, DEMO_PASSWORD, expect, expectAccessible, test, uniqueName } from '../fixtures';

// The requester's whole path with the keyboard alone — Tab, Shift+Tab, Enter, Space, arrow keys and
// typing, never a click: sign in with the password form, reach the catalogue, fill a VM request
// and submit it.

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails if it never gets there. */
async function tabTo(page: Page, target: Locator, options: { backwards?: boolean; max?: number } = {}) {
  await expect(target).toBeVisible();
  const isFocused = () => target.evaluate((el) => el === document.activeElement);
  for (let i = 0; i < (options.max ?? 40) && !(await isFocused()); i++) {
    await page.keyboard.press(options.backwards ? 'Shift+Tab' : 'Tab');
  }
  await expect(target, 'reachable with the keyboard').toBeFocused();
}

/** Focus moves to <main> through the skip link, the first stop on every page. */
async function skipToContent(page: Page) {
  const skip = page.getByRole('link', { name: '본문 바로가기' });
  await tabTo(page, skip);
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
}

test('a requester signs in and files a VM request with the keyboard alone', async ({ page }) => {
  const hostname = uniqueName('kbd-web');

  // 로그인: the skip link jumps past the header; the password form is reached with Tab
  await page.goto('/signin');
  await expectAccessible(page);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: '본문 바로가기' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('main#main')).toBeFocused();
  await page.keyboard.press('Tab');
  // the first stop after the skip is inside main (a demo account), not the header's language button
  await expect(page.getByRole('button', { name: 'English' })).not.toBeFocused();
  await tabTo(page, page.getByLabel('이메일', { exact: true }));
  await page.keyboard.type(DEMO.staff);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('비밀번호', { exact: true })).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/catalog$/);
  await expect(page.getByRole('heading', { level: 1, name: '서비스 카탈로그' })).toBeVisible();
  await expectAccessible(page);

  // 카탈로그 → 가상 서버 신청
  await skipToContent(page);
  await tabTo(page, page.getByRole('link', { name: '가상 서버 신청' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: '가상 서버 신청' })).toBeVisible();

  // the form, field by field
  await skipToContent(page);
  const hostField = page.getByLabel('호스트 이름', { exact: true });
  await tabTo(page, hostField);
  await page.keyboard.type(hostname);
  await expect(hostField).toHaveValue(hostname);

  await page.keyboard.press('Tab');
  const flavor = page.getByLabel('사양 (vCPU · 메모리)', { exact: true });
  await expect(flavor).toBeFocused();
  await page.keyboard.press('ArrowDown'); // 2 vCPU · 4 GB → 4 vCPU · 8 GB
  await expect(flavor).toHaveValue('c4m8');

  const disk = page.getByLabel('디스크 (GB)', { exact: true });
  await tabTo(page, disk);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('200');
  await expect(disk).toHaveValue('200');
  const estimate = page.getByRole('region', { name: '월 예상 비용' });
  await expect(estimate).toContainText('144,000원'); // 4 × 18,000 + 8 × 6,000 + 200 × 120

  // 사용 환경: Tab enters the group at the checked radio, an arrow key moves the choice
  const environment = page.getByRole('group', { name: '사용 환경' });
  await tabTo(page, environment.getByRole('radio', { name: '개발' }));
  await page.keyboard.press('ArrowRight');
  await expect(environment.getByRole('radio', { name: '검증' })).toBeChecked();

  await tabTo(page, page.getByLabel('사용 목적', { exact: true }));
  await page.keyboard.type('키보드만으로 작성한 버스 정보 웹 서버 요청');

  // back from the submit button with Shift+Tab to the DR choice, then down to 백업
  const submit = page.getByRole('button', { name: '요청 제출' });
  await tabTo(page, submit);
  const dr = page.getByRole('group', { name: '재해복구(DR) 등급' });
  await tabTo(page, dr.getByRole('radio', { name: /^없음/ }), { backwards: true });
  await page.keyboard.press('ArrowDown');
  await expect(dr.getByRole('radio', { name: /^백업/ })).toBeChecked();
  await expect(estimate).toContainText('165,600원'); // 144,000 × 1.15
  await expectAccessible(page);

  await page.keyboard.press('Tab');
  await expect(submit).toBeFocused();
  await page.keyboard.press('Space');

  // the request page
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1, name: /^요청 REQ-\d{6}$/ })).toBeVisible();
  await expect(page.getByText('결재가 진행 중입니다.')).toBeVisible();
  const summary = page.getByRole('region', { name: '요청 내용' });
  await expect(summary).toContainText(hostname);
  await expect(summary).toContainText('검증');
  await expect(summary).toContainText('백업');
  await expect(summary).toContainText('165,600원');
  await expectAccessible(page);

  // and the page itself works from the keyboard: 요청 취소 opens its confirmation, 돌아가기 closes it
  await skipToContent(page);
  await tabTo(page, page.getByRole('button', { name: '요청 취소' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '취소 확정', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '돌아가기', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: '요청 취소' })).toBeFocused();
  await expect(page.getByText('결재가 진행 중입니다.')).toBeVisible();
});
