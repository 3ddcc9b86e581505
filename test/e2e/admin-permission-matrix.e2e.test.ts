import crypto from 'node:crypto';
import type { Browser } from 'playwright-core';
import { FIRST_LOAD_TIMEOUT, adminUrl, openJourneyWorld, openLoggedInPage, type JourneyWorld, screenshotPath, shownValue, type BrowserSession } from '../support/browser.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/**
 * An administrator takes "delete customer" away from the sales representatives in the permission
 * matrix. The representative, in a browser of their own, loses the button at the next page load,
 * and a delete sent straight to the API is refused with 403, the customer untouched.
 */
describe('an administrator takes a permission away in the permission matrix', () => {
  let world: JourneyWorld;
  let running: RunningPetroCrm;
  let browser: Browser;
  let admin: BrowserSession;
  let rep: BrowserSession;
  const tag = crypto.randomBytes(3).toString('hex').toUpperCase();
  const sql: JourneyWorld['sql'] = (query, bind) => world.sql(query, bind);

  beforeAll(async () => {
    world = await openJourneyWorld();
    ({ running, browser } = world);
    admin = await openLoggedInPage(browser, running.url, 'admin@petrocrm.cn');
    rep = await openLoggedInPage(browser, running.url, 'rep.zhang@petrocrm.cn');
    await admin.page.goto(adminUrl(running.url, '/resources/roles'), { timeout: FIRST_LOAD_TIMEOUT });
    await admin.page.waitForSelector('[data-testid="property-list-name"]', { timeout: FIRST_LOAD_TIMEOUT });
  }, 150_000);
  afterAll(async () => {
    await admin?.close();
    await rep?.close();
    await world?.close();
  });

  /** A customer of the rep's with nothing attached, so only the permission can stop its deletion. */
  async function repsNewCustomer(): Promise<{ id: number; name: string }> {
    const name = `无锡华远化纤有限公司 ${tag}`;
    const [customer] = await sql<{ id: number; name: string }>(`
      INSERT INTO customers (name, customer_type, region, status, owner_id, branch_id)
      SELECT $1, 'manufacturer', '华东', 'prospect', id, branch_id FROM users WHERE email = 'rep.zhang@petrocrm.cn'
      RETURNING id, name`, [name]);
    return customer;
  }

  test('when the administrator unticks 删除 for 销售代表 on 客户 and saves, then the rep loses the button, the API answers 403 and the customer stays', async () => {
    const customer = await repsNewCustomer();
    const customerPage = adminUrl(running.url, `/resources/customers/records/${customer.id}/show`);

    // Before: the rep may delete their own customer, and the page offers it.
    await rep.page.goto(customerPage);
    expect(await shownValue(rep.page, 'name')).toBe(customer.name);
    await rep.page.locator('[data-testid="action-delete"]').waitFor();

    // The administrator opens the matrix, chooses the representative role and unticks delete on customers.
    const page = admin.page;
    await page.goto(adminUrl(running.url, '/resources/roles/actions/editPermissions'));
    await page.click('[data-role="sales_rep"]');
    const customersRow = page.locator('tr[data-resource="customers"]');
    const deleteBox = customersRow.locator('input[data-action="delete"]');
    await expect(deleteBox.isChecked()).resolves.toBe(true);
    await expect(customersRow.locator('input[data-action="edit"]').isChecked()).resolves.toBe(true);
    // The box a user sees is drawn beside the (visually hidden) input.
    await customersRow.locator('input[data-action="delete"] + a').click();
    await expect(deleteBox.isChecked()).resolves.toBe(false);
    const [saved] = await Promise.all([
      page.waitForResponse((answer) => answer.request().method() === 'POST' && new URL(answer.url()).pathname === '/admin/api/resources/roles/actions/editPermissions'),
      page.click('[data-testid="save-permissions"]'),
    ]);
    expect(saved.status()).toBe(200);
    expect(((await saved.json()) as { notice: { type: string; message: string } }).notice).toMatchObject({ type: 'success', message: 'permissionsSaved' });
    await page.locator('[data-testid="notice-wrapper"]').getByText('已保存').waitFor();
    await expect(deleteBox.isChecked()).resolves.toBe(false);
    await customersRow.evaluate((row) => row.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: screenshotPath('admin-permission-matrix') });

    // The representative's next page load: edit and send-email are still there, delete is gone.
    await rep.page.reload();
    expect(await shownValue(rep.page, 'name')).toBe(customer.name);
    await rep.page.locator('[data-testid="action-edit"]').waitFor();
    await rep.page.locator('[data-testid="action-sendEmail"]').waitFor();
    await expect(rep.page.locator('[data-testid="action-delete"]').count()).resolves.toBe(0);
    await rep.page.screenshot({ path: screenshotPath('admin-permission-rep-without-delete') });

    // Straight to the API, with the rep's own session: refused, and the customer is still there.
    const refused = await rep.page.request.post(adminUrl(running.url, `/api/resources/customers/records/${customer.id}/delete`));
    expect(refused.status()).toBe(403);
    // The same session still reads the customer: the refusal is the permission, not the login.
    expect((await rep.page.request.get(adminUrl(running.url, `/api/resources/customers/records/${customer.id}/show`))).status()).toBe(200);
    const still = await sql<{ id: number }>('SELECT id FROM customers WHERE id = $1', [customer.id]);
    expect(still).toHaveLength(1);
    const [grant] = await sql<{ actions: string[] }>(`
      SELECT p.actions FROM role_permissions p JOIN roles r ON r.id = p.role_id WHERE r.code = 'sales_rep' AND p.resource = 'customers'`);
    expect(grant.actions).not.toContain('delete');
    expect(grant.actions).toEqual(expect.arrayContaining(['list', 'show', 'new', 'edit', 'sendEmail']));
  }, 90_000);
});
