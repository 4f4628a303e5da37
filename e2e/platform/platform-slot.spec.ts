import type { Browser, Page } from '@playwright/test';
import { callApi, DEMO, expect, expectAccessible, signedInPage, test, uniqueName } from '../fixtures';

// Platform slots and volumes: the live estimate against figures worked out by hand, a new business
// system named in the form, and the path through the 결재선 to a resource in use.

/** The department head and the IT reviewer approve from their 결재함 rows. */
async function approveAsHeadAndIt(browser: Browser, number: string, scan = false) {
  for (const email of [DEMO.head, DEMO.it]) {
    const approver = await signedInPage(browser, email);
    await approver.goto('/inbox');
    if (scan) await expectAccessible(approver);
    await approver.getByRole('link', { name: `${number} 결재하기` }).click();
    await expect(approver.getByRole('heading', { level: 1, name: `요청 ${number}` })).toBeVisible();
    if (scan) await expectAccessible(approver);
    await approver.getByRole('region', { name: '결재하기' }).getByRole('button', { name: '승인' }).click();
    await expect(approver.getByText('승인했습니다.')).toBeVisible();
    await approver.context().close();
  }
}

async function submittedNumber(page: Page): Promise<{ id: string; number: string }> {
  await expect(page).toHaveURL(/\/requests\/[0-9a-f-]{36}$/);
  const id = new URL(page.url()).pathname.split('/').pop() as string;
  const answer = await callApi<{ number: string }>(page, 'GET', `/api/v1/requests/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: `요청 ${answer.body.number}` })).toBeVisible();
  return { id, number: answer.body.number };
}

test('a platform slot for a new business system is estimated, approved and comes up', async ({ browser }) => {
  const namespace = uniqueName('relief-web');
  const systemName = `교통약자 이동지원 ${namespace.slice(-8)}`;
  const staff = await signedInPage(browser, DEMO.staff);
  await staff.goto('/catalog');
  await staff.getByRole('link', { name: '플랫폼 슬롯 (PaaS) 신청' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: '플랫폼 슬롯 (PaaS) 신청' })).toBeVisible();

  const estimate = staff.getByRole('region', { name: '월 예상 비용' });
  // the defaults: 2 instances × (1 vCPU, 2 GB) = 2 × (18,000 + 12,000) + 2 × 25,000
  await expect(estimate).toContainText('110,000원');
  await staff.getByLabel('네임스페이스 이름', { exact: true }).fill(namespace);
  await staff.getByLabel('런타임', { exact: true }).selectOption({ label: 'Node.js 22' });
  await staff.getByLabel('인스턴스 수', { exact: true }).fill('3');
  await staff.getByLabel('인스턴스당 vCPU', { exact: true }).fill('2');
  await staff.getByLabel('인스턴스당 메모리 (GB)', { exact: true }).fill('4');
  // 3 × (2 × 18,000 + 4 × 6,000) + 3 × 25,000 = 180,000 + 75,000
  await expect(estimate).toContainText('255,000원');
  const lines = estimate.getByRole('listitem');
  await expect(lines.filter({ hasText: 'vCPU 6개' })).toContainText('108,000원');
  await expect(lines.filter({ hasText: '메모리 12GB' })).toContainText('72,000원');
  await expect(lines.filter({ hasText: '인스턴스 3개' })).toContainText('75,000원');
  // 백업 adds 15 %: 255,000 × 1.15 = 293,250
  await staff.getByRole('group', { name: '재해복구(DR) 등급' }).getByRole('radio', { name: /^백업/ }).check();
  await expect(estimate).toContainText('293,250원');
  await expect(lines.filter({ hasText: '재해복구 15%' })).toContainText('38,250원');
  // below the 전결 threshold: head and IT only
  await expect(staff.getByRole('region', { name: '결재선 미리 보기' }).getByRole('listitem')).toHaveCount(2);

  await staff.getByLabel('업무 시스템', { exact: true }).selectOption({ label: '새 업무 시스템' });
  await staff.getByLabel('새 업무 시스템 이름', { exact: true }).fill(systemName);
  await staff.getByRole('group', { name: '사용 환경' }).getByRole('radio', { name: '검증' }).check();
  await staff.getByLabel('사용 목적', { exact: true }).fill('교통약자 이동지원 예약 웹 서비스 검증 환경');
  await expectAccessible(staff);
  await staff.getByRole('button', { name: '요청 제출' }).click();

  const { id, number } = await submittedNumber(staff);
  const summary = staff.getByRole('region', { name: '요청 내용' });
  await expect(summary).toContainText(systemName);
  await expect(summary).toContainText('293,250원');
  await expect(summary).toContainText('검증');
  await expect(summary).toContainText('백업');
  await expectAccessible(staff);

  await approveAsHeadAndIt(browser, number, true);

  // the resource comes up on the resources page with no reload
  await staff.goto('/resources');
  await expect(staff.getByRole('heading', { level: 1, name: '자원' })).toBeVisible();
  const row = staff.getByRole('row').filter({ hasText: namespace });
  await expect(row).toContainText(systemName, { timeout: 30_000 });
  await expect(row.getByText('사용 중')).toBeVisible({ timeout: 30_000 });
  await expectAccessible(staff);
  await row.getByRole('link', { name: namespace }).click();
  await expect(staff.getByRole('heading', { level: 1, name: `자원 ${namespace}` })).toBeVisible();
  await expect(staff.getByRole('heading', { name: '생성 진행 단계' })).toBeVisible();
  await expect(staff.getByRole('heading', { name: '이력' })).toBeVisible();
  // how the department reaches its namespace: API server, namespace, group and a kubectl example
  const access = staff.getByRole('region', { name: '접속 정보' });
  await expect(access).toContainText('API 서버');
  await expect(access).toContainText(`dc-${namespace}`);
  await expect(access).toContainText('dcloud:dept:TRAFFIC');
  await expect(access.getByLabel('예시 명령 (kubectl)')).toHaveValue(
    new RegExp(`^kubectl --server https://\\S+ --namespace dc-${namespace}\\S* get pods$`),
  );
  await expectAccessible(staff);
  await staff.getByRole('link', { name: '원래 요청 보기' }).first().click();
  await expect(staff).toHaveURL(new RegExp(`/requests/${id}$`));
  await expect(staff.getByText('자원이 준비되어 사용할 수 있습니다.')).toBeVisible();
});

