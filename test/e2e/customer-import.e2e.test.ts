import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import type { Browser, Page } from 'playwright-core';
import { FIRST_LOAD_TIMEOUT, adminUrl, openJourneyWorld, openLoggedInPage, type JourneyWorld, screenshotPath, type BrowserSession } from '../support/browser.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

const HEADER = ['客户名称', '客户类型', '大区', '城市', '信用额度', '备注'];

/**
 * A sales manager brings a spreadsheet of new customers into the panel. The first file has two bad
 * rows: the check names both rows and nothing is written; the file fixed in Excel goes in whole.
 */
describe('a manager imports customers from a file with two bad rows, then from the fixed file', () => {
  let world: JourneyWorld;
  let running: RunningPetroCrm;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  const tag = crypto.randomBytes(3).toString('hex').toUpperCase();
  const sql: JourneyWorld['sql'] = (query, bind) => world.sql(query, bind);
  /** The clean file the first journey imports; the second brings it again. */
  let fixedFile: Buffer;

  beforeAll(async () => {
    world = await openJourneyWorld();
    ({ running, browser } = world);
    session = await openLoggedInPage(browser, running.url, 'manager.ec@petrocrm.cn');
    page = session.page;
    await page.goto(adminUrl(running.url, '/resources/customers'), { timeout: FIRST_LOAD_TIMEOUT });
    await page.waitForSelector('[data-css="customers-table-row"]', { timeout: FIRST_LOAD_TIMEOUT });
  }, 150_000);
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  /** What Excel saves as "CSV UTF-8": a byte-order mark, then the rows. */
  const csvFile = (rows: string[][]) => Buffer.from(`\uFEFF${stringify(rows, { record_delimiter: 'windows' })}`, 'utf8');
  async function xlsxFile(rows: string[][]): Promise<Buffer> {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('客户').addRows(rows);
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** Chooses the file and presses 校验; resolves with the check's answer once the page shows it. */
  async function checkFile(name: string, mimeType: string, buffer: Buffer): Promise<{ rowCount: number; problemCount: number }> {
    await page.setInputFiles('#import-file', { name, mimeType, buffer });
    const [checked] = await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/admin/transfer/customers/import/check'),
      page.click('[data-testid="import-check"]'),
    ]);
    expect(checked.status()).toBe(200);
    await page.waitForSelector('[data-testid="import-check-result"]');
    return (await checked.json()) as { rowCount: number; problemCount: number };
  }

  const imported = () => sql<{ name: string; customer_type: string; city: string; credit_limit: string; owner: string; branch: string }>(
    `SELECT c.name, c.customer_type, c.city, c.credit_limit::text, u.email AS owner, b.code AS branch
       FROM customers c JOIN users u ON u.id = c.owner_id JOIN branches b ON b.id = c.branch_id
      WHERE c.name LIKE $1 ORDER BY c.id`,
    [`%${tag}`],
  );

  test('when two rows are bad, then both row numbers are listed and nothing is written; fixed, all five rows are imported', async () => {
    const name = (company: string) => `${company} ${tag}`;
    const rows = [
      HEADER,
      [name('常州华宇塑料制品有限公司'), '生产企业', '华东', '常州', '800000', '年需求 PP 约 600 吨'],
      ['', '经销商', '华东', '南通', '500000', '名称漏填'],
      [name('扬州恒润石化贸易有限公司'), '贸易商', '华东', '扬州', '1200000', ''],
      [name('镇江通达物流车队'), '批发商', '华东', '镇江', '200000', '类型写错'],
      [name('泰州港城加油站'), '加油站', '华东', '泰州', '150000', ''],
    ];

    // From the customer list, the import page.
    await page.click('[data-testid="action-import"]');
    await page.waitForURL((url) => url.pathname === '/admin/resources/customers/actions/import');
    await page.waitForSelector('#import-file');

    // The file as first sent: rows 3 and 5 of the sheet are refused, and the import cannot start.
    const refused = await checkFile('新客户清单.csv', 'text/csv', csvFile(rows));
    expect(refused).toMatchObject({ rowCount: 5, problemCount: 2 });
    const problems = page.locator('[data-testid="import-problems"] tbody tr[data-row]');
    await expect(problems.evaluateAll((found) => found.map((row) => row.getAttribute('data-row')))).resolves.toEqual(['3', '5']);
    const [nameProblem, typeProblem] = await problems.allInnerTexts();
    expect(nameProblem).toContain('客户名称');
    expect(nameProblem).toContain('必填');
    expect(typeProblem).toContain('客户类型');
    expect(typeProblem).toContain('批发商');
    await page.getByText('发现 2 处问题, 未写入任何数据').waitFor();
    await expect(page.locator('[data-testid="import-commit"]').isDisabled()).resolves.toBe(true);
    await page.screenshot({ path: screenshotPath('customer-import') });
    expect(await imported()).toEqual([]);

    // Fixed in Excel and saved as .xlsx: every row passes, and the import writes all five.
    rows[2][0] = name('南通江海化工有限公司');
    rows[4][1] = '车队';
    fixedFile = await xlsxFile(rows);
    const clean = await checkFile('新客户清单（已修改）.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fixedFile);
    expect(clean).toEqual(expect.objectContaining({ rowCount: 5, problemCount: 0 }));
    await page.getByText('共 5 行, 全部通过校验, 可以导入').waitFor();
    const [committed] = await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/admin/transfer/customers/import/commit'),
      page.click('[data-testid="import-commit"]'),
    ]);
    expect(committed.status()).toBe(200);
    await page.locator('[data-testid="import-done"]').getByText('已导入 5 行').waitFor();
    await page.screenshot({ path: screenshotPath('customer-import-done') });

    const written = await imported();
    expect(written.map((row) => row.name)).toEqual(rows.slice(1).map((row) => row[0]));
    expect(written.map((row) => row.customer_type)).toEqual(['manufacturer', 'distributor', 'trader', 'fleet', 'gas_station']);
    expect(written.map((row) => row.credit_limit)).toEqual(['800000.00', '500000.00', '1200000.00', '200000.00', '150000.00']);
    // A manager limited to their branch imports customers of their own, in their branch.
    expect(written.every((row) => row.owner === 'manager.ec@petrocrm.cn' && row.branch === 'EC')).toBe(true);
  }, 60_000);

  test('when the same file is imported again, then the preview lists each row as the customer it is, waits for a choice, and skipping adds nobody', async () => {
    const before = await imported();
    await page.goto(adminUrl(running.url, '/resources/customers/actions/import'));
    await page.waitForSelector('#import-file');
    const again = (await checkFile('新客户清单（已修改）.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', fixedFile)) as { duplicateCount?: number };
    expect(again.duplicateCount).toBe(5);
    const listed = page.locator('[data-testid="import-duplicates"] tbody tr[data-row]');
    await expect(listed.evaluateAll((found) => found.map((row) => row.getAttribute('data-row')))).resolves.toEqual(['2', '3', '4', '5', '6']);
    expect(await listed.first().innerText()).toContain('同一机构内的客户名称');
    await expect(page.locator('[data-testid="import-commit"]').isDisabled()).resolves.toBe(true);

    await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/admin/transfer/customers/import/check'),
      page.click('#duplicates-skip'),
    ]);
    await page.screenshot({ path: screenshotPath('customer-import-duplicates') });
    await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/admin/transfer/customers/import/commit'),
      page.click('[data-testid="import-commit"]'),
    ]);
    await page.locator('[data-testid="import-done"]').getByText('已新增 0 个客户, 更新 0 个, 跳过 5 行重复').waitFor();
    expect(await imported()).toEqual(before);
  }, 60_000);
});
