import type { Browser, Page } from '@playwright/test';
import { callApi, DEMO, expect, expectAccessible, signedInPage, test, uniqueName } from '../fixtures';
import { approvalLinkIn, waitForMail } from '../support/mailbox';

// 결재 by email: the mail goes over real SMTP to the server the e2e harness started
// (scripts/e2e-server.ts), is parsed as a mail client would, and its link is followed in a browser
// that is not signed in. Opening the link changes nothing; the button decides, once.

type RequestJson = {
  id: string;
  number: string;
  status: string;
  steps: { status: string; decidedBy: { id: string; name: string } | null }[];
};

async function readRequest(page: Page, id: string): Promise<RequestJson> {
  const answer = await callApi<RequestJson>(page, 'GET', `/api/v1/requests/${id}`);
  expect(answer.status).toBe(200);
  return answer.body;
}

/** A browser with no session at all: the link alone must be enough. */
async function anonymousPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  return context.newPage();
}

/** The same link with one character of its token changed. */
const tampered = (link: string) => link.slice(0, -1) + (link.endsWith('A') ? 'B' : 'A');

test('an approver decides from the mail, without signing in, and the link works once', async ({
  browser,
}) => {
  const hostname = uniqueName('mail');
  const purpose = '메일 결재 종단 간 시험용 서버';

  // 기안 in the browser
  const staff = await signedInPage(browser, DEMO.staff);
  await staff.goto('/catalog');
  await staff.getByRole('link', { name: '가상 서버 신청' }).click();
  await staff.getByLabel('호스트 이름', { exact: true }).fill(hostname);
  await staff.getByLabel('업무 시스템', { exact: true }).selectOption({ label: '버스정보시스템(BIS)' });
  await staff.getByRole('radio', { name: '개발' }).check();
  await staff.getByLabel('사용 목적', { exact: true }).fill(purpose);
  await staff.getByRole('button', { name: '요청 제출' }).click();
  await expect(staff).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const requestId = new URL(staff.url()).pathname.split('/').at(-1)!;
  const { number } = await readRequest(staff, requestId);

  // the department head's mail, as it arrived over SMTP
  const mail = await waitForMail({ to: DEMO.head, subject: number });
  expect(mail.subject).toBe(`[결재 요청] ${number} 가상 서버`);
  expect(mail.text).toContain('결재할 요청이 도착했습니다');
  expect(mail.text).toContain(purpose);
  expect(mail.text).toContain('72,000원');
  expect(mail.text).toContain('교통국');
  const link = approvalLinkIn(mail);
  expect(link).toMatch(/\/approve\/apv_[A-Za-z0-9_-]{43}$/);
  expect(mail.html).toBeTruthy();
  expect(mail.html).toContain(`href="${link}"`);
  expect(mail.html).toContain('lang="ko"');

  // opened in a browser that never signed in: the request and the form, and nothing decided
  const approver = await anonymousPage(browser);
  await approver.goto(link);
  await expect(approver.getByRole('heading', { level: 1, name: `결재 요청 ${number}` })).toBeVisible();
  await expect(approver.getByText('이 화면을 연 것만으로는 아무것도 처리되지 않았습니다.')).toBeVisible();
  const summary = approver.getByRole('region', { name: '요청 내용' });
  await expect(summary).toContainText(purpose);
  await expect(summary).toContainText('버스정보시스템(BIS)');
  await expect(summary).toContainText('교통국');
  await expect(summary).toContainText('72,000');
  await expect(summary).toContainText(hostname);
  await expect(summary).toContainText('결재 중');
  await expect(approver.getByRole('region', { name: '지금까지의 결재선' })).toContainText('결재 차례');
  // the token in the address never reaches another site through a Referer
  await expect(approver.locator('meta[name="referrer"]')).toHaveAttribute('content', 'same-origin');
  await expectAccessible(approver);
  await approver.reload();
  const untouched = await readRequest(staff, requestId);
  expect(untouched.status).toBe('in_approval');
  expect(untouched.steps.map((s) => s.status)).toEqual(['pending', 'waiting']);
  await staff.reload();
  await expect(staff.getByText('결재가 진행 중입니다.')).toBeVisible();

  // 반려 needs a reason: refused beside the field, and nothing changes
  const form = approver.getByRole('region', { name: '결재하기' });
  await form.getByRole('button', { name: '반려' }).click();
  const comment = approver.getByLabel('의견', { exact: true });
  await expect(comment).toHaveAttribute('aria-invalid', 'true');
  await expect(comment).toHaveAccessibleDescription(/반려 사유를 입력해 주세요\./);
  await expectAccessible(approver);
  expect((await readRequest(staff, requestId)).steps.map((s) => s.status)).toEqual(['pending', 'waiting']);

  // 승인
  await comment.fill('메일로 승인합니다.');
  await form.getByRole('button', { name: '승인' }).click();
  await expect(approver.getByRole('heading', { level: 1, name: '승인했습니다' })).toBeVisible();
  await expect(approver.getByText(`요청 ${number}에 대한 결재가 기록되었습니다.`)).toBeVisible();
  await expectAccessible(approver);
  const decided = await readRequest(staff, requestId);
  expect(decided.status).toBe('in_approval');
  expect(decided.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
  expect(decided.steps[0]?.decidedBy?.name).toBeTruthy();

  // the same link again: used, and it says nothing changed
  await approver.goto(link);
  await expect(
    approver.getByRole('heading', { level: 1, name: '이미 사용한 결재 링크입니다' }),
  ).toBeVisible();
  await expect(approver.getByText('아무것도 변경되지 않았습니다.')).toBeVisible();
  await expect(approver.getByRole('link', { name: '포털에 로그인' })).toHaveAttribute('href', '/signin');
  await expect(approver.getByRole('button', { name: '승인' })).toHaveCount(0);
  await expectAccessible(approver);

  // the IT reviewer is mailed a link of their own
  const next = await waitForMail({ to: DEMO.it, subject: number });
  const nextLink = approvalLinkIn(next);
  expect(nextLink).not.toBe(link);

  // a tampered link: a clear page, and nothing changes
  await approver.goto(tampered(nextLink));
  await expect(
    approver.getByRole('heading', { level: 1, name: '올바르지 않은 결재 링크입니다' }),
  ).toBeVisible();
  await expect(approver.getByText('아무것도 변경되지 않았습니다.')).toBeVisible();
  await expectAccessible(approver);
  expect((await readRequest(staff, requestId)).steps.map((s) => s.status)).toEqual(['approved', 'pending']);

  await approver.context().close();

  // the IT reviewer approves from their mail in a browser without JavaScript (a plain form POST):
  // below the 전결 threshold that is final, and the drafter is mailed
  const plain = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await plain.goto(nextLink);
  await plain.getByRole('region', { name: '결재하기' }).getByRole('button', { name: '승인' }).click();
  await expect(plain.getByRole('heading', { level: 1, name: '승인했습니다' })).toBeVisible();
  expect((await readRequest(staff, requestId)).status).toMatch(/^(approved|provisioning|active)$/);
  const approved = await waitForMail({ to: DEMO.staff, subject: `[승인] ${number}` });
  expect(approved.text).toContain('요청이 최종 승인되었습니다');
  await plain.context().close();
});
