import { expect, expectAccessible, signedInPage, test } from '../fixtures';

// The walking skeleton's path as its three users walk it: the requester drafts a VM request, the
// department head and the IT reviewer approve it from their inboxes, and the requester watches the
// resource come up without reloading.
test('a VM request travels the approval line and is provisioned', async ({ browser }) => {
  const hostname = `bis-web-${Date.now().toString(36).slice(-5)}`;

  // 기안: the requester picks a VM in the catalogue and fills the form
  const staff = await signedInPage(browser, 'staff@dcloud.example');
  await staff.goto('/catalog');
  await expect(staff.getByRole('heading', { level: 1, name: '서비스 카탈로그' })).toBeVisible();
  await expectAccessible(staff);
  await staff.getByRole('link', { name: '가상 서버 신청' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: '가상 서버 신청' })).toBeVisible();

  await staff.getByLabel('호스트 이름', { exact: true }).fill(hostname);
  const estimate = staff.getByRole('region', { name: '월 예상 비용' });
  await expect(estimate).toContainText('72,000');
  await staff.getByLabel('사양 (vCPU · 메모리)', { exact: true }).selectOption('c4m8');
  await expect(estimate).toContainText('132,000'); // 4 × 18,000 + 8 × 6,000 + 100 × 120
  await staff.getByLabel('업무 시스템', { exact: true }).selectOption({ label: '버스정보시스템(BIS)' });
  await staff.getByRole('radio', { name: '개발' }).check();

  // a purpose that is too short is refused beside its field, in Korean, and nothing is submitted
  await staff.getByLabel('사용 목적', { exact: true }).fill('짧음');
  await staff.getByRole('button', { name: '요청 제출' }).click();
  const purpose = staff.getByLabel('사용 목적', { exact: true });
  await expect(purpose).toHaveAttribute('aria-invalid', 'true');
  await expect(purpose).toHaveAccessibleDescription(/사용 목적을 10자 이상 적어 주세요\./);
  await expect(staff).toHaveURL(/\/requests\/new/);
  await expectAccessible(staff);

  await staff.getByLabel('사용 목적', { exact: true }).fill('버스 도착 정보 안내 웹 서버 증설');
  await staff.getByRole('button', { name: '요청 제출' }).click();
  await expect(staff).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const requestUrl = new URL(staff.url()).pathname;
  await expect(staff.getByText('결재가 진행 중입니다.')).toBeVisible();
  await expect(staff.getByText('132,000').first()).toBeVisible();
  await expectAccessible(staff);

  // 결재 1: the department head approves from the inbox
  const head = await signedInPage(browser, 'head@dcloud.example');
  await head.goto('/inbox');
  await expect(head.getByRole('heading', { level: 1, name: '결재함' })).toBeVisible();
  await expectAccessible(head);
  await head.locator(`a[href="${requestUrl}"]`).first().click();
  await expectAccessible(head);
  await head.getByRole('button', { name: '승인' }).click();
  await expect(head.getByText('승인했습니다.')).toBeVisible();
  await expect(head.getByRole('button', { name: '승인' })).toHaveCount(0);

  // 결재 2: the IT reviewer approves; below the 전결 threshold that is final
  const it = await signedInPage(browser, 'it@dcloud.example');
  await it.goto('/inbox');
  await it.locator(`a[href="${requestUrl}"]`).first().click();
  // wait for the request page: the inbox has 승인 buttons of its own (bulk approval)
  await expect(it).toHaveURL(new RegExp(`${requestUrl}$`));
  await expect(it.getByRole('region', { name: '결재하기' })).toBeVisible();
  await it.getByRole('region', { name: '결재하기' }).getByRole('button', { name: '승인' }).click();
  await expect(it.getByText('승인했습니다.')).toBeVisible();

  // the requester, on the resources page, sees the resource appear and go active with no reload
  await staff.goto('/resources');
  await expectAccessible(staff);
  const row = staff.getByRole('row').filter({ hasText: hostname });
  await expect(row).toBeVisible({ timeout: 30_000 });
  await expect(row.getByText('사용 중')).toBeVisible({ timeout: 30_000 });
  await row.getByRole('link').first().click();
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(hostname);
  await expectAccessible(staff);
  await staff.goto(requestUrl);
  await expect(staff.getByText('자원이 준비되어 사용할 수 있습니다.')).toBeVisible();

  // another department's requester cannot open it
  const welfare = await signedInPage(browser, 'welfare@dcloud.example');
  const response = await welfare.goto(requestUrl);
  expect(response?.status()).toBe(404);
});
