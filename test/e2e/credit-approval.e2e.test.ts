import type { Browser, Page } from 'playwright-core';
import {
  FIRST_LOAD_TIMEOUT, LAPTOP, adminUrl, openJourneyWorld, openLoggedInPage, runRecordAction, screenshotPath, shownValue, waitForShownValue,
  type BrowserSession, type JourneyWorld, type Notice,
} from '../support/browser.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser, setStock } from '../support/fixtures.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/**
 * Credit control in the browser, in Chinese: a representative's order over the customer's limit is
 * refused with the figures, the representative asks for approval with a reason, the branch manager
 * approves it with theirs and the order is confirmed. Then what the manager reads about credit and
 * targets on the dashboard, and a price version with the VAT apart.
 */
describe('an order over the credit limit goes through with the manager\'s approval', () => {
  let world: JourneyWorld;
  let running: RunningPetroCrm;
  let browser: Browser;
  const sessions: BrowserSession[] = [];
  let orderId: string;
  let orderNo: string;

  beforeAll(async () => {
    world = await openJourneyWorld();
    ({ running, browser } = world);
    const rep = await demoUser('rep.zhang@petrocrm.cn');
    const [product, warehouse] = await Promise.all([createProduct({ name: '线性低密度聚乙烯 测试牌号' }), createWarehouse({ name: '南京测试中转库' })]);
    await setStock(product.id, warehouse.id, '200.000');
    const customer = await createCustomer({ name: '无锡华达塑业有限公司', credit_limit: '500000.00', owner_id: rep.id });
    await createOrder(customer, warehouse, [{ productId: product.id, quantity: '40.000', unitPrice: '8600.00' }], { status: 'shipped', shipped_at: new Date(Date.now() - 40 * 86_400_000) });
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '30.000', unitPrice: '8600.00' }]);
    orderId = String(order.id);
    orderNo = order.order_no;
  }, 150_000);
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await world?.close();
  });

  async function open(email: string): Promise<Page> {
    const session = await openLoggedInPage(browser, running.url, email);
    sessions.push(session);
    await session.page.getByText('客户管理', { exact: true }).first().waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    return session.page;
  }

  /** Submits a record's workflow form and returns the server's notice, success or not. */
  async function submit(page: Page, resourceId: string, action: string): Promise<Notice> {
    const form = page.locator('form').filter({ has: page.locator('button[type="submit"]') }).last();
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname === `/admin/api/resources/${resourceId}/records/${orderId}/${action}`),
      form.locator('button[type="submit"]').click(),
    ]);
    return ((await response.json()) as { notice: Notice }).notice;
  }

  test('when the representative confirms, then the refusal shows the credit figures; asking for approval puts the order before the manager', async () => {
    const page = await open('rep.zhang@petrocrm.cn');
    await page.goto(adminUrl(running.url, `/resources/sales_orders/records/${orderId}/show`));
    await page.click('[data-testid="action-confirm"]');
    await page.waitForURL((url) => url.pathname.endsWith(`/records/${orderId}/confirm`));
    const refusal = await submit(page, 'sales_orders', 'confirm');
    expect(refusal).toMatchObject({ type: 'error', message: 'creditLimitExceeded', options: { limit: '¥500,000.00', receivables: '¥344,000.00', amount: '¥258,000.00', excess: '¥102,000.00' } });
    await page.getByText('超出客户').first().waitFor();
    await expect(page.getByText(`订单 ${orderNo} 超出客户`).first().innerText()).resolves.toContain('超出 ¥102,000.00');
    await page.screenshot({ path: screenshotPath('credit-limit-refused') });

    await page.goto(adminUrl(running.url, `/resources/sales_orders/records/${orderId}/show`));
    const asked = await runRecordAction(page, 'sales_orders', orderId, 'requestCreditApproval', async (form) => {
      await form.fill('#request_reason', '老客户，本月 25 日前承兑汇票回款 30 万元');
    });
    expect(asked).toMatchObject({ message: 'creditApprovalRequested', options: { excess: '¥102,000.00' } });
    expect(await shownValue(page, 'status')).toBe('草稿');
  }, 120_000);

  test('when the branch manager approves with a reason, then the order is confirmed and the decision is on its page', async () => {
    const page = await open('manager.ec@petrocrm.cn');
    const [request] = await world.sql<{ id: number; request_no: string }>('SELECT id, request_no FROM credit_approvals WHERE order_id = $1', [orderId]);
    await page.goto(adminUrl(running.url, '/resources/credit_approvals?filters.status=pending'));
    await page.getByText(request.request_no).first().waitFor();
    await page.screenshot({ path: screenshotPath('credit-approvals-pending') });

    await page.goto(adminUrl(running.url, `/resources/credit_approvals/records/${request.id}/approve`));
    await page.fill('#decision_reason', '已核实承兑汇票，同意临时超额度');
    await page.setViewportSize({ width: LAPTOP.width, height: 900 });
    await page.screenshot({ path: screenshotPath('credit-approval-form') });
    const [response] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname === `/admin/api/resources/credit_approvals/records/${request.id}/approve`),
      page.locator('form button[type="submit"]').last().click(),
    ]);
    expect(((await response.json()) as { notice: Notice }).notice).toMatchObject({ type: 'success', message: 'creditApprovedOrderConfirmed' });

    await page.goto(adminUrl(running.url, `/resources/sales_orders/records/${orderId}/show`));
    await waitForShownValue(page, 'status', '已确认');
    await page.getByText('已核实承兑汇票，同意临时超额度').first().waitFor();
    await page.setViewportSize({ width: LAPTOP.width, height: 1100 });
    await page.screenshot({ path: screenshotPath('credit-approved-order') });
    const [audit] = await world.sql<{ actions: string[] }>(
      `SELECT array_agg(action ORDER BY id) AS actions FROM audit_logs WHERE (resource = 'credit_approvals' AND record_id = $1) OR (resource = 'sales_orders' AND record_id = $2)`,
      [String(request.id), orderId],
    );
    expect(audit.actions).toEqual(['requestCreditApproval', 'approveCredit', 'confirmOverCreditLimit', 'confirmOrder']);
  }, 120_000);

  test('when the manager reads the dashboard and a price version, then credit, targets and the VAT apart are drawn', async () => {
    const page = await open('manager.ec@petrocrm.cn');
    await page.setViewportSize({ width: LAPTOP.width, height: 3400 });
    await page.goto(adminUrl(running.url, '/?period=3m'));
    await page.waitForSelector('[data-dashboard-ready]', { timeout: FIRST_LOAD_TIMEOUT });
    for (const title of ['销售目标完成情况（销售额）', '应收账款账龄（按分公司/网点）', '信用预警客户']) {
      await page.locator(`[data-chart-panel="${title}"]`).waitFor();
    }
    await page.locator('[data-watched-customer]').first().waitFor();
    await page.locator('[data-chart-panel="销售目标完成情况（销售额）"]').screenshot({ path: screenshotPath('dashboard-targets') });
    await page.locator('[data-chart-panel="应收账款账龄（按分公司/网点）"]').screenshot({ path: screenshotPath('dashboard-receivables-aging') });
    await page.locator('[data-chart-panel="信用预警客户"]').screenshot({ path: screenshotPath('dashboard-credit-watch') });

    const [version] = await world.sql<{ id: number }>(`SELECT id FROM price_list_versions WHERE status = 'published' AND notice_id IS NOT NULL ORDER BY valid_from DESC, id LIMIT 1`);
    await page.setViewportSize({ width: LAPTOP.width, height: 1200 });
    await page.goto(adminUrl(running.url, `/resources/price_list_versions/records/${version.id}/show`));
    await page.getByText('不含税单价').first().waitFor();
    await page.getByText('13%').first().waitFor();
    await page.screenshot({ path: screenshotPath('price-list-version') });
  }, 150_000);
});
