import crypto from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import {
  FIRST_LOAD_TIMEOUT, LAPTOP, adminUrl, chooseOption, fillProperty, openJourneyWorld, openLoggedInPage, type JourneyWorld, propertySelect, runRecordAction, saveRecord,
  screenshotPath, shownValue, waitForShownValue, type BrowserSession,
} from '../support/browser.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

interface ShippedBatch {
  customer: string;
  product: string;
  batch_no: string;
}

/**
 * The service desk takes a customer's complaint about a batch of resin through every step, as a
 * service agent clicks them: recorded with its product and batch, assigned, started, resolved,
 * and closed with the customer's rating.
 */
describe('a service agent takes a quality complaint from new to closed', () => {
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
    session = await openLoggedInPage(browser, running.url, 'service@petrocrm.cn');
    page = session.page;
    await page.goto(adminUrl(running.url, '/resources/tickets'), { timeout: FIRST_LOAD_TIMEOUT });
    await page.waitForSelector('[data-testid="property-list-ticket_no"]', { timeout: FIRST_LOAD_TIMEOUT });
  }, 150_000);
  afterAll(async () => {
    await session?.close();
    await world?.close();
  });

  /** A batch of resin that really went to a customer, with names the reference search finds alone. */
  async function shippedBatch(): Promise<ShippedBatch> {
    const [batch] = await sql<ShippedBatch>(`
      SELECT c.name AS customer, p.name AS product, m.batch_no
        FROM stock_movements m
        JOIN sales_orders o ON o.id = m.order_id
        JOIN customers c ON c.id = o.customer_id
        JOIN products p ON p.id = m.product_id
       WHERE m.kind = 'shipment' AND m.batch_no IS NOT NULL AND c.merged_into_id IS NULL
         AND NOT EXISTS (SELECT 1 FROM customers other WHERE other.id <> c.id AND other.name ILIKE '%' || c.name || '%')
         AND NOT EXISTS (SELECT 1 FROM products other WHERE other.id <> p.id AND other.name ILIKE '%' || p.name || '%')
       ORDER BY (p.name LIKE '%聚乙烯%' OR p.name LIKE '%聚丙烯%') DESC, m.occurred_at DESC
       LIMIT 1`);
    if (!batch) throw new Error('the demo data has no shipped batch');
    return batch;
  }

  test('when the agent records, assigns, starts, resolves and closes a complaint about a batch, then the ticket reads 已关闭 with the rating and feedback', async () => {
    const batch = await shippedBatch();
    const subject = `${batch.product} 批次 ${batch.batch_no} 熔指偏高, 拉丝断头 ${tag}`;
    const resolution = '经生产厂复检, 该批次熔融指数偏高 0.4 g/10min; 已为客户更换同牌号合格批次 20 吨, 并调整其挤出温度。';
    const feedback = '换货及时, 技术服务专业。';

    // A new complaint, with the product and the batch the customer received.
    await page.goto(adminUrl(running.url, '/resources/tickets/actions/new'));
    await fillProperty(page, 'subject', subject);
    await chooseOption(page, propertySelect('kind'), '产品质量投诉');
    await chooseOption(page, propertySelect('priority'), '高');
    await chooseOption(page, propertySelect('customer_id'), batch.customer);
    await chooseOption(page, propertySelect('product_id'), batch.product);
    await fillProperty(page, 'batch_no', batch.batch_no);
    await fillProperty(page, 'description', '客户反映近一周到货的该批次料在拉丝时频繁断头, 要求复检并换货。');
    const ticketId = await saveRecord(page, 'tickets');
    const ticketNo = await shownValue(page, 'ticket_no');
    expect(ticketNo).toMatch(/^TK\d{8}$/);
    expect(await shownValue(page, 'status')).toBe('新建');
    expect(await shownValue(page, 'kind')).toBe('产品质量投诉');
    expect(await shownValue(page, 'batch_no')).toBe(batch.batch_no);
    // The SLA of a high-priority ticket is set as soon as it is recorded.
    expect(await shownValue(page, 'sla_due_at')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);

    // Assigned to herself, started, resolved.
    await runRecordAction(page, 'tickets', ticketId, 'assign', () => chooseOption(page, '#assignee_id', '周敏'));
    await waitForShownValue(page, 'status', '已分派');
    expect(await shownValue(page, 'assignee_id')).toBe('周敏');
    await runRecordAction(page, 'tickets', ticketId, 'start');
    await waitForShownValue(page, 'status', '处理中');
    await runRecordAction(page, 'tickets', ticketId, 'resolve', () => page.fill('#resolution', resolution));
    await waitForShownValue(page, 'status', '已解决');
    expect(await shownValue(page, 'resolution')).toBe(resolution);

    // Closed with the customer's rating: the ticket shows it is closed, the rating and the feedback.
    const closed = await runRecordAction(page, 'tickets', ticketId, 'close', async () => {
      await chooseOption(page, '#satisfaction', '5 分 · 非常满意', '5 分');
      await page.fill('#feedback', feedback);
    });
    expect(closed).toMatchObject({ message: 'ticketClosed', options: { ticketNo, satisfaction: 5 } });
    await waitForShownValue(page, 'status', '已关闭');
    expect(await shownValue(page, 'satisfaction')).toMatch(/^5\b/);
    expect(await shownValue(page, 'feedback')).toBe(feedback);
    expect(await shownValue(page, 'closed_at')).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    // Only reopening is left to do on a closed ticket.
    await expect(page.locator('[data-testid="action-resolve"], [data-testid="action-close"], [data-testid="action-assign"]').count()).resolves.toBe(0);
    await page.locator('[data-testid="action-reopen"]').waitFor();

    await page.setViewportSize({ width: LAPTOP.width, height: 1500 });
    await page.screenshot({ path: screenshotPath('service-quality-complaint') });
    await page.setViewportSize(LAPTOP);

    const [ticket] = await sql<Record<string, unknown>>(`
      SELECT t.status, t.kind, p.name AS product, t.batch_no, a.email AS assignee, t.resolution, t.satisfaction, t.feedback,
             t.resolved_at IS NOT NULL AS resolved, t.closed_at IS NOT NULL AS closed
        FROM tickets t JOIN products p ON p.id = t.product_id LEFT JOIN users a ON a.id = t.assignee_id
       WHERE t.id = $1`, [ticketId]);
    expect(ticket).toEqual({
      status: 'closed', kind: 'quality_complaint', product: batch.product, batch_no: batch.batch_no, assignee: 'service@petrocrm.cn',
      resolution, satisfaction: 5, feedback, resolved: true, closed: true,
    });
  }, 90_000);
});
