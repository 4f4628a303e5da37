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

// 변경 신청 and 사용 기간 연장 as the requester sees them: an active VM (seeded through the API) is
// resized to a larger flavour through the approval line, its page following the change live from
// 사용 중 through 변경 중 back to 사용 중 with the new flavour and the events; then its lease is extended.

type Resource = { id: string; status: string; spec: Record<string, unknown>; leaseUntil: string | null };

/** An active VM of the staff's department: submitted, approved by head and IT over the API, provisioned. */
async function activeVm(browser: Browser, staff: Page, name: string): Promise<string> {
  const request = await submitRequestAs(staff, vmRequestBody(name));
  for (const email of [DEMO.head, DEMO.it]) {
    const approver = await signedInPage(browser, email);
    const decided = await callApi(approver, 'POST', `/api/v1/requests/${request.id}/decision`, {
      decision: 'approve',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    await approver.context().close();
  }
  let resourceId = '';
  await expect
    .poll(
      async () => {
        const answer = await callApi<{ resourceIds: string[] }>(
          staff,
          'GET',
          `/api/v1/requests/${request.id}`,
        );
        resourceId = answer.body.resourceIds[0] ?? '';
        if (!resourceId) return 'none';
        return (await callApi<Resource>(staff, 'GET', `/api/v1/resources/${resourceId}`)).body.status;
      },
      { timeout: 60_000 },
    )
    .toBe('active');
  return resourceId;
}

/** The department head and the IT reviewer approve from their 결재함, as the request path does. */
async function approveAsHeadAndIt(browser: Browser, number: string) {
  for (const email of [DEMO.head, DEMO.it]) {
    const approver = await signedInPage(browser, email);
    await approver.goto('/inbox');
    await approver.getByRole('link', { name: `${number} 결재하기` }).click();
    await expect(approver.getByRole('heading', { level: 1, name: `요청 ${number}` })).toBeVisible();
    await expectAccessible(approver);
    await approver.getByRole('region', { name: '결재하기' }).getByRole('button', { name: '승인' }).click();
    await expect(approver.getByText('승인했습니다.')).toBeVisible();
    await approver.context().close();
  }
}

/** Records every text the live status badge shows from now on (a resize is 변경 중 for seconds only). */
async function recordStatuses(page: Page) {
  await page.evaluate(() => {
    const live = document.querySelector('.page-head__title [aria-live]');
    const seen: string[] = [live?.textContent ?? ''];
    (window as unknown as { seenStatuses: string[] }).seenStatuses = seen;
    if (live)
      new MutationObserver(() => seen.push(live.textContent ?? '')).observe(live, {
        subtree: true,
        childList: true,
        characterData: true,
      });
  });
  return () => page.evaluate(() => (window as unknown as { seenStatuses: string[] }).seenStatuses);
}

test('a VM is resized through the approval line, followed live, and its lease extended', async ({
  browser,
}) => {
  const name = uniqueName('chg-web');
  const staff = await signedInPage(browser, DEMO.staff);
  const resourceId = await activeVm(browser, staff, name);

  // the resource page: how to reach it, no lease yet, and the two change forms
  await staff.goto(`/resources/${resourceId}`);
  await expect(staff.getByRole('heading', { level: 1 })).toContainText(name);
  const access = staff.getByRole('region', { name: '접속 정보' });
  await expect(access).toContainText('IP 주소');
  await expect(access).toContainText(/10\.20\.\d+\.\d+/);
  await expect(staff.getByRole('region', { name: '사용 기간' })).toContainText('정해진 종료일 없음');
  await expectAccessible(staff);

  // 사양 변경: c2m4 → c4m8, priced before it is sent: (4 − 2) × 18,000 + (8 − 4) × 6,000 = 60,000 a month
  const resize = staff.getByRole('form', { name: '사양 변경' });
  await resize.getByLabel('새 사양 (vCPU · 메모리)').selectOption('c4m8');
  await expect(resize).toContainText('+60,000원 / 월');
  await expect(resize).toContainText('지금 72,000원 → 변경 후 132,000원');
  await resize.getByLabel('변경 사유').fill('짧음');
  await resize.getByRole('button', { name: '사양 변경 신청' }).click();
  // refused beside the field, in Korean, and nothing is submitted
  await expect(resize.getByLabel('변경 사유')).toHaveAttribute('aria-invalid', 'true');
  await expect(resize.getByLabel('변경 사유')).toHaveAccessibleDescription(/10자 이상/);
  await expectAccessible(staff);
  await resize.getByLabel('변경 사유').fill('버스 도착 정보 이용자가 늘어 서버 사양을 올립니다');
  await resize.getByRole('button', { name: '사양 변경 신청' }).click();

  // the new request's page: a change request on its approval line
  await expect(staff).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const changeId = new URL(staff.url()).pathname.split('/').pop() as string;
  const change = await callApi<{ number: string; kind: string; status: string }>(
    staff,
    'GET',
    `/api/v1/requests/${changeId}`,
  );
  expect(change.body).toMatchObject({ kind: 'resize', status: 'in_approval' });
  await expect(staff.getByRole('heading', { level: 1, name: `요청 ${change.body.number}` })).toBeVisible();
  await expectAccessible(staff);

  // back on the resource page: the change is listed while it awaits its approvers
  await staff.goto(`/resources/${resourceId}`);
  const changes = staff.getByRole('region', { name: '변경 요청' });
  const row = changes.getByRole('row').filter({ hasText: change.body.number });
  await expect(row).toContainText('사양 변경');
  await expect(row).toContainText('결재 중');
  await expect(row).toContainText('+60,000원');
  const statuses = await recordStatuses(staff);

  await approveAsHeadAndIt(browser, change.body.number);

  // the page follows with no reload: 변경 중, then 사용 중 with the new flavour and the events
  const history = staff.getByRole('region', { name: '이력' });
  await expect(history).toContainText('사양 변경 완료', { timeout: 30_000 });
  await expect(history).toContainText('사양 변경 시작');
  await expect(staff.locator('.page-head__title')).toContainText('사용 중');
  await expect(staff.getByRole('region', { name: '자원 정보' })).toContainText('4 vCPU · 8 GB');
  await expect(row).toContainText('사용 중');
  expect(await statuses()).toContain('변경 중');
  await expectAccessible(staff);

  // 사용 기간 연장: a date three months on, within the 12 allowed
  const lease = staff.getByRole('region', { name: '사용 기간' });
  const newEnd = await lease.getByLabel('새 사용 종료일').inputValue();
  expect(newEnd).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await lease.getByRole('button', { name: '사용 기간 연장' }).click();
  await expect(lease.getByRole('status')).toContainText('연장했습니다');
  await expect(lease).toContainText('일 남음');
  await expect(history).toContainText('사용 기간 연장');
  const after = await callApi<Resource>(staff, 'GET', `/api/v1/resources/${resourceId}`);
  expect(after.body).toMatchObject({ status: 'active', leaseUntil: newEnd, spec: { flavor: 'c4m8' } });
  await expectAccessible(staff);
});
