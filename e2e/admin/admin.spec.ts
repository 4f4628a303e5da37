import { DEMO, expect, expectAccessible, signedInPage, test, uniqueName } from '../fixtures';

// Administration: an admin adds a user with a role in a department; the user signs in with the
// password set for them and sees what the role allows. Non-admins do not see that /admin exists.

test('an admin adds a requester in 복지국 who signs in and can request but not administer', async ({
  browser,
}) => {
  const login = uniqueName('newcomer');
  const email = `${login}@dcloud.example`;
  const name = `신규 ${login.slice(-8)}`;
  const password = 'welfare-e2e-pass-2026';

  const admin = await signedInPage(browser, DEMO.admin);
  await admin.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '관리' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '관리' })).toBeVisible();
  await expectAccessible(admin);
  await admin.getByRole('link', { name: '부서 관리' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '부서 관리' })).toBeVisible();
  await expect(admin.getByRole('table')).toContainText('복지국');
  await expectAccessible(admin);

  await admin.goto('/admin');
  await admin.getByRole('link', { name: '사용자 관리' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: '사용자 관리' })).toBeVisible();
  await expectAccessible(admin);
  const form = admin.locator('#create-user');
  await expect(form.getByRole('heading', { level: 2, name: '사용자 추가' })).toBeVisible();

  // a password that is too short is refused beside its field, and nobody is added
  await form.getByLabel('이름', { exact: true }).fill(name);
  await form.getByLabel('이메일', { exact: true }).fill(email);
  await form.getByLabel('부서', { exact: true }).selectOption({ label: '복지국 (WELFARE)' });
  await expect(form.getByRole('checkbox', { name: /^요청자/ })).toBeChecked();
  await form.getByLabel('초기 비밀번호 (선택)', { exact: true }).fill('short');
  await form.getByRole('button', { name: '사용자 추가' }).click();
  const passwordField = form.getByLabel('초기 비밀번호 (선택)', { exact: true });
  await expect(passwordField).toHaveAttribute('aria-invalid', 'true');
  await expect(passwordField).toHaveAccessibleDescription(/비밀번호는 12~128자로 적어 주세요\./);
  await expect(passwordField).toBeFocused();
  await expect(form.locator('.alert--success')).toHaveCount(0);

  await passwordField.fill(password);
  await form.getByRole('button', { name: '사용자 추가' }).click();
  await expect(form.locator('.alert--success')).toContainText(`‘${name}’ 사용자를 추가했습니다.`);
  await expectAccessible(admin);
  await admin.goto(`/admin/users?q=${encodeURIComponent(email)}`);
  const row = admin.getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('복지국');
  await expect(row).toContainText('요청자');
  await expect(row).toContainText('사용 중');

  // the new user signs in with the password the admin set
  const context = await browser.newContext();
  const user = await context.newPage();
  await user.goto('/signin');
  await user.getByLabel('이메일', { exact: true }).fill(email);
  await user.getByLabel('비밀번호', { exact: true }).fill(password);
  await user.getByRole('button', { name: '로그인', exact: true }).click();
  await expect(user).toHaveURL(/\/catalog$/);
  const header = user.getByRole('banner');
  await expect(header.getByText(name, { exact: true })).toBeVisible();
  await expect(header).toContainText('복지국');
  // a requester: the catalogue's request links, no 결재함 and no 관리
  for (const link of ['가상 서버 신청', '플랫폼 슬롯 (PaaS) 신청', '블록 볼륨 신청']) {
    await expect(user.getByRole('link', { name: link })).toBeVisible();
  }
  const nav = user.getByRole('navigation', { name: '주 메뉴' });
  await expect(nav.getByRole('link', { name: '카탈로그' })).toBeVisible();
  await expect(nav.getByRole('link', { name: '관리' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: /결재함/ })).toHaveCount(0);
  await expectAccessible(user);
  const response = await user.goto('/admin');
  expect(response?.status()).toBe(404);
  await expect(user.getByRole('heading', { level: 1, name: '페이지를 찾을 수 없습니다' })).toBeVisible();
  await context.close();
});

test('a requester opening /admin or /admin/users gets the not-found page', async ({ browser }) => {
  const staff = await signedInPage(browser, DEMO.staff);
  for (const path of ['/admin', '/admin/users', '/admin/departments']) {
    const response = await staff.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(staff.getByRole('heading', { level: 1, name: '페이지를 찾을 수 없습니다' })).toBeVisible();
    await expect(staff.getByRole('heading', { level: 1, name: '관리' })).toHaveCount(0);
  }
  await expectAccessible(staff);
  // the header stays, so the user can go on
  await staff.getByRole('link', { name: '처음 화면으로' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: '서비스 카탈로그' })).toBeVisible();
});
