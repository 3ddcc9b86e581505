import type { Browser, Page } from 'playwright-core';
import {
  FIRST_LOAD_TIMEOUT, LAPTOP, adminUrl, chooseOption, numberIn, openJourneyWorld, openLoggedInPage, runRecordAction, screenshotPath, shownValue,
  waitForShownValue, type BrowserSession, type JourneyWorld, type Notice,
} from '../support/browser.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/**
 * The petroleum side of the panel as its users click through it: the warehouse loads a tank truck
 * and records what arrived, a gas station's representative is stopped at a fleet card's daily
 * limit, a manager reads contract lifting and the dashboard's petroleum charts, and the service desk
 * traces a complaint to the batch's certificate and its customers.
 */
describe('petroleum journeys in Chromium', () => {
  let world: JourneyWorld;
  let running: RunningPetroCrm;
  let browser: Browser;
  const sessions: BrowserSession[] = [];
  const sql: JourneyWorld['sql'] = (query, bind) => world.sql(query, bind);

  beforeAll(async () => {
    world = await openJourneyWorld();
    ({ running, browser } = world);
  }, 150_000);
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await world?.close();
  });

  async function loggedIn(email: string, path: string, ready: string, options: { timezoneId?: string } = {}): Promise<Page> {
    const session = await openLoggedInPage(browser, running.url, email, options);
    sessions.push(session);
    await session.page.goto(adminUrl(running.url, path), { timeout: FIRST_LOAD_TIMEOUT });
    await session.page.waitForSelector(ready, { timeout: FIRST_LOAD_TIMEOUT });
    return session.page;
  }

  /** Posts a record action's form and answers the server's notice, refused or not. */
  async function submitAction(page: Page, resourceId: string, recordId: string | number, action: string): Promise<Notice> {
    const form = page.locator('form').filter({ has: page.locator('button[type="submit"]') }).last();
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname === `/admin/api/resources/${resourceId}/records/${recordId}/${action}`),
      form.locator('button[type="submit"]').click(),
    ]);
    return ((await response.json()) as { notice: Notice }).notice;
  }

  test('when the warehouse ships an order on a named tank truck and records its arrival, then the order lists the sealed shipment and the loss is judged', async () => {
    const [order] = await sql<{ id: number; order_no: string }>(`
      SELECT o.id, o.order_no FROM sales_orders o JOIN warehouses w ON w.id = o.warehouse_id
       WHERE o.status = 'confirmed' AND o.shipping_method = 'tank_truck' AND w.code = 'W-NJ01'
         AND NOT EXISTS (SELECT 1 FROM sales_order_items i JOIN products p ON p.id = i.product_id WHERE i.order_id = o.id AND p.unit <> 'ton')
       ORDER BY o.id LIMIT 1`);
    const page = await loggedIn('warehouse@petrocrm.cn', `/resources/sales_orders/records/${order.id}/show`, '[data-testid="property-show-order_no"]');

    const shipped = await runRecordAction(page, 'sales_orders', String(order.id), 'ship', async () => {
      await chooseOption(page, '#transport_mode', '汽车槽车');
      await page.fill('#conveyance', '苏a 8f217');
      await page.fill('#seal_no', 'QF-2206118');
    });
    expect(shipped).toMatchObject({ message: 'orderShipped', options: { order: order.order_no } });
    await waitForShownValue(page, 'status', '已发货', 30_000);
    // The order's page lists the shipment, with the plate as registered.
    await page.locator('h4', { hasText: '发运单' }).waitFor();
    await page.getByText('苏A8F217').first().waitFor();
    await page.setViewportSize({ width: LAPTOP.width, height: 1700 });
    await page.screenshot({ path: screenshotPath('petroleum-order-shipped-with-conveyance') });
    await page.setViewportSize(LAPTOP);

    const [shipment] = await sql<{ id: number; loaded_quantity: string }>(`SELECT id, loaded_quantity FROM shipments WHERE order_id = $1 ORDER BY id LIMIT 1`, [order.id]);
    await page.goto(adminUrl(running.url, `/resources/shipments/records/${shipment.id}/show`));
    await page.locator('[data-testid="property-show-shipment_no"]').waitFor();
    expect(await shownValue(page, 'vehicle_plate')).toBe('苏A8F217');
    expect(await shownValue(page, 'seal_no')).toBe('QF-2206118');
    // Half a percent short: beyond the tank truck's 0.1 %.
    const received = (Number(shipment.loaded_quantity) * 0.995).toFixed(3);
    const arrival = await runRecordAction(page, 'shipments', String(shipment.id), 'recordArrival', () => page.fill('#received_quantity', received));
    expect(arrival).toMatchObject({ message: 'arrivalRecordedOverTolerance' });
    await waitForShownValue(page, 'status', '已到货', 30_000);
    expect(await shownValue(page, 'loss_within_tolerance')).toBe('超出允许损耗');
    expect(numberIn(await shownValue(page, 'received_quantity'))).toBe(Number(received));
    await page.setViewportSize({ width: LAPTOP.width, height: 1100 });
    await page.screenshot({ path: screenshotPath('petroleum-shipment-arrival') });
    await page.setViewportSize(LAPTOP);
  }, 120_000);

  test('when the station representative fuels a fleet truck past its daily litres, then the form says so in Chinese and the card is not charged', async () => {
    const [card] = await sql<{ id: number; plate: string; liters: string; grade: string; balance: string; master_id: number }>(`
      SELECT s.id, s.vehicle_plate AS plate, l.daily_liters AS liters, p.name AS grade, m.balance, m.id AS master_id
        FROM fuel_cards s JOIN fuel_cards m ON m.id = s.master_card_id JOIN fuel_card_limits l ON l.card_id = s.id JOIN products p ON p.id = l.product_id
        JOIN customers c ON c.id = s.customer_id
       WHERE c.owner_id = (SELECT id FROM users WHERE email = 'rep.sun@petrocrm.cn') AND s.status = 'active' AND m.status = 'active' AND p.grade = '0#'
         AND m.balance > 5000
       ORDER BY s.id LIMIT 1`);
    const page = await loggedIn('rep.sun@petrocrm.cn', `/resources/fuel_cards/records/${card.id}/show`, '[data-testid="property-show-card_no"]');
    expect(await shownValue(page, 'vehicle_plate')).toBe(card.plate);

    await page.click('[data-testid="action-recordFuelling"]');
    await page.locator('#liters').waitFor();
    await chooseOption(page, '#station_id', '南京江北加油站', '江北');
    await chooseOption(page, '#product_id', card.grade, '0#柴油');
    await page.fill('#liters', (Number(card.liters) + 50).toFixed(2));
    await page.fill('#unit_price', '7.25');
    const notice = await submitAction(page, 'fuel_cards', card.id, 'recordFuelling');
    expect(notice).toMatchObject({ type: 'error', message: 'fuelDailyLitersExceeded' });
    // The refusal is shown next to the litres, in Chinese, and nothing moved.
    await page.getByText(/已拒绝/).first().waitFor();
    await page.screenshot({ path: screenshotPath('petroleum-fuel-card-over-daily-limit') });
    const [after] = await sql<{ balance: string; fuellings: string }>(
      `SELECT m.balance, (SELECT count(*) FROM fuel_card_transactions t WHERE t.card_id = $1 AND t.business_day = (now() AT TIME ZONE 'Asia/Shanghai')::date) AS fuellings
         FROM fuel_cards m WHERE m.id = $2`, [card.id, card.master_id]);
    expect(after).toEqual({ balance: card.balance, fuellings: '0' });
  }, 120_000);

  test('when a manager opens contract lifting and the dashboard, then under-lifted months are flagged and the petroleum charts are drawn', async () => {
    const page = await loggedIn('manager.ec@petrocrm.cn', '/resources/contracts/actions/liftingOverview', 'table');
    await page.getByText('欠提').first().waitFor();
    await page.screenshot({ path: screenshotPath('petroleum-contract-lifting-overview') });

    await page.goto(adminUrl(running.url, '?period=12m'));
    await page.locator('[data-dashboard-ready]').waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    for (const title of ['合同执行: 计划与实际提货', '客户终身价值前 10 名', '加油站加油量与客户流失', '发运途损 (按运输方式)']) {
      await page.locator(`[data-chart-panel="${title}"] canvas`).waitFor();
    }
    const panel = page.locator('[data-chart-panel="合同执行: 计划与实际提货"]');
    await panel.scrollIntoViewIfNeeded();
    await page.setViewportSize({ width: LAPTOP.width, height: 1000 });
    await page.screenshot({ path: screenshotPath('petroleum-dashboard-charts'), clip: await pageClip(page, '[data-chart-panel="合同执行: 计划与实际提货"]') });
    await page.setViewportSize(LAPTOP);
  }, 120_000);

  test('when the service desk traces a complaint about a failed batch, then the certificate marks the value out of spec and lists every customer who received the batch, on the day it last shipped in Beijing', async () => {
    const [ticket] = await sql<{ id: number; batch_no: string; customers: string; last_days: string[] }>(`
      SELECT t.id, t.batch_no,
             (SELECT count(DISTINCT o.customer_id) FROM stock_movements m JOIN sales_orders o ON o.id = m.order_id WHERE m.batch_id = b.id AND m.kind = 'shipment') AS customers,
             (SELECT array_agg(day ORDER BY day) FROM (SELECT to_char(max(m.occurred_at) AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day
                FROM stock_movements m JOIN sales_orders o ON o.id = m.order_id WHERE m.batch_id = b.id AND m.kind = 'shipment' GROUP BY o.customer_id) last) AS last_days
        FROM tickets t JOIN batches b ON b.product_id = t.product_id AND b.batch_no = t.batch_no
       WHERE t.kind = 'quality_complaint' AND b.quality_status = 'failed' ORDER BY t.id LIMIT 1`);
    // A browser sixteen hours behind Beijing: the day shown is still the business day, not the browser's.
    const page = await loggedIn('service@petrocrm.cn', `/resources/tickets/records/${ticket.id}/traceBatch`, `[data-batch-trace="${ticket.batch_no}"]`, { timezoneId: 'America/Los_Angeles' });
    await page.getByText('质检不合格').first().waitFor();
    await page.getByText('不合格', { exact: true }).first().waitFor();
    const rows = page.locator('table').last().locator('tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(Number(ticket.customers));
    const shown = await rows.evaluateAll((trs) => trs.map((tr) => tr.querySelectorAll('td')[4]?.textContent?.trim() ?? ''));
    expect([...shown].sort()).toEqual(ticket.last_days);
    await page.setViewportSize({ width: LAPTOP.width, height: 1100 });
    await page.screenshot({ path: screenshotPath('petroleum-batch-trace') });
    await page.setViewportSize(LAPTOP);
  }, 120_000);
});

/** The rectangle from a chart panel to the bottom of the grid, for a screenshot of the new charts. */
async function pageClip(page: Page, selector: string) {
  const box = await page.locator(selector).boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  const viewport = page.viewportSize()!;
  return { x: 0, y: box.y, width: viewport.width, height: Math.min(viewport.height - box.y, box.height * 2 + 40) };
}