test('a block volume is estimated by its size and comes up', async ({ browser }) => {
  const volume = uniqueName('bis-data');
  const staff = await signedInPage(browser, DEMO.staff);
  await staff.goto('/catalog');
  await staff.getByRole('link', { name: '블록 볼륨 신청' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: '블록 볼륨 신청' })).toBeVisible();
  const estimate = staff.getByRole('region', { name: '월 예상 비용' });
  await expect(estimate).toContainText('12,000원'); // 100 GB × 120
  await staff.getByLabel('볼륨 이름', { exact: true }).fill(volume);
  await staff.getByLabel('용량 (GB)', { exact: true }).fill('500');
  await expect(estimate).toContainText('60,000원'); // 500 GB × 120
  await staff.getByLabel('업무 시스템', { exact: true }).selectOption({ label: '주정차 단속 시스템' });
  await staff.getByLabel('사용 목적', { exact: true }).fill('단속 사진 보관용 추가 디스크');
  await expectAccessible(staff);
  await staff.getByRole('button', { name: '요청 제출' }).click();
  const { number } = await submittedNumber(staff);
  await expect(staff.getByRole('region', { name: '요청 내용' })).toContainText('60,000원');

  await approveAsHeadAndIt(browser, number);
  await expect(staff.getByText('자원이 준비되어 사용할 수 있습니다.')).toBeVisible({ timeout: 30_000 });
  await staff.getByRole('link', { name: '자원 상세 보기' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: `자원 ${volume}` })).toBeVisible();
});
