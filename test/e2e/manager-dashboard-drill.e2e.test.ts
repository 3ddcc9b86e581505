import crypto from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import type { Sequelize } from 'sequelize';
import { FIRST_LOAD_TIMEOUT, adminUrl, numberIn, openJourneyWorld, openLoggedInPage, type JourneyWorld, screenshotPath, type BrowserSession } from '../support/browser.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/**
 * The East China sales manager reads the dashboard for the whole of their area (the branch and its
 * gas station), narrows it to the branch office alone, and opens the customers at risk behind the
 * card: the list carries the same filters, and shows exactly that branch's customers at risk.
 */
describe('a manager filters the dashboard by branch and clicks through to the list', () => {
  let world: JourneyWorld;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  const tag = crypto.randomBytes(3).toString('hex').toUpperCase();
  const sql: JourneyWorld['sql'] = (query, bind) => world.sql(query, bind);

  beforeAll(async () => {
    world = await openJourneyWorld();
    ({ running, sequelize, browser } = world);
    await addCustomersAtRisk();
    session = await openLoggedInPage(browser, running.url, 'manager.ec@petrocrm.cn');
    page = session.page;
    await page.goto(adminUrl(running.url), { timeout: FIRST_LOAD_TIMEOUT });
    await page.waitForSelector('[data-dashboard-ready]', { timeout: FIRST_LOAD_TIMEOUT });
  }, 150_000);
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  /** Customers at risk both at the branch office and at its gas station, whatever the demo data holds. */
  async function addCustomersAtRisk(): Promise<void> {
    await sequelize.query(
      `INSERT INTO customers (name, customer_type, region, status, branch_id, owner_id)
       SELECT $1 || ' 华东风险客户' || n, 'distributor', '华东', 'at_risk', (SELECT id FROM branches WHERE code = 'EC'), (SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn')
         FROM generate_series(1, 3) AS n
       UNION ALL
       SELECT $1 || ' 江北车队' || n, 'fleet', '华东', 'at_risk', (SELECT id FROM branches WHERE code = 'GS-NJ01'), (SELECT id FROM users WHERE email = 'rep.sun@petrocrm.cn')
         FROM generate_series(1, 2) AS n`,
      { bind: [tag] },
    );
  }

  const atRiskIn = async (codes: string[]) =>
    sql<{ id: number; name: string }>(
      `SELECT c.id, c.name FROM customers c JOIN branches b ON b.id = c.branch_id WHERE c.status = 'at_risk' AND b.code = ANY($1::text[]) ORDER BY c.id`,
      [codes],
    );
  /** A card reads its title, then its figure, then a note. */
  const kpi = async (id: string) => numberIn((await page.locator(`[data-kpi="${id}"]`).innerText()).split('\n').filter(Boolean)[1]);

  test('when the manager chooses 华东分公司 and clicks 风险客户, then the customer list opens with the branch and status filters and only that branch’s customers at risk', async () => {
    const [ec] = await sql<{ id: number }>(`SELECT id FROM branches WHERE code = 'EC'`);

    // The whole area first: the branch and its gas station, and no other branch to choose.
    await page.goto(adminUrl(running.url, '/?period=month'));
    await page.waitForSelector('[data-dashboard-ready="period=month"]');
    const offered = await page.locator('#dashboard-branch option').allInnerTexts();
    expect(offered).toEqual(expect.arrayContaining(['华东分公司', '南京江北加油站']));
    expect(offered).not.toContain('华南分公司');
    expect(await kpi('customers-at-risk')).toBe((await atRiskIn(['EC', 'GS-NJ01'])).length);

    // Narrowed to the branch office: the card counts its customers only, and the address keeps the choice.
    await page.selectOption('#dashboard-branch', { label: '华东分公司' });
    await page.waitForSelector(`[data-dashboard-ready="period=month&branch=${ec.id}"]`);
    expect(new URL(page.url()).searchParams.get('branch')).toBe(String(ec.id));
    const branchAtRisk = await atRiskIn(['EC']);
    expect(branchAtRisk.length).toBeGreaterThanOrEqual(3);
    expect(await kpi('customers-at-risk')).toBe(branchAtRisk.length);
    await page.screenshot({ path: screenshotPath('manager-dashboard-branch') });

    // Click through: the customer list, filtered by status and branch, with the count the card showed.
    const [listed] = await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/admin/api/resources/customers/actions/list'),
      page.click('[data-kpi="customers-at-risk"]'),
    ]);
    const search = new URL(page.url()).searchParams;
    expect(new URL(page.url()).pathname).toBe('/admin/resources/customers');
    expect(search.get('filters.status')).toBe('at_risk');
    expect(search.get('filters.branch_id')).toBe(String(ec.id));
    const answer = (await listed.json()) as { meta: { total: number }; records: Array<{ id: string }> };
    expect(answer.meta.total).toBe(branchAtRisk.length);

    await page.waitForSelector('[data-css="customers-table-row"]');
    await expect(page.locator('h2 .adminjs_Badge').innerText()).resolves.toBe(String(branchAtRisk.length));
    await expect(page.locator('[data-css="customers-filter-button"]').innerText()).resolves.toContain('筛选 (2)');
    const rows = page.locator('[data-css="customers-table-row"]');
    const statuses = await rows.locator('[data-css="customers-status-table-cell"]').allInnerTexts();
    expect(statuses.length).toBe(Math.min(branchAtRisk.length, 10));
    expect(new Set(statuses.map((status) => status.trim()))).toEqual(new Set(['流失风险']));
    const names = (await rows.locator('[data-css="customers-name-table-cell"]').allInnerTexts()).map((name) => name.trim());
    const branchNames = new Set(branchAtRisk.map((customer) => customer.name));
    expect(names.every((name) => branchNames.has(name))).toBe(true);
    expect(names.some((name) => name.includes('江北车队'))).toBe(false);

    await page.screenshot({ path: screenshotPath('manager-dashboard-drill') });

    // The filter drawer says which filters are on, in words.
    await page.click('[data-css="customers-filter-button"]');
    const drawer = page.locator('[data-css="customers-filter-drawer"]');
    await drawer.locator('[data-css="customers-filter-status"]').getByText('流失风险').waitFor();
    const branchFilter = drawer.locator('[data-css="customers-filter-branch_id"]');
    await branchFilter.getByText('华东分公司').waitFor();
    await branchFilter.scrollIntoViewIfNeeded();
    // The drawer slides in from the right: the picture is taken once it is all on the screen.
    await page.waitForFunction(() => {
      const box = document.querySelector('[data-css="customers-filter-drawer"]')?.getBoundingClientRect();
      return box !== undefined && box.width > 0 && Math.abs(box.right - document.documentElement.clientWidth) < 1;
    });
    await page.screenshot({ path: screenshotPath('manager-dashboard-drill-filters') });
  }, 60_000);
});
