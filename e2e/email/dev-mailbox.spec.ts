import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import {
  DEMO,
  expect,
  expectAccessible,
  signedInPage,
  submitRequestAs,
  test,
  uniqueName,
  vmRequestBody,
} from '../fixtures';

// 개발용 메일함 (demo mode): every signed-in user can read what the portal mailed, links included; the
// HTML part is shown in a frame where no script runs.

/**
 * expectAccessible for a page holding the sandboxed mail frame: axe cannot run inside a frame where
 * scripts are blocked (it waits for it), so the frame is left out; its content is the mail's own.
 */
async function expectAccessibleAroundFrame(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .exclude('iframe')
    .analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious, `axe on ${page.url()}`).toEqual([]);
}

test('the dev mailbox shows the mail with its parts, and its link can be followed', async ({ browser }) => {
  const staff = await signedInPage(browser, DEMO.staff);
  const request = await submitRequestAs(staff, vmRequestBody(uniqueName('box')));

  const head = await signedInPage(browser, DEMO.head);
  await head
    .getByRole('navigation', { name: '주 메뉴' })
    .getByRole('link', { name: '개발용 메일함' })
    .click();
  await expect(head.getByRole('heading', { level: 1, name: '개발용 메일함' })).toBeVisible();
  const subject = `[결재 요청] ${request.number} 가상 서버`;
  const row = head.getByRole('row').filter({ hasText: subject }).filter({ hasText: DEMO.head });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row).toContainText('step-pending');
  await expectAccessible(head);

  await row.getByRole('link', { name: subject, exact: true }).click();
  await expect(head.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  const text = head.getByRole('region', { name: '텍스트 본문' });
  await expect(text).toContainText('결재할 요청이 도착했습니다');
  const frame = head.locator('iframe[title^="메일 HTML 본문"]');
  await expect(frame).toHaveAttribute('sandbox', 'allow-popups allow-popups-to-escape-sandbox');
  await expect(
    head.frameLocator('iframe[title^="메일 HTML 본문"]').getByRole('heading', { level: 1 }),
  ).toHaveText('결재할 요청이 도착했습니다');
  await expectAccessibleAroundFrame(head);

  // the link in the text part leads to the approval page
  await text.getByRole('link', { name: /\/approve\/apv_/ }).click();
  await expect(head.getByRole('heading', { level: 1, name: `결재 요청 ${request.number}` })).toBeVisible();
});
