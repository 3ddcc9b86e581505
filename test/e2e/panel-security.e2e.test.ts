import type { Page } from 'playwright-core';
import { QueryTypes } from 'sequelize';
import { FIRST_LOAD_TIMEOUT, adminUrl, openJourneyWorld, openLoggedInPage, screenshotPath, type BrowserSession, type JourneyWorld } from '../support/browser.js';
import { buildApp, type PetroApp } from '../../src/app.js';
import { testConfig, TEST_SESSION_SECRET } from '../support/test-app.js';

/**
 * Markup stored in every text field a user can type into — `</script><script>` to break out of the
 * page's state, an <img onerror> and an <svg onload> for anywhere text might be written as HTML —
 * is shown as the text it is on every list and record page of the panel, in Chromium, and no
 * script of it runs. The administrator's own name carries it too, into the top bar and the state.
 */
const PAYLOADS = ['</script><script>window.__xss=1</script><img src=x onerror=window.__xss=1>', '<img src=x onerror=window.__xss=1>', '<svg onload=window.__xss=1>', '</script><b>'];

describe('the panel in a browser: stored markup, logout', () => {
  let world: JourneyWorld;
  let petro: PetroApp;
  let admin: BrowserSession;
  const aimed: Array<{ resource: string; id: number; fields: string[] }> = [];

  beforeAll(async () => {
    world = await openJourneyWorld();
    petro = buildApp({ config: testConfig(world.running.database.url), databaseUrl: world.running.database.url, sessionSecret: TEST_SESSION_SECRET, log: () => undefined });
    for (const resource of petro.admin.resources) {
      const table = resource.id();
      const texts = resource.decorate().getProperties({ where: 'edit' }).filter((property) => ['string', 'textarea'].includes(property.type()) && !property.availableValues());
      const [row] = await world.sql<{ id: number | null }>(`SELECT min(id) AS id FROM ${table}`);
      if (row.id === null) continue;
      const fields: string[] = [];
      for (const property of texts) {
        const column = property.propertyPath;
        const [info] = await world.sql<{ max: number | null }>(
          `SELECT character_maximum_length AS max FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
          [table, column],
        );
        if (!info) continue;
        const payload = PAYLOADS.find((candidate) => info.max === null || candidate.length <= info.max);
        if (!payload) continue;
        // A column whose own CHECK refuses markup (an e-mail, a credit code) is not free text; it is left as it is.
        const stored = await world.sequelize
          .query(`UPDATE ${table} SET ${column} = $1 WHERE id = $2`, { bind: [payload, row.id], type: QueryTypes.UPDATE })
          .then(() => true, () => false);
        if (stored) fields.push(column);
      }
      if (fields.length > 0) aimed.push({ resource: table, id: row.id, fields });
    }
    await world.sequelize.query(`UPDATE users SET name = '</script><script>window.__xss=1</script>' WHERE email = 'admin@petrocrm.cn'`);
    admin = await openLoggedInPage(world.browser, world.running.url, 'admin@petrocrm.cn');
  }, 180_000);
  afterAll(async () => {
    await admin?.close();
    await petro?.close();
    await world?.close();
  });

  /** Opens a list or record page and waits until its records are drawn. */
  async function openAndSettle(page: Page, path: string): Promise<void> {
    await page.goto(adminUrl(world.running.url, path), { timeout: FIRST_LOAD_TIMEOUT });
    await page.locator(path.endsWith('/show') ? '[data-testid^="property-show-"]' : '[data-testid^="property-list-"]').first().waitFor({ timeout: FIRST_LOAD_TIMEOUT });
  }

  test('when every list and record page of every resource shows stored markup, then no script of it runs and it reads as typed', async () => {
    const page = admin.page;
    const ran: string[] = [];
    const missing: string[] = [];
    expect(aimed.length).toBeGreaterThan(15);
    expect(aimed.reduce((sum, target) => sum + target.fields.length, 0)).toBeGreaterThan(60);
    for (const { resource, id, fields } of aimed) {
      for (const path of [`/resources/${resource}`, `/resources/${resource}/records/${id}/show`]) {
        await openAndSettle(page, path);
        if (await page.evaluate(() => (window as unknown as { __xss?: number }).__xss !== undefined)) ran.push(path);
        const text = await page.locator('body').innerText();
        if (path.endsWith('/show') && !PAYLOADS.some((payload) => text.includes(payload))) missing.push(`${path} (${fields.join(', ')})`);
      }
    }
    expect(ran).toEqual([]);
    expect(missing).toEqual([]);
    await openAndSettle(page, `/resources/customers/records/${aimed.find((target) => target.resource === 'customers')!.id}/show`);
    await page.screenshot({ path: screenshotPath('stored-markup-customer'), fullPage: false });
    // The top bar names the administrator by the name as typed (it travels in the page's state).
    const [{ name }] = await world.sql<{ name: string }>(`SELECT name FROM users WHERE email = 'admin@petrocrm.cn'`);
    expect(name).toBe('</script><script>window.__xss=1</script>');
    await expect(page.locator('[data-css="logged-in"]').textContent()).resolves.toContain(name);
  }, 600_000);

  test('when a role may not list the rows behind some figures, then its dashboard says which it leaves out', async () => {
    await world.sequelize.query(`UPDATE role_permissions SET actions = array_remove(actions, 'list') WHERE resource IN ('tickets', 'opportunities') AND role_id = (SELECT id FROM roles WHERE code = 'sales_rep')`);
    const rep = await openLoggedInPage(world.browser, world.running.url, 'rep.zhang@petrocrm.cn');
    try {
      await rep.page.goto(adminUrl(world.running.url, ''), { timeout: FIRST_LOAD_TIMEOUT });
      const notice = rep.page.getByText('您的角色无权查看相应列表，以下统计未显示');
      await notice.waitFor({ timeout: FIRST_LOAD_TIMEOUT });
      const text = await notice.innerText();
      for (const figure of ['工单指标', '销售漏斗（商机数与加权金额）', '服务工单（类型 × 状态）与平均解决时长', '营销活动转化']) expect(text).toContain(figure);
      await rep.page.screenshot({ path: screenshotPath('dashboard-refused-figures'), fullPage: false });
    } finally {
      await rep.close();
    }
  });

  test('when the employee logs out from the user menu, then the menu POSTs with the token, the login page opens and the session is over', async () => {
    const rep = await openLoggedInPage(world.browser, world.running.url, 'rep.zhang@petrocrm.cn');
    try {
      const page = rep.page;
      await page.goto(adminUrl(world.running.url, '/resources/customers'), { timeout: FIRST_LOAD_TIMEOUT });
      // express-session's cookie is "s:<session id>.<signature>".
      const cookie = (await rep.context.cookies()).find((candidate) => candidate.name === 'petrocrm.sid')!;
      const sid = decodeURIComponent(cookie.value).slice(2).split('.')[0];
      await expect(world.sql('SELECT 1 FROM sessions WHERE sid = $1', [sid])).resolves.toHaveLength(1);
      await page.locator('[data-css="logged-in"]').hover();
      await page.screenshot({ path: screenshotPath('logout-menu'), fullPage: false });
      const [logout] = await Promise.all([
        page.waitForRequest((sent) => new URL(sent.url()).pathname === '/admin/logout'),
        page.getByText('退出登录').click(),
      ]);
      expect(logout.method()).toBe('POST');
      expect(logout.headers()['x-xsrf-token']).toBeTruthy();
      await page.waitForURL((url) => url.pathname === '/admin/login');
      const api = await page.request.get(adminUrl(world.running.url, '/api/resources/customers/actions/list'));
      expect(api.status()).toBe(401);
      await expect(world.sql('SELECT 1 FROM sessions WHERE sid = $1', [sid])).resolves.toEqual([]);
    } finally {
      await rep.close();
    }
  });
});
