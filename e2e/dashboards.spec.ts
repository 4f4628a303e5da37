import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, signedInPage, test } from './fixtures';

// A planner's round of the dashboards (절감 효과, 자원 활용, 쇼백, 용량 전망, 적정 규모 권고) and the monthly
// report: narrows each by its filters, finds them kept in the URL after a reload, opens a chart's table
// view and downloads the CSV of that table, whose figures must be the ones on screen. Periods are always
// chosen explicitly: the defaults follow the last month with allocations, which live resources move.

const PLANNER = 'planner@dcloud.example';

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

/** One RFC 4180 line's cells (quoted cells may hold commas and doubled quotes; empty cells kept). */
function csvLine(line: string): string[] {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let value = '';
      let from = i + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (line[quote + 1] === '"') {
          value += line.slice(from, quote + 1);
          from = quote + 2;
        } else {
          value += line.slice(from, quote);
          i = quote + 1;
          break;
        }
      }
      cells.push(value);
    } else {
      const comma = line.indexOf(',', i);
      const end = comma === -1 ? line.length : comma;
      cells.push(line.slice(i, end));
      i = end;
    }
    if (i >= line.length) return cells;
    i += 1;
    if (i === line.length) return [...cells, ''];
  }
}

/** The rows of a CSV text without its byte order mark (no quoted line breaks in these tables). */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map(csvLine);
}

/** A figure as a number whatever its grouping and trailing zeros ("1,234.0" = "1234"); "—" is empty. */
const figure = (text: string) =>
  text === '—' ? '' : /^-?[\d,]+(\.\d+)?$/.test(text) ? String(Number(text.replaceAll(',', ''))) : text;

/** Downloads a table's CSV by its link and checks it holds exactly the table's rows on screen. */
async function expectCsvOfTable(page: Page, link: Locator, table: Locator) {
  await expect(table).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
  expect(download.suggestedFilename()).toMatch(/\.csv$/);
  const csv = await readFile(await download.path(), 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const onScreen = (await cellTexts(table)).map((row) => row.map(figure));
  expect(onScreen.length).toBeGreaterThan(1);
  expect(csvRows(csv).map((row) => row.map(figure))).toEqual(onScreen);
}

/** Opens a chart's table view (the <details> under it) and returns its table. */
async function openTableView(section: Locator) {
  await section.getByText('표로 보기').click();
  const table = section.locator('details[open] table');
  await expect(table).toBeVisible();
  return table;
}

/** Follows a link of the dashboards' own navigation and waits for the page's heading. */
async function goToDashboard(page: Page, link: string, heading: string) {
  await page.getByRole('navigation', { name: '대시보드 목록' }).getByRole('link', { name: link }).click();
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
}

test('a planner narrows savings, showback and utilisation, keeps the filters in the URL and downloads the tables on screen', async ({
  browser,
}) => {
  const page = await signedInPage(browser, PLANNER);
  await page.getByRole('navigation', { name: '주 메뉴' }).getByRole('link', { name: '대시보드' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '절감 효과' })).toBeVisible();

  // 절감 효과: the years 2016–2020 only, kept on reload
  await page.getByLabel('시작 월').fill('2016-01');
  await page.getByLabel('종료 월').fill('2020-12');
  await page.getByRole('button', { name: '조회' }).click();
  await expect(page).toHaveURL(/[?&]to=2020-12/);
  await page.reload();
  await expect(page.getByLabel('종료 월')).toHaveValue('2020-12');
  const years = page.getByRole('region', { name: '연도별 별도 구축 비용과 공유 클라우드 비용' });
  const yearTable = await openTableView(years);
  await expect(yearTable.getByRole('rowheader')).toHaveText(['2016', '2017', '2018', '2019', '2020', '합계']);

  // 쇼백: 교통국's systems in 2021
  await goToDashboard(page, '쇼백', '쇼백');
  await page.getByLabel('시작 월').fill('2021-01');
  await page.getByLabel('종료 월').fill('2021-12');
  await page.getByLabel('부서', { exact: true }).selectOption({ label: '교통국' });
  await page.getByRole('button', { name: '조회' }).click();
  await expect(page).toHaveURL(/[?&]department=TRAFFIC/);
  await page.reload();
  await expect(page.getByLabel('부서', { exact: true })).toHaveValue('TRAFFIC');
  await expect(page.getByRole('status').filter({ hasText: '교통국' })).toContainText('2021-01 ~ 2021-12');
  const systems = page.getByRole('region', { name: '업무 시스템별 쇼백' });
  const systemsTable = await openTableView(systems);
  await expectCsvOfTable(page, systems.getByRole('link', { name: /^CSV 내려받기/ }), systemsTable);

  // 자원 활용: RAM instead of vCPU over 2021, month by month
  await goToDashboard(page, '자원 활용', '자원 활용');
  await page.getByLabel('시작', { exact: true }).fill('2021-01');
  await page.getByLabel('종료', { exact: true }).fill('2021-12');
  await page.getByLabel('지표').selectOption('ramGb');
  await page.getByRole('button', { name: '조회' }).click();
  await expect(page).toHaveURL(/[?&]metric=ramGb/);
  await page.reload();
  await expect(page.getByLabel('지표')).toHaveValue('ramGb');
  const series = page.getByRole('region', { name: /^용량·할당·사용 추이/ });
  const seriesTable = await openTableView(series);
  await expect(seriesTable.locator('tbody tr')).toHaveCount(12);
  await expectCsvOfTable(page, series.getByRole('link', { name: /^CSV 내려받기/ }), seriesTable);
});

