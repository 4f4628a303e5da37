import { readFile } from 'node:fs/promises';
import type { Locator } from '@playwright/test';
import { DEMO, expect, expectAccessible, signedInPage, test } from '../fixtures';

// The savings dashboard (절감 효과): a planner reads the headline, the per-year table behind the chart,
// narrows it with filters kept in the URL, downloads the table as CSV (the same figures as on screen)
// and tries other assumptions without saving them. A requester is not told the page exists.

const PLANNER = 'planner@dcloud.example';
const YEAR_CHART = '연도별 별도 구축 비용과 공유 클라우드 비용';

/** Every row of a table as the text of its cells (header, body, total). */
function cellTexts(table: Locator) {
  return table
    .locator('tr')
    .evaluateAll((rows) =>
      rows.map((row) =>
        [...(row as HTMLTableRowElement).cells].map((cell) => (cell.textContent ?? '').trim()),
      ),
    );
}

/** RFC 4180 rows of a CSV text without its byte order mark (no quoted line breaks in these tables). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) =>
      [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)]
        .slice(0, -1)
        .map((m) => m[1]!.replace(/^"|"$/g, '').replaceAll('""', '"')),
    );
}

test('a planner reads the savings, narrows them by URL and downloads exactly the figures on screen', async ({
  browser,
}) => {
  const page = await signedInPage(browser, PLANNER);
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '대시보드' }).click();
  await expect(page).toHaveURL(/\/dashboards\/savings$/);
  await expect(page.getByRole('heading', { level: 1, name: '절감 효과' })).toBeVisible();

  // the headline: the model's own 42.4 % over 2016–2021, amounts in 만/억
  const headline = page.getByRole('region', { name: '핵심 지표' });
  await expect(headline).toContainText('42.4%');
  await expect(headline).toContainText('25억 9,620만 원');
  await expect(headline).toContainText('8,268일');
  await expect(page.getByRole('img', { name: YEAR_CHART })).toBeVisible();
  await expectAccessible(page);

  // the chart's table view holds the per-year rows
  const years = page.getByRole('region', { name: YEAR_CHART });
  const yearTable = years.getByRole('table', { name: /^연도별 절감/ });
  await expect(yearTable).toBeHidden();
  await years.getByText('표로 보기').click();
  await expect(yearTable).toBeVisible();
  await expect(yearTable.getByRole('rowheader')).toHaveText([
    '2016',
    '2017',
    '2018',
    '2019',
    '2020',
    '2021',
    '합계',
  ]);
  await expect(yearTable.getByRole('row', { name: /^2016/ })).toContainText('397,912,181');
  await expect(yearTable.getByRole('row', { name: /^합계/ })).toContainText('6,122,314,952');
  await expectAccessible(page);

  // a filter narrows the figures and stays in the URL
  await page.getByLabel('시작 월').fill('2019-01');
  await page.getByLabel('부서', { exact: true }).selectOption({ label: '환경수자원국' });
  await page.getByRole('button', { name: '조회' }).click();
  await expect(page).toHaveURL(/[?&]from=2019-01&.*department=ENV/);
  await page.reload();
  await expect(page.getByLabel('시작 월')).toHaveValue('2019-01');
  await expect(page.getByLabel('부서', { exact: true })).toHaveValue('ENV');
  await expect(page.getByRole('status').filter({ hasText: '환경수자원국' })).toContainText(
    '2019-01 ~ 2021-12',
  );
  await years.getByText('표로 보기').click();
  await expect(yearTable.getByRole('rowheader')).toHaveText(['2019', '2020', '2021', '합계']);
  const systems = page.getByRole('table', { name: /^시스템별 절감/ });
  await expect(systems.getByRole('row')).toHaveCount(1 + 7 + 1);
  await expectAccessible(page);

  // the CSV holds exactly the table on screen (UTF-8 with a BOM for Excel)
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    years.getByRole('link', { name: `CSV 내려받기 (${YEAR_CHART})` }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('dcloud-savings-years-2019-01_2021-12.csv');
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const onScreen = (await cellTexts(yearTable)).map((row) =>
    row.map((text) => (text === '—' ? '' : /^[\d,.-]+$/.test(text) ? text.replaceAll(',', '') : text)),
  );
  expect(csvRows(csv)).toEqual(onScreen);
});

test('a planner tries other assumptions and nothing is saved', async ({ browser }) => {
  const page = await signedInPage(browser, PLANNER);
  await page.goto('/dashboards/savings');
  const panel = page.getByRole('region', { name: '가정 바꿔 보기' });

  // a bad value is named at its field, with its range, and nothing is computed
  await panel.getByLabel('판매 가능 비율').fill('150');
  await panel.getByRole('button', { name: '다시 계산' }).click();
  const sellable = panel.getByLabel('판매 가능 비율');
  await expect(sellable).toHaveAttribute('aria-invalid', 'true');
  await expect(sellable).toHaveAccessibleDescription(/1~100 사이의 정수를 적어 주세요\./);
  await expect(sellable).toBeFocused();
  await expectAccessible(page);

  // docs/cost-model.md, "Sensitivity": a 90 % sellable share gives 48.1 %
  await sellable.fill('90');
  await panel.getByRole('button', { name: '다시 계산' }).click();
  await expect(panel.getByRole('status')).toContainText('저장된 가정 42.4%, 바꾼 가정 48.1%');
  const compared = panel.getByRole('table', { name: '핵심 지표 비교' });
  await expect(compared.getByRole('row', { name: /^절감률/ })).toContainText('+5.7%p');
  await expectAccessible(page);

  await page.reload();
  await expect(page.getByRole('region', { name: '핵심 지표' })).toContainText('42.4%');
});

test('a requester neither sees nor reaches the dashboards', async ({ browser }) => {
  const page = await signedInPage(browser, DEMO.staff);
  await expect(
    page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '대시보드' }),
  ).toHaveCount(0);
  await page.goto('/dashboards/savings');
  await expect(page.getByRole('heading', { level: 1, name: '페이지를 찾을 수 없습니다' })).toBeVisible();
  await expectAccessible(page);
});
