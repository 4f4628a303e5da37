import type { Page } from '@playwright/test';
import {
  callApi,
  DEMO,
  expect,
  expectAccessible,
  type SubmittedRequest,
  signedInPage,
  submitRequestAs,
  test,
  uniqueName,
  vmRequestBody,
} from '../fixtures';

// The 결재선 beyond the happy path: 반려 with and without a reason, the senior approver above the
// 전결 threshold, a stale tab deciding a step that has moved on, and the drafter's 요청 취소.

type RequestJson = SubmittedRequest & {
  steps: (SubmittedRequest['steps'][number] & { decidedAt: string | null; comment: string | null })[];
};

async function readRequest(page: Page, id: string): Promise<RequestJson> {
  const answer = await callApi<RequestJson>(page, 'GET', `/api/v1/requests/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** Opens the request from the approver's 결재함 by its row link ("REQ-000123 결재하기"). */
async function openFromInbox(page: Page, number: string) {
  await page.goto('/inbox');
  await expect(page.getByRole('heading', { level: 1, name: '결재함' })).toBeVisible();
  await page.getByRole('link', { name: `${number} 결재하기` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `요청 ${number}` })).toBeVisible();
}

async function approveOnPage(page: Page) {
  await page.getByRole('region', { name: '결재하기' }).getByRole('button', { name: '승인' }).click();
  await expect(page.getByText('승인했습니다.')).toBeVisible();
  await expect(page.getByRole('region', { name: '결재하기' })).toHaveCount(0);
}

test('반려 needs a reason; with one the drafter sees 반려 and the reason', async ({ browser }) => {
  const staff = await signedInPage(browser, DEMO.staff);
  const request = await submitRequestAs(staff, vmRequestBody(uniqueName('rej')));
  const head = await signedInPage(browser, DEMO.head);
  await openFromInbox(head, request.number);
  await expectAccessible(head);

  // without a reason: refused beside the comment field, and nothing changes
  const decision = head.getByRole('region', { name: '결재하기' });
  await decision.getByRole('button', { name: '반려' }).click();
  const comment = head.getByLabel('의견', { exact: true });
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toHaveAccessibleDescription(/반려 사유를 입력해 주세요\./);
  await expect(comment).toBeFocused();
  await expectAccessible(head);
  const unchanged = await readRequest(head, request.id);
  expect(unchanged.status).toBe('in_approval');
  expect(unchanged.steps.map((s) => s.status)).toEqual(['pending', 'waiting']);
  await head.reload();
  await expect(head.getByRole('region', { name: '결재하기' })).toBeVisible();

  // with a reason: rejected, the rest of the line is skipped
  const reason = `예산 확보 후 다시 신청해 주세요 (${request.number})`;
  await head.getByLabel('의견', { exact: true }).fill(reason);
  await head.getByRole('region', { name: '결재하기' }).getByRole('button', { name: '반려' }).click();
  await expect(head.getByText('반려했습니다.')).toBeVisible();
  await expect(head.getByRole('region', { name: '결재하기' })).toHaveCount(0);

  // the drafter sees the status and the reason
  await staff.goto(`/requests/${request.id}`);
  await expect(staff.getByText('요청이 반려되었습니다.')).toBeVisible();
  const line = staff.getByRole('region', { name: '결재선', exact: true });
  await expect(line).toContainText(reason);
  await expect(line.getByRole('listitem').first()).toContainText('반려');
  await expect(staff.getByRole('button', { name: '요청 취소' })).toHaveCount(0);
  await expectAccessible(staff);
  await staff.goto('/requests');
  const row = staff.getByRole('row').filter({ hasText: request.number });
  await expect(row).toContainText('반려');
  const rejected = await readRequest(staff, request.id);
  expect(rejected.steps.map((s) => s.status)).toEqual(['rejected', 'skipped']);
  expect(rejected.steps[0]?.comment).toBe(reason);
});

test('above the 전결 threshold the director signs after the head and IT', async ({ browser }) => {
  const hostname = uniqueName('gis-db');
  const staff = await signedInPage(browser, DEMO.staff);
  await staff.goto('/requests/new?item=vm-standard');
  await expect(staff.getByRole('heading', { level: 1, name: '가상 서버 신청' })).toBeVisible();
  const preview = staff.getByRole('region', { name: '결재선 미리 보기' });
  await expect(preview.getByRole('listitem')).toHaveCount(2);
  await expect(preview).toContainText('미만은 정보화담당관 전결');

  await staff.getByLabel('호스트 이름', { exact: true }).fill(hostname);
  await staff.getByLabel('사양 (vCPU · 메모리)', { exact: true }).selectOption('c16m64');
  await staff.getByLabel('디스크 (GB)', { exact: true }).fill('2048');
  await staff
    .getByRole('group', { name: '재해복구(DR) 등급' })
    .getByRole('radio', { name: /^원격지 이중화/ })
    .check();
  // (16 × 18,000 + 64 × 6,000 + 2,048 × 120) × 1.9 = 917,760 × 1.9 = 1,743,744 ≥ 1,000,000
  await expect(staff.getByRole('region', { name: '월 예상 비용' })).toContainText('1,743,744');
  await expect(preview.getByRole('listitem')).toHaveCount(3);
  await expect(preview.getByRole('listitem').nth(2)).toContainText('상위 결재권자');
  await expect(preview).toContainText('상위 결재권자 결재가 포함됩니다');
  await staff.getByLabel('업무 시스템', { exact: true }).selectOption({ label: '버스정보시스템(BIS)' });
  // not 운영: that environment brings a planner's 협조 into the line as well
  await staff.getByRole('group', { name: '사용 환경' }).getByRole('radio', { name: '검증' }).check();
  await staff.getByLabel('사용 목적', { exact: true }).fill('버스 운행 이력 분석용 데이터베이스 서버');
  await expectAccessible(staff);
  await staff.getByRole('button', { name: '요청 제출' }).click();
  await expect(staff).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const requestId = new URL(staff.url()).pathname.split('/').pop() as string;
  const { number } = await readRequest(staff, requestId);
  await expect(staff.getByRole('region', { name: '결재선', exact: true }).getByRole('listitem')).toHaveCount(
    3,
  );

  const head = await signedInPage(browser, DEMO.head);
  await openFromInbox(head, number);
  await approveOnPage(head);
  const it = await signedInPage(browser, DEMO.it);
  await openFromInbox(it, number);
  await approveOnPage(it);

  // after the head and IT it still waits, for the senior approver
  const waiting = await readRequest(it, requestId);
  expect(waiting.status).toBe('in_approval');
  expect(waiting.steps.map((s) => s.status)).toEqual(['approved', 'approved', 'pending']);
  await staff.reload();
  await expect(staff.getByText('결재가 진행 중입니다.')).toBeVisible();
  await expect(
    staff.getByRole('region', { name: '결재선', exact: true }).getByRole('listitem').nth(2),
  ).toContainText('결재 차례');

  const director = await signedInPage(browser, DEMO.director);
  await openFromInbox(director, number);
  await expectAccessible(director);
  await approveOnPage(director);
  // approved → provisioned through the simulator; the drafter's page follows without a reload
  await expect(staff.getByText('자원이 준비되어 사용할 수 있습니다.')).toBeVisible({ timeout: 30_000 });
  await expect(staff.getByRole('link', { name: '자원 상세 보기' })).toBeVisible();
});

test('a stale second tab cannot decide a step that has moved on', async ({ browser }) => {
  const staff = await signedInPage(browser, DEMO.staff);
  const request = await submitRequestAs(staff, vmRequestBody(uniqueName('stale')));
  const tabA = await signedInPage(browser, DEMO.head);
  const tabB = await tabA.context().newPage();

  // tab B keeps showing the request as it was when it opened (its live refresh answers the old state)
  const snapshot = await readRequest(tabA, request.id);
  await tabB.route(`**/api/v1/requests/${request.id}`, (route) => route.fulfill({ json: snapshot }));
  await tabB.goto(`/requests/${request.id}`);
  await tabA.goto(`/requests/${request.id}`);
  await expect(tabB.getByRole('region', { name: '결재하기' })).toBeVisible();

  await approveOnPage(tabA);
  const afterFirst = await readRequest(tabA, request.id);
  expect(afterFirst.steps.map((s) => s.status)).toEqual(['approved', 'pending']);

  await tabB.getByRole('region', { name: '결재하기' }).getByRole('button', { name: '승인' }).click();
  await expect(tabB.getByRole('region', { name: '결재하기' }).getByRole('alert')).toHaveText(
    '지금 결재할 차례인 단계가 없습니다.',
  );
  await expectAccessible(tabB);

  // nothing changed, and the API answers the same decision with 409
  expect(await readRequest(tabA, request.id)).toEqual(afterFirst);
  const again = await callApi<{ error: { code: string; message: string } }>(
    tabA,
    'POST',
    `/api/v1/requests/${request.id}/decision`,
    { decision: 'approve' },
  );
  expect(again.status).toBe(409);
  expect(again.body.error).toMatchObject({
    code: 'conflict',
    message: '지금 결재할 차례인 단계가 없습니다.',
  });
  expect(await readRequest(tabA, request.id)).toEqual(afterFirst);
});

test('the drafter cancels a request in approval and it leaves the head’s inbox', async ({ browser }) => {
  const staff = await signedInPage(browser, DEMO.staff);
  const request = await submitRequestAs(staff, vmRequestBody(uniqueName('cancel')));
  const head = await signedInPage(browser, DEMO.head);
  await head.goto('/inbox');
  await expect(head.getByRole('link', { name: `${request.number} 결재하기` })).toBeVisible();
  await expectAccessible(head);

  await staff.goto(`/requests/${request.id}`);
  await expect(staff.getByRole('heading', { level: 1, name: `요청 ${request.number}` })).toBeVisible();
  // 돌아가기 keeps the request as it is
  await staff.getByRole('button', { name: '요청 취소' }).click();
  await expect(staff.getByRole('button', { name: '취소 확정', exact: true })).toBeFocused();
  await expectAccessible(staff);
  await staff.getByRole('button', { name: '돌아가기', exact: true }).click();
  await expect(staff.getByRole('button', { name: '요청 취소' })).toBeFocused();
  expect((await readRequest(staff, request.id)).status).toBe('in_approval');

  await staff.getByRole('button', { name: '요청 취소' }).click();
  await staff.getByRole('button', { name: '취소 확정', exact: true }).click();
  await expect(staff.getByText('요청을 취소했습니다.')).toBeVisible();
  await expect(staff.getByText('요청이 취소되었습니다.')).toBeVisible();
  await expect(staff.getByRole('button', { name: '요청 취소' })).toHaveCount(0);
  const cancelled = await readRequest(staff, request.id);
  expect(cancelled.status).toBe('cancelled');
  expect(cancelled.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);

  await head.reload();
  await expect(head.getByRole('heading', { level: 1, name: '결재함' })).toBeVisible();
  await expect(head.getByRole('link', { name: `${request.number} 결재하기` })).toHaveCount(0);
  await head.goto(`/requests/${request.id}`);
  await expect(head.getByText('요청이 취소되었습니다.')).toBeVisible();
  await expect(head.getByRole('region', { name: '결재하기' })).toHaveCount(0);
});
