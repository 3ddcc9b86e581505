import type { Browser, Page } from 'playwright-core';
import type { Sequelize } from 'sequelize';
import { LAPTOP, openJourneyWorld, openLoggedInPage, type JourneyWorld, screenshotPath, type BrowserSession } from '../support/browser.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/**
 * A branch manager opens the statistics page on a 1366×768 laptop: the charts draw, the filters
 * stay in the URL across a reload, and a card opens the matching list.
 */
describe('the statistics dashboard in a browser', () => {
  let world: JourneyWorld;
  let running: RunningPetroCrm;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    world = await openJourneyWorld();
    ({ running, browser } = world);
    await addBranchBusiness(running.database.sequelize);
    session = await openLoggedInPage(browser, running.url, 'manager.ec@petrocrm.cn');
    page = session.page;
  }, 120_000);
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  /** Every canvas on the page has coloured pixels (bars, lines), not only grey axes and text. */
  async function waitForDrawnCharts(): Promise<number> {
    await page.waitForSelector('[data-dashboard-ready]', { timeout: 60_000 });
    const handle = await page.waitForFunction(
      () => {
        const canvases = [...document.querySelectorAll('canvas')];
        const drawn = canvases.filter((canvas) => {
          const pixels = canvas.getContext('2d')?.getImageData(0, 0, canvas.width, canvas.height).data;
          if (!pixels) return false;
          for (let i = 0; i < pixels.length; i += 4) {
            const [r, g, b, alpha] = [pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]];
            if (alpha > 200 && Math.max(r, g, b) - Math.min(r, g, b) > 60) return true;
          }
          return false;
        });
        return canvases.length > 0 && drawn.length === canvases.length ? canvases.length : false;
      },
      undefined,
      { timeout: 30_000, polling: 250 },
    );
    return (await handle.jsonValue()) as number;
  }

  test('when a manager opens the dashboard, then every chart draws, in Chinese, and fits a laptop screen', async () => {
    await page.goto(new URL('/admin', running.url).toString());
    const charts = await waitForDrawnCharts();
    // Eighteen panels (seventeen charts and the credit watch list: the sales charts, targets, aging,
    // and the petroleum four of term contracts, lifetime value, gas stations and shipments), and with
    // this branch's rows none of the charts is empty.
    expect(charts).toBe(17);
    await expect(page.locator('[data-chart-panel]').count()).resolves.toBe(18);
    for (const title of ['月度销售额（按产品大类）', '客户价值前 10 名（销售额）', '销售漏斗（商机数与加权金额）', '各分公司/网点客户流失率', '营销活动转化']) {
      await expect(page.getByText(title, { exact: true }).count()).resolves.toBe(1);
    }
    await expect(page.getByText('本月销售额').count()).resolves.toBeGreaterThan(0);
    // Nothing wider than the screen: no horizontal scrolling on 1366 px.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: screenshotPath('dashboard') });
    // AdminJS scrolls its content pane, not the page: a tall window of the same width shows every panel at once.
    await page.setViewportSize({ width: LAPTOP.width, height: 3200 });
    await waitForDrawnCharts();
    await page.screenshot({ path: screenshotPath('dashboard-all-panels') });
    await page.setViewportSize(LAPTOP);
  });

  test('when the period and branch change, then the URL keeps them and a reload shows the same', async () => {
    await page.goto(new URL('/admin', running.url).toString());
    await waitForDrawnCharts();
    await page.selectOption('#dashboard-period', '3m');
    await page.waitForSelector('[data-dashboard-ready="period=3m"]');
    const ec = await page.locator('#dashboard-branch option', { hasText: '华东分公司' }).getAttribute('value');
    await page.selectOption('#dashboard-branch', ec);
    await page.waitForSelector(`[data-dashboard-ready="period=3m&branch=${ec}"]`);
    expect(new URL(page.url()).search).toBe(`?period=3m&branch=${ec}`);

    await page.reload();
    await waitForDrawnCharts();
    await expect(page.locator('#dashboard-period').inputValue()).resolves.toBe('3m');
    await expect(page.locator('#dashboard-branch').inputValue()).resolves.toBe(ec);

    await page.selectOption('#dashboard-period', 'custom');
    await page.fill('#dashboard-from', '2024-01-01');
    await page.fill('#dashboard-to', '2024-03-31');
    await page.getByRole('button', { name: '查询' }).click();
    await page.waitForSelector(`[data-dashboard-ready="period=custom&from=2024-01-01&to=2024-03-31&branch=${ec}"]`);
  });

  test('when the manager clicks the customers-at-risk card, then the customer list opens filtered', async () => {
    await page.goto(new URL('/admin?period=month', running.url).toString());
    await waitForDrawnCharts();
    await page.click('[data-kpi="customers-at-risk"]');
    await page.waitForURL((url) => url.pathname === '/admin/resources/customers');
    expect(new URL(page.url()).searchParams.get('filters.status')).toBe('at_risk');
  });
});

/**
 * A year of business in the manager's branch, so every chart has something to draw whatever the
 * demo data holds: two product families, orders in each of the last 12 months, customers of every
 * grade and status, tickets, opportunities in every stage, stock and a campaign.
 */
