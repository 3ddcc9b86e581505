import crypto from 'node:crypto';
import type { Browser, Locator, Page } from 'playwright-core';
import {
  FIRST_LOAD_TIMEOUT, LAPTOP, adminUrl, chooseOption, fillProperty, numberIn, openJourneyWorld, openLoggedInPage, type JourneyWorld, propertySelect, runRecordAction, saveRecord,
  screenshotPath, shownValue, waitForShownValue, type BrowserSession,
} from '../support/browser.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

const PHONE = { width: 390, height: 844 };

interface StockedProduct {
  level_id: number;
  product_id: number;
  product: string;
  warehouse_id: number;
  warehouse: string;
  on_hand: string;
  /** On hand less reserved: what the order screen shows beside the line. */
  available: string;
}

/**
 * A sales representative's day in the panel, in Chinese: a new customer with a contact, a visit
 * recorded, an order of two lines entered on one screen (prices from the price list, amounts and
 * total as they type, free stock per line) and confirmed within the customer's credit, shipped,
 * and the stock of both products lower by what was shipped.
 */
describe('a sales representative takes a new customer from first visit to a shipped order', () => {
  let world: JourneyWorld;
  let running: RunningPetroCrm;
  let browser: Browser;
  let session: BrowserSession;
  let page: Page;
  const tag = crypto.randomBytes(3).toString('hex').toUpperCase();
  const sql: JourneyWorld['sql'] = (query, bind) => world.sql(query, bind);

  beforeAll(async () => {
    world = await openJourneyWorld();
    ({ running, browser } = world);
  }, 150_000);
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  /** Two products with free stock in one warehouse of the rep's branch, names the product search finds alone. */
  async function twoStockedProducts(): Promise<[StockedProduct, StockedProduct]> {
    const rows = await sql<StockedProduct>(`
      SELECT sl.id AS level_id, p.id AS product_id, p.name AS product, w.id AS warehouse_id, w.name AS warehouse, sl.on_hand::text AS on_hand, (sl.on_hand - sl.reserved)::text AS available
        FROM stock_levels sl
        JOIN products p ON p.id = sl.product_id
        JOIN warehouses w ON w.id = sl.warehouse_id
       WHERE p.active AND w.active AND p.unit = 'ton' AND sl.on_hand - sl.reserved >= 50
         AND w.branch_id = (SELECT branch_id FROM users WHERE email = 'rep.zhang@petrocrm.cn')
         AND NOT EXISTS (SELECT 1 FROM products other WHERE other.id <> p.id AND other.name ILIKE '%' || p.name || '%')
         AND (SELECT count(*) FROM warehouses same WHERE same.name = w.name) = 1
       ORDER BY w.id, sl.on_hand DESC`);
    const warehouse = rows.find((row) => rows.filter((other) => other.warehouse_id === row.warehouse_id).length >= 2)?.warehouse_id;
    const pair = rows.filter((row) => row.warehouse_id === warehouse).slice(0, 2);
    if (pair.length < 2) throw new Error('the demo data has no warehouse in the East China branch with two stocked products');
    return [pair[0], pair[1]];
  }

  /** An input's value once the screen has filled it in (a price from the price list). */
  async function waitForValue(id: string, value: string): Promise<void> {
    await page.waitForFunction(([inputId, wanted]) => (document.getElementById(inputId) as HTMLInputElement | null)?.value === wanted, [id, value] as const);
  }

  /** A figure the screen works out as the rep types. */
  async function waitForText(locator: Locator, text: string): Promise<void> {
    await page.waitForFunction(([element, wanted]) => element?.textContent === wanted, [await locator.elementHandle(), text] as const);
  }

  async function onHandShown(levelId: number): Promise<number> {
    await page.goto(adminUrl(running.url, `/resources/stock_levels/records/${levelId}/show`));
    return numberIn(await shownValue(page, 'on_hand'));
  }

  test('when the rep records a customer, a contact, a visit and ships an order of two lines, then the stock of both products goes down by what shipped', async () => {
    const customerName = `苏州恒联塑业有限公司 ${tag}`;
    const contactName = `顾建平${tag}`;
    const visitSubject = `拜访顾经理：介绍 LLDPE 新牌号 ${tag}`;
    const [first, second] = await twoStockedProducts();
    // Left blank, each line's price comes from the East China distributors' price list in force today.
    const lines = [
      { product: first, quantity: '12.5', discountPct: '0' },
      { product: second, quantity: '20', discountPct: '2' },
    ];
    const [expected] = await sql<{ total: string; shown: string; first_shown: string; first_price: string; second_price: string }>(`
      WITH price AS (
        SELECT i.product_id, i.unit_price FROM price_lists l
          JOIN LATERAL (SELECT id FROM price_list_versions v WHERE v.price_list_id = l.id AND v.status = 'published'
                          AND v.valid_from <= (now() AT TIME ZONE 'Asia/Shanghai')::date ORDER BY v.valid_from DESC LIMIT 1) v ON true
          JOIN price_list_items i ON i.version_id = v.id
         WHERE l.region = '华东' AND l.channel = 'distributor'),
      line AS (
        SELECT (SELECT unit_price FROM price WHERE product_id = $1) AS first_price, (SELECT unit_price FROM price WHERE product_id = $2) AS second_price)
      SELECT t.total::text AS total, '¥' || to_char(t.total, 'FM999,999,990.00') AS shown, '¥' || to_char(t.first, 'FM999,999,990.00') AS first_shown,
             line.first_price::text AS first_price, line.second_price::text AS second_price
        FROM line, LATERAL (SELECT round(12.5 * line.first_price, 2) AS first,
                                   round(12.5 * line.first_price, 2) + round(20 * line.second_price * 0.98, 2) AS total) t`, [first.product_id, second.product_id]);
    const prices = [expected.first_price, expected.second_price];
    const totalsAfter = [expected.first_shown, expected.shown];

    // The rep signs in on the Chinese login page; the panel greets them in Chinese too.
    session = await openLoggedInPage(browser, running.url, 'rep.zhang@petrocrm.cn', {
      onLoginPage: async (login) => {
        await login.getByText('欢迎使用 PetroCRM').waitFor();
        await login.getByRole('button', { name: '登录' }).waitFor();
      },
    });
    page = session.page;
    await page.getByText('客户管理', { exact: true }).first().waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    const before = { first: await onHandShown(first.level_id), second: await onHandShown(second.level_id) };
    expect(before.first).toBe(Number(first.on_hand));
    expect(before.second).toBe(Number(second.on_hand));

    // A new customer: the server makes the rep its owner.
    await page.goto(adminUrl(running.url, '/resources/customers/actions/new'));
    await fillProperty(page, 'name', customerName);
    await chooseOption(page, propertySelect('customer_type'), '经销商');
    await chooseOption(page, propertySelect('region'), '华东');
    await fillProperty(page, 'city', '苏州');
    await fillProperty(page, 'phone', '0512-66881234');
    await fillProperty(page, 'credit_limit', '500000');
    const customerId = await saveRecord(page, 'customers');
    expect(await shownValue(page, 'name')).toBe(customerName);
    expect(await shownValue(page, 'owner_id')).toBe('张伟');

    // Its buyer, and the visit the rep paid him.
    await page.goto(adminUrl(running.url, '/resources/contacts/actions/new'));
    await chooseOption(page, propertySelect('customer_id'), customerName, tag);
    await fillProperty(page, 'name', contactName);
    await fillProperty(page, 'title', '采购经理');
    await fillProperty(page, 'mobile', '13962112345');
    await saveRecord(page, 'contacts');

    await page.goto(adminUrl(running.url, '/resources/activities/actions/new'));
    await chooseOption(page, propertySelect('kind'), '拜访');
    await fillProperty(page, 'subject', visitSubject);
    await fillProperty(page, 'details', '客户计划下季度增加 LLDPE 采购量, 约 30 吨/月');
    await chooseOption(page, propertySelect('customer_id'), customerName, tag);
    await chooseOption(page, propertySelect('contact_id'), contactName, tag);
    await saveRecord(page, 'activities');
    expect(await shownValue(page, 'kind')).toBe('拜访');

    // The customer's page lists the contact and has the visit on its timeline.
    await page.goto(adminUrl(running.url, `/resources/customers/records/${customerId}/show`));
    await page.getByRole('link', { name: contactName }).waitFor();
    await page.getByRole('link', { name: visitSubject }).waitFor();

    // The list's 新建 opens the order screen: header and both lines at once, prices filled in from the
    // price list, amounts and the total worked out as the rep types, the free stock beside each line.
    await page.goto(adminUrl(running.url, '/resources/sales_orders'));
    await page.getByRole('link', { name: '新建', exact: true }).first().click();
    await page.locator('[data-testid="order-entry"]').waitFor();
    await chooseOption(page, '#customer_id', customerName, tag);
    await chooseOption(page, '#warehouse_id', first.warehouse);
    await chooseOption(page, '#shipping_method', '槽车运输', '槽车');
    const total = page.locator('[data-testid="order-total"]');
    for (const [index, line] of lines.entries()) {
      if (index > 0) await page.getByRole('button', { name: '添加一行' }).click();
      const field = (name: string) => page.locator(`[id="lines.${index}.${name}"]`);
      await field('product_id').click();
      await field('product_id').fill(line.product.product);
      await page.getByRole('option').filter({ hasText: line.product.product }).first().click();
      await waitForValue(`lines.${index}.unit_price`, prices[index]);
      await field('quantity').fill(line.quantity);
      await field('discount_pct').fill(line.discountPct);
      const row = page.locator('[data-testid="order-line"]').nth(index);
      await row.getByText('吨', { exact: false }).first().waitFor();
      expect(await row.locator('[data-testid="line-available"]').innerText()).toContain(`${line.product.available} 吨`);
      await waitForText(total, `订单合计: ${totalsAfter[index]}`);
    }
    expect(await total.innerText()).toBe(`订单合计: ${expected.shown}`);
    // The panel scrolls inside its own frame: each part is scrolled into view and photographed as the user sees it.
    await page.locator('[data-testid="order-line"]').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('order-entry-1366') });
    await page.setViewportSize(PHONE);
    await page.locator('#customer_id').scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('order-entry-390-header') });
    await page.locator('[data-testid="order-line"]').nth(1).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath('order-entry-390-lines') });
    await page.setViewportSize(LAPTOP);

    const [saved] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname === '/admin/api/resources/sales_orders/actions/new'),
      page.getByRole('button', { name: '保存草稿' }).click(),
    ]);
    const orderId = String(((await saved.json()) as { record: { id: number } }).record.id);
    await page.waitForURL((url) => url.pathname === `/admin/resources/sales_orders/records/${orderId}/show`);
    const orderNo = await shownValue(page, 'order_no');
    expect(orderNo).toMatch(/^SO\d{8}$/);
    expect(await shownValue(page, 'status')).toBe('草稿');

    // 编辑 of the draft is the same screen, with its lines as saved.
    await page.goto(adminUrl(running.url, `/resources/sales_orders/records/${orderId}/edit`));
    await page.locator('[data-testid="order-line"]').nth(1).waitFor();
    await waitForValue('lines.0.quantity', '12.500');
    await waitForValue('lines.1.discount_pct', '2.00');
    expect(await page.locator('[data-testid="order-total"]').innerText()).toBe(`订单合计: ${expected.shown}`);

    // The order's page shows both lines and their total (12.5 t and 20 t less 2 % at the list prices); confirm, then ship.
    await page.goto(adminUrl(running.url, `/resources/sales_orders/records/${orderId}/show`));
    const lineRows = page.locator('table tbody tr').filter({ hasText: '吨' });
    await lineRows.nth(1).waitFor();
    expect(await lineRows.count()).toBe(2);
    await expect(lineRows.nth(0).innerText()).resolves.toContain(first.product);
    await expect(lineRows.nth(1).innerText()).resolves.toContain(second.product);
    expect(await shownValue(page, 'total_amount')).toBe(expected.shown);

    const confirmed = await runRecordAction(page, 'sales_orders', orderId, 'confirm');
    expect(confirmed.message).toBe('orderConfirmed');
    await waitForShownValue(page, 'status', '已确认');
    // A confirmed order is not offered the order screen: its edit is AdminJS's form of what its state still lets change.
    await page.goto(adminUrl(running.url, `/resources/sales_orders/records/${orderId}/edit`));
    await page.locator('[data-testid="property-edit-delivery_date"]').waitFor();
    expect(await page.locator('[data-testid="order-entry"]').count()).toBe(0);
    await page.goto(adminUrl(running.url, `/resources/sales_orders/records/${orderId}/show`));
    await waitForShownValue(page, 'status', '已确认');
    const shipped = await runRecordAction(page, 'sales_orders', orderId, 'ship');
    expect(shipped).toMatchObject({ message: 'orderShipped', options: { order: orderNo, lines: 2 } });
    await waitForShownValue(page, 'status', '已发货');
    await lineRows.nth(1).waitFor();
    await page.setViewportSize({ width: LAPTOP.width, height: 1250 });
    await page.screenshot({ path: screenshotPath('sales-rep-order-shipped') });
    await page.setViewportSize(LAPTOP);

    // The stock pages show each product lower by exactly the quantity shipped.
    const after = { first: await onHandShown(first.level_id), second: await onHandShown(second.level_id) };
    await page.screenshot({ path: screenshotPath('sales-rep-order') });
    expect(after.first).toBeCloseTo(before.first - 12.5, 3);
    expect(after.second).toBeCloseTo(before.second - 20, 3);

    const levels = await sql<{ id: number; on_hand: string; reserved: string }>(
      'SELECT id, on_hand::text, reserved::text FROM stock_levels WHERE id = ANY($1::int[]) ORDER BY id',
      [[first.level_id, second.level_id]],
    );
    const byId = new Map(levels.map((level) => [level.id, level]));
    expect(Number(byId.get(first.level_id)!.on_hand)).toBeCloseTo(Number(first.on_hand) - 12.5, 3);
    expect(Number(byId.get(second.level_id)!.on_hand)).toBeCloseTo(Number(second.on_hand) - 20, 3);
    const [order] = await sql<{ status: string; owner: string; total_amount: string; lines: number; customer: string; contacts: number; visits: number }>(`
      SELECT o.status, u.email AS owner, o.total_amount::text, c.name AS customer,
             (SELECT count(*)::int FROM sales_order_items i WHERE i.order_id = o.id) AS lines,
             (SELECT count(*)::int FROM contacts k WHERE k.customer_id = c.id) AS contacts,
             (SELECT count(*)::int FROM activities a WHERE a.customer_id = c.id AND a.kind = 'visit') AS visits
        FROM sales_orders o JOIN customers c ON c.id = o.customer_id JOIN users u ON u.id = o.owner_id
       WHERE o.id = $1`, [orderId]);
    expect(order).toEqual({ status: 'shipped', owner: 'rep.zhang@petrocrm.cn', total_amount: expected.total, customer: customerName, lines: 2, contacts: 1, visits: 1 });
  }, 150_000);
});
