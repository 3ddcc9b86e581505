import type { Browser, Page } from 'playwright-core';
import {
  adminUrl, chooseOption, fillProperty, FIRST_LOAD_TIMEOUT, openJourneyWorld, openLoggedInPage, screenshotPath, type BrowserSession, type JourneyWorld,
} from '../support/browser.js';

/**
 * The panel's frame as staff in China meet it, at 1366×768 and 390×844, zh-CN, Asia/Shanghai:
 * chart clicks that open their list, a search box on every list, one name for the statistics page,
 * new records opening on their page, one notice at a time, pickers that offer what the step means,
 * the permission matrix keeping unsaved ticks, cards on a phone, and nothing from another origin.
 */
const PHONE = { width: 390, height: 844 };

describe('the panel frame in Chromium', () => {
  let world: JourneyWorld;
  let browser: Browser;
  const sessions: BrowserSession[] = [];
  /** Every request any page of these journeys made outside the panel's own origin. */
  const foreign: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    world = await openJourneyWorld();
    browser = world.browser;
  }, 150_000);
  afterAll(async () => {
    for (const session of sessions) await session.close();
    await world?.close();
  });

  async function open(email: string, viewport?: { width: number; height: number }): Promise<Page> {
    const session = await openLoggedInPage(browser, world.running.url, email, { viewport });
    sessions.push(session);
    const origin = new URL(world.running.url).origin;
    session.page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin) foreign.push(request.url());
    });
    session.page.on('pageerror', (error) => pageErrors.push(String(error)));
    return session.page;
  }

  async function dashboard(page: Page): Promise<void> {
    await page.goto(adminUrl(world.running.url), { timeout: FIRST_LOAD_TIMEOUT });
    await page.waitForSelector('[data-dashboard-ready]', { timeout: FIRST_LOAD_TIMEOUT });
  }

  /**
   * Clicks a bar of a chart: the first place, row by row from the top left, where the hand appears
   * (the chart shows it only over a bar that leads somewhere).
   */
  async function clickFirstBar(page: Page, chartTitle: string): Promise<void> {
    const canvas = page.locator(`[data-chart-panel="${chartTitle}"] canvas`);
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    // Chart.js handles the pointer on its next animation frame.
    const cursor = () => canvas.evaluate((element) => new Promise<string>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(element.style.cursor)))));
    for (let y = box.y + 16; y < box.y + box.height / 2; y += 24) {
      for (let x = box.x + box.width * 0.1; x < box.x + box.width; x += 24) {
        await page.mouse.move(x, y);
        if ((await cursor()) === 'pointer') {
          await page.mouse.click(x, y);
          return;
        }
      }
    }
    throw new Error(`no bar to click on ${chartTitle}`);
  }

  test('when a manager clicks a chart’s bar, then its list opens without a reload or error, showing what the bar said beside the list’s count', async () => {
    const page = await open('manager.ec@petrocrm.cn');
    await dashboard(page);
    const marker = await page.evaluate(() => ((window as unknown as { journeyMarker: number }).journeyMarker = Date.now()));
    const [listed] = await Promise.all([
      page.waitForResponse((answer) => new URL(answer.url()).pathname === '/admin/api/resources/sales_orders/actions/list'),
      clickFirstBar(page, '客户价值前 10 名（销售额）'),
    ]);
    await page.waitForSelector('[data-css="sales_orders-drill-down"]');
    expect(new URL(page.url()).pathname).toBe('/admin/resources/sales_orders');
    // The same document: the click navigated inside the app, nothing was reloaded.
    await expect(page.evaluate(() => (window as unknown as { journeyMarker?: number }).journeyMarker)).resolves.toBe(marker);
    const { meta } = (await listed.json()) as { meta: { total: number } };
    const banner = page.locator('[data-css="sales_orders-drill-down"]');
    await expect(banner.innerText()).resolves.toContain('客户价值前 10 名（销售额）');
    await expect(banner.innerText()).resolves.toMatch(/\d+ 笔订单/);
    await expect(banner.locator('[data-drill-down-total]').getAttribute('data-drill-down-total')).resolves.toBe(String(meta.total));
    await expect(page.locator('h2').first().innerText()).resolves.toContain('销售订单');
    await page.waitForSelector('[data-css="sales_orders-table-row"]');
    await page.screenshot({ path: screenshotPath('frame-chart-click-list') });

    // Back on the dashboard, every other kind of chart opens its list too.
    await page.locator('[data-css="sales_orders-drill-down"] a').click();
    await page.waitForSelector('[data-dashboard-ready]');
    await clickFirstBar(page, '销售代表业绩');
    await page.waitForSelector('[data-css="sales_orders-drill-down"]');
    expect(new URL(page.url()).searchParams.get('filters.owner_id')).not.toBeNull();
    expect(pageErrors).toEqual([]);
  }, 180_000);

  test('when staff type a fragment of a Chinese name, a code or a phone into a list’s search box, then only matching rows remain, and the list is titled with its resource', async () => {
    const [customer] = await world.sql<{ id: number; name: string; code: string; phone: string | null }>(
      `UPDATE customers SET phone = '0571-86661234' WHERE id = (SELECT id FROM customers WHERE name LIKE '%化工%' ORDER BY id LIMIT 1) RETURNING id, name, code, phone`,
    );
    const page = await open('admin@petrocrm.cn');
    await page.goto(adminUrl(world.running.url, '/resources/customers'), { timeout: FIRST_LOAD_TIMEOUT });
    await page.waitForSelector('[data-css="customers-table-row"]', { timeout: FIRST_LOAD_TIMEOUT });
    await expect(page.locator('h2').first().innerText()).resolves.toMatch(/^客户/);
    await expect(page.locator('[data-css="customers-list-breadcrumbs"]').innerText()).resolves.toMatch(/^统计分析/);

    const search = async (words: string) => {
      await Promise.all([
        page.waitForResponse((answer) => answer.url().includes('/api/resources/customers/actions/list') && new URL(answer.url()).searchParams.get('filters.search') === words),
        page.fill('[data-css="customers-search"] input', words),
      ]);
      await page.waitForSelector('[data-css="customers-table-row"]');
      return page.locator('[data-css="customers-table-row"]').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-id')));
    };
    const fragment = customer.name.slice(2, 6);
    const byName = await search(fragment);
    expect(byName).toContain(String(customer.id));
    await page.screenshot({ path: screenshotPath('frame-list-search') });
    await expect(search('86661234')).resolves.toEqual([String(customer.id)]);
    await expect(search(customer.code.toLowerCase())).resolves.toEqual([String(customer.id)]);
    expect(new URL(page.url()).searchParams.get('filters.search')).toBe(customer.code.toLowerCase());
  }, 180_000);

  test('when the menu is opened, then 统计分析 is its first entry and opens the dashboard of the same name', async () => {
    const page = await open('viewer@petrocrm.cn');
    await page.goto(adminUrl(world.running.url, '/resources/customers'), { timeout: FIRST_LOAD_TIMEOUT });
    const entry = page.locator('[data-css="sidebar-resources"] a').first();
    await expect(entry.innerText()).resolves.toBe('统计分析');
    await entry.click();
    await page.waitForSelector('[data-dashboard-ready]', { timeout: FIRST_LOAD_TIMEOUT });
    await expect(page.locator('h3').first().innerText()).resolves.toBe('统计分析');
  }, 180_000);

  test('when a rep saves a new contact, then the browser lands on the contact’s page with one notice', async () => {
    const page = await open('rep.zhang@petrocrm.cn');
    await page.goto(adminUrl(world.running.url, '/resources/contacts/actions/new'), { timeout: FIRST_LOAD_TIMEOUT });
    await page.waitForSelector('[data-testid="property-edit-name"]', { timeout: FIRST_LOAD_TIMEOUT });
    await fillProperty(page, 'name', '王晓梅');
    await chooseOption(page, '[data-testid="property-edit-customer_id"]', (await firstCustomerOf('rep.zhang@petrocrm.cn')).name);
    await page.click('[data-testid="button-save"]');
    await page.waitForURL((url) => /\/admin\/resources\/contacts\/records\/\d+\/show$/.test(url.pathname));
    await page.waitForSelector('[data-testid="property-show-name"]');
    await expect(page.locator('[data-testid="notice-wrapper"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="notice-wrapper"]').innerText()).resolves.toContain('已新建');
    await page.screenshot({ path: screenshotPath('frame-new-record-page') });
  }, 180_000);

  test('when a step is refused twice and then done, then one notice shows at a time, the newest', async () => {
    const [ticket] = await world.sql<{ id: number }>("SELECT id FROM tickets WHERE status = 'new' ORDER BY id LIMIT 1");
    const page = await open('service2@petrocrm.cn');
    await page.goto(adminUrl(world.running.url, `/resources/tickets/records/${ticket.id}/assign`), { timeout: FIRST_LOAD_TIMEOUT });
    const submit = page.locator('form button[type="submit"]');
    // A refusal stays until the next notice replaces it: two refusals, one notice.
    for (let attempt = 0; attempt < 2; attempt += 1) {
      await Promise.all([page.waitForResponse((answer) => answer.request().method() === 'POST'), submit.click()]);
      await page.locator('[data-testid="notice-wrapper"]').getByText('请选择处理工单的客服专员').waitFor();
      await expect(page.locator('[data-testid="notice-wrapper"]').count()).resolves.toBe(1);
    }
    await page.screenshot({ path: screenshotPath('frame-one-notice') });
    await page.click('#assignee_id');
    await page.getByRole('option').first().click();
    await Promise.all([page.waitForURL((url) => url.pathname.endsWith('/show')), submit.click()]);
    await expect(page.locator('[data-testid="notice-wrapper"]').count()).resolves.toBe(1);
    await expect(page.locator('[data-testid="notice-wrapper"]').innerText()).resolves.toMatch(/已分派给/);

    // The close step's breadcrumb names the ticket's step, not the order's 关闭订单.
    const [resolved] = await world.sql<{ id: number }>("SELECT id FROM tickets WHERE status = 'resolved' ORDER BY id LIMIT 1");
    await page.goto(adminUrl(world.running.url, `/resources/tickets/records/${resolved.id}/close`), { timeout: FIRST_LOAD_TIMEOUT });
    // The page draws its breadcrumb once the record has loaded: wait for its last part before reading them all.
    const crumbs = page.locator('[data-css="tickets-close-breadcrumbs"] a');
    await crumbs.nth(2).waitFor();
    await expect(crumbs.allInnerTexts()).resolves.toEqual(['统计分析', '服务工单', '关闭工单']);
  }, 180_000);

  test('when the administrator reads the audit row of that assignment, then it is in words: the step, the field, its values', async () => {
    const [row] = await world.sql<{ id: number }>("SELECT id FROM audit_logs WHERE action = 'assign' AND resource = 'tickets' ORDER BY id DESC LIMIT 1");
    const page = await open('admin@petrocrm.cn');
    await page.goto(adminUrl(world.running.url, `/resources/audit_logs/records/${row.id}/show`), { timeout: FIRST_LOAD_TIMEOUT });
    const changes = page.locator('[data-testid="property-show-action"], table');
    await changes.last().waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    const text = await page.locator('#app').innerText();
    expect(text).toContain('分派');
    expect(text).toMatch(/工单状态\s+新建\s+已分派/);
    expect(text).not.toMatch(/\bassign|status|\d{4}-\d{2}-\d{2}T/);
    await page.screenshot({ path: screenshotPath('frame-audit-in-words') });
  }, 180_000);

  async function firstCustomerOf(email: string): Promise<{ id: number; name: string }> {
    const [customer] = await world.sql<{ id: number; name: string }>(
      'SELECT c.id, c.name FROM customers c JOIN users u ON u.id = c.owner_id WHERE u.email = $1 ORDER BY c.id LIMIT 1',
      [email],
    );
    return customer;
  }

  test('when a service agent assigns a ticket or a clerk transfers stock, then the picker offers only agents, or only the other warehouses', async () => {
    const agents = await world.sql<{ name: string }>(
      "SELECT u.name FROM users u JOIN roles r ON r.id = u.role_id WHERE r.code = 'service_agent' AND u.active ORDER BY u.name",
    );
    const [ticket] = await world.sql<{ id: number }>("SELECT id FROM tickets WHERE status IN ('new', 'assigned', 'in_progress') ORDER BY id LIMIT 1");
    const page = await open('service@petrocrm.cn');
    await page.goto(adminUrl(world.running.url, `/resources/tickets/records/${ticket.id}/assign`), { timeout: FIRST_LOAD_TIMEOUT });
    await page.click('#assignee_id');
    const offered = await page.getByRole('option').allInnerTexts();
    expect(offered.sort()).toEqual(agents.map((agent) => agent.name).sort());
    await page.screenshot({ path: screenshotPath('frame-ticket-assign-agents') });

    const [level] = await world.sql<{ id: number; warehouse: string }>(
      'SELECT s.id, w.name AS warehouse FROM stock_levels s JOIN warehouses w ON w.id = s.warehouse_id ORDER BY s.id LIMIT 1',
    );
    const others = await world.sql<{ name: string }>(
      'SELECT name FROM warehouses WHERE active AND id <> (SELECT warehouse_id FROM stock_levels WHERE id = $1) ORDER BY name',
      [level.id],
    );
    const clerk = await open('warehouse@petrocrm.cn');
    await clerk.goto(adminUrl(world.running.url, `/resources/stock_levels/records/${level.id}/transferStock`), { timeout: FIRST_LOAD_TIMEOUT });
    await clerk.click('#to_warehouse_id');
    const targets = await clerk.getByRole('option').allInnerTexts();
    expect(targets.sort()).toEqual(others.map((warehouse) => warehouse.name).sort());
    expect(targets).not.toContain(level.warehouse);
  }, 180_000);

  test('when the administrator ticks a box and switches role, then the matrix asks first and keeps the tick if told to stay; every column fits 1366 px', async () => {
    const page = await open('admin@petrocrm.cn');
    await page.goto(adminUrl(world.running.url, '/resources/roles/actions/editPermissions'), { timeout: FIRST_LOAD_TIMEOUT });
    await page.waitForSelector('[data-resource="customers"]', { timeout: FIRST_LOAD_TIMEOUT });
    const lastHeader = page.locator('.petro-matrix thead th, .petro-matrix thead td').last();
    const box = (await lastHeader.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(1366);

    const box0 = page.locator('tr[data-resource="contracts"] input[data-action="delete"]');
    const before = await box0.isChecked();
    // The box a user sees is drawn beside the (visually hidden) input.
    await page.locator('tr[data-resource="contracts"] input[data-action="delete"] + a').click();
    await page.waitForSelector('[data-testid="permissions-unsaved"]');
    const messages: string[] = [];
    page.once('dialog', (dialog) => {
      messages.push(dialog.message());
      void dialog.dismiss();
    });
    await page.click('[data-role="sales_rep"]');
    expect(messages[0]).toContain('未保存');
    await expect(box0.isChecked()).resolves.toBe(!before);
    await page.screenshot({ path: screenshotPath('frame-matrix-unsaved') });
    page.once('dialog', (dialog) => void dialog.accept());
    await page.click('[data-role="sales_rep"]');
    await page.waitForSelector('[data-testid="permissions-unsaved"]', { state: 'detached' });
  }, 180_000);

  test('when a rep opens a list and the dashboard on a 390 px phone, then rows are cards of four fields, charts are one to a row, and the header fits', async () => {
    const page = await open('rep.zhang@petrocrm.cn', PHONE);
    await page.goto(adminUrl(world.running.url, '/resources/customers'), { timeout: FIRST_LOAD_TIMEOUT });
    const card = page.locator('.petro-record-card').first();
    await card.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
    await expect(card.locator('[data-property-name]').count()).resolves.toBe(4);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);
    const header = (await page.locator('[data-css="topbar"]').boundingBox())!;
    expect(header.width).toBeLessThanOrEqual(PHONE.width);
    await page.screenshot({ path: screenshotPath('frame-phone-customer-cards') });

    await dashboard(page);
    const panels = await page.locator('[data-chart-panel]').evaluateAll((elements) => elements.map((element) => element.getBoundingClientRect().width));
    const widest = Math.max(...panels);
    expect(panels.every((width) => width === widest)).toBe(true);
    // Each title keeps whole lines, not one character a line.
    const titleHeights = await page.locator('[data-chart-panel] h5').evaluateAll((titles) => titles.map((title) => title.getBoundingClientRect().height));
    expect(Math.max(...titleHeights)).toBeLessThan(60);
    await page.screenshot({ path: screenshotPath('frame-phone-dashboard') });
  }, 180_000);

  test('when every journey above is done, then no page asked anything of another origin', () => {
    expect(foreign).toEqual([]);
  });
});