async function addBranchBusiness(sequelize: Sequelize): Promise<void> {
  await sequelize.query(`
    WITH ec AS (SELECT id FROM branches WHERE code = 'EC'),
         rep AS (SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn'),
         resin AS (INSERT INTO product_categories (code, name, sort_order) VALUES ('E2E-RESIN', '测试树脂', 1) RETURNING id),
         oil AS (INSERT INTO product_categories (code, name, sort_order) VALUES ('E2E-OIL', '测试油品', 2) RETURNING id),
         pe AS (INSERT INTO products (name, category_id, unit, list_price, safety_stock) SELECT 'LLDPE 7042', id, 'ton', 8500, 120 FROM resin RETURNING id),
         diesel AS (INSERT INTO products (name, category_id, unit, list_price, safety_stock) SELECT '0# 柴油', id, 'ton', 7000, 200 FROM oil RETURNING id),
         wh AS (INSERT INTO warehouses (code, name, kind, branch_id) SELECT 'E2E-NJ', '南京中转库', 'transit', id FROM ec RETURNING id),
         stock AS (INSERT INTO stock_levels (product_id, warehouse_id, on_hand) SELECT pe.id, wh.id, 80 FROM pe, wh
                   UNION ALL SELECT diesel.id, wh.id, 640 FROM diesel, wh RETURNING id),
         customers AS (
           INSERT INTO customers (name, customer_type, region, branch_id, owner_id, status, grade)
           SELECT '华东客户' || n, 'distributor', '华东', ec.id, rep.id,
                  (ARRAY['active', 'active', 'at_risk', 'churned', 'prospect'])[1 + n % 5], (ARRAY['A', 'B', 'C', 'B'])[1 + n % 4]
             FROM generate_series(1, 14) AS n, ec, rep RETURNING id),
         orders AS (
           INSERT INTO sales_orders (customer_id, warehouse_id, branch_id, owner_id, status, order_date)
           SELECT c.id, wh.id, ec.id, rep.id, 'draft', (date_trunc('month', now() AT TIME ZONE 'Asia/Shanghai') - make_interval(months => m))::date + 3
             FROM generate_series(0, 11) AS m
             JOIN LATERAL (SELECT id FROM customers ORDER BY id OFFSET m % 10 LIMIT 1) c ON true, wh, ec, rep
           RETURNING id, order_date)
    INSERT INTO sales_order_items (order_id, product_id, quantity, unit_price)
    SELECT o.id, pe.id, 20 + extract(month FROM o.order_date), 8450 FROM orders o, pe
    UNION ALL SELECT o.id, diesel.id, 30 + extract(month FROM o.order_date) * 2, 6980 FROM orders o, diesel`);
  // Lines go in while the orders are drafts; then they take the workflow's steps to delivered.
  for (const step of ['confirmed', 'shipped', 'delivered']) {
    await sequelize.query(`UPDATE sales_orders SET status = $1 WHERE warehouse_id = (SELECT id FROM warehouses WHERE code = 'E2E-NJ')`, { bind: [step] });
  }
  await sequelize.query(`
    INSERT INTO tickets (subject, kind, status, customer_id, branch_id, priority, created_at, sla_due_at, resolution, resolved_at, closed_at, satisfaction)
    SELECT '客户来电', (ARRAY['consultation', 'complaint', 'after_sales', 'repair'])[1 + n % 4],
           (ARRAY['new', 'in_progress', 'resolved', 'closed', 'closed'])[1 + n % 5],
           c.id, c.branch_id, 'normal', now() - make_interval(days => n), now() - make_interval(days => n) + interval '72 hours',
           CASE WHEN n % 5 >= 2 THEN '已处理' END,
           CASE WHEN n % 5 >= 2 THEN now() - make_interval(days => n) + make_interval(hours => 6 + n) END,
           CASE WHEN n % 5 >= 3 THEN now() - make_interval(days => n) + make_interval(hours => 30) END,
           CASE WHEN n % 5 >= 3 THEN 3 + n % 3 END
      FROM generate_series(0, 23) AS n
      JOIN LATERAL (SELECT id, branch_id FROM customers WHERE name LIKE '华东客户%' ORDER BY id OFFSET n % 14 LIMIT 1) c ON true`);
  await sequelize.query(`
    INSERT INTO opportunities (title, customer_id, owner_id, branch_id, stage, amount, probability, closed_at, lost_reason)
    SELECT '年度框架采购', c.id, c.owner_id, c.branch_id, s.stage, 200000 + s.n * 50000, s.probability,
           CASE WHEN s.stage IN ('won', 'lost') THEN now() END, CASE WHEN s.stage = 'lost' THEN '价格偏高' END
      FROM (VALUES (1, 'lead', 10), (2, 'lead', 10), (3, 'qualified', 25), (4, 'proposal', 40), (5, 'negotiation', 70), (6, 'won', 100), (7, 'lost', 0)) AS s (n, stage, probability)
      JOIN LATERAL (SELECT id, owner_id, branch_id FROM customers WHERE name LIKE '华东客户%' ORDER BY id OFFSET s.n LIMIT 1) c ON true`);
  await sequelize.query(`
    WITH campaign AS (
      INSERT INTO campaigns (name, kind, status, start_date, end_date)
      VALUES ('春季树脂促销', 'promotion', 'active', (now() AT TIME ZONE 'Asia/Shanghai')::date - 10, (now() AT TIME ZONE 'Asia/Shanghai')::date + 20) RETURNING id)
    INSERT INTO campaign_members (campaign_id, customer_id, status)
    SELECT campaign.id, c.id, (ARRAY['targeted', 'sent', 'responded', 'converted'])[1 + (row_number() OVER (ORDER BY c.id)) % 4]
      FROM campaign, customers c WHERE c.name LIKE '华东客户%'`);
}