test('a planner reads the runway and the rightsizing advice with their filters kept in the URL', async ({
  browser,
}) => {
  const page = await signedInPage(browser, PLANNER);
  await page.goto('/dashboards/savings');
  await expect(page.getByRole('heading', { level: 1, name: '절감 효과' })).toBeVisible();

  // 용량 전망 as of 2021-12, compound growth
  await goToDashboard(page, '용량 전망', '용량 전망');
  await page.getByLabel('기준 월').fill('2021-12');
  await page.getByRole('radio', { name: '복리 증가' }).check();
  await page.getByRole('button', { name: '조회' }).click();
  await expect(page).toHaveURL(/[?&]method=compound/);
  await page.reload();
  await expect(page.getByRole('radio', { name: '복리 증가' })).toBeChecked();
  await expect(page.getByLabel('기준 월')).toHaveValue('2021-12');
  const pool = page.getByRole('region', { name: /할당률 추이와 전망$/ }).first();
  const poolTable = await openTableView(pool);
  await expect(poolTable.getByRole('rowheader').first()).toHaveText(/^\d{4}-\d{2}$/);
  await expectCsvOfTable(
    page,
    page.getByRole('link', { name: 'CSV 내려받기 (풀·자원별 용량 전망)' }),
    page.locator('#runway-table'),
  );

  // 적정 규모 권고 for one department
  await goToDashboard(page, '적정 규모 권고', '적정 규모 권고');
  await page.getByLabel('부서', { exact: true }).selectOption({ label: '교통국' });
  await page.getByRole('button', { name: '조회' }).click();
  await expect(page).toHaveURL(/[?&]department=TRAFFIC/);
  await page.reload();
  await expect(page.getByLabel('부서', { exact: true })).toHaveValue('TRAFFIC');
  const departments = page.getByRole('region', { name: '부서별 월 절감 가능액' });
  const departmentsTable = await openTableView(departments);
  await expectCsvOfTable(page, departments.getByRole('link', { name: /^CSV 내려받기/ }), departmentsTable);
});

test('a planner closes a month and downloads its report’s table as shown', async ({ browser }) => {
  const page = await signedInPage(browser, PLANNER);
  await page.goto('/reports');
  await expect(page.getByRole('heading', { level: 1, name: '월간 보고서' })).toBeVisible();

  await page.getByLabel('마감할 달').fill('2021-06');
  await page.getByRole('button', { name: '마감', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '2021-06' })).toContainText('마감했습니다');
  await page.getByRole('link', { name: '2021-06', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2021-06 월간 보고서' })).toBeVisible();

  await expectCsvOfTable(
    page,
    page.getByRole('link', { name: 'CSV 내려받기 (부서별 쇼백)' }),
    page.locator('#report-departments'),
  );
});
