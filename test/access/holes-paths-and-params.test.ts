import type request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/**
 * The ways in that reached data the matrix forbids, each closed as a class: another spelling of the
 * path, a parameter AdminJS reads that the panel never sends, an action asked for where it does not
 * belong, a reference carried along with a record.
 */
describe('paths and parameters the matrix did not see', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  const agents: Record<string, request.Agent> = {};
  let productId: number;

  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    for (const email of ['rep.zhang@petrocrm.cn', 'viewer@petrocrm.cn', 'warehouse@petrocrm.cn', 'marketing@petrocrm.cn', 'admin@petrocrm.cn']) agents[email] = await loginAs(running.url, email);
    [{ id: productId }] = await sql<{ id: number }>(`UPDATE products SET cost_price = 6543.21 WHERE id = (SELECT min(id) FROM products) RETURNING id`);
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test('when a representative filters or sorts cost prices through another spelling of the path, then it is refused every time', async () => {
    const rep = agents['rep.zhang@petrocrm.cn'];
    for (const path of [
      '/admin/api/Resources/products/actions/list?sortBy=cost_price',
      '/admin/API/RESOURCES/products/actions/list/?filters.cost_price~~from=6000',
      '/admin/api/resources/%70roducts/actions/list?filters.cost_price.to=7000',
      `/admin/api/resources/products/actions/export?filters.cost_price=6543.21`,
      '/admin/api/resources/products/actions/search/?sortBy=cost_price',
    ]) {
      const response = await rep.get(path);
      // A filter key in no syntax the lists read (`.to` for `~~to`) is refused as malformed at the edge, before the matrix is asked.
      const refusals = path.includes('cost_price.to') ? [400, 403] : [403];
      expect([path, refusals.includes(response.status)]).toEqual([path, true]);
      expect(response.text).not.toContain('6543.21');
    }
    // The same list without the field answers, and without the field in it.
    const list = await rep.get(`/admin/api/resources/products/actions/list?filters.id=${productId}`);
    expect(list.status).toBe(200);
    expect(list.text).not.toContain('6543.21');
  });

  test('when a role has no dashboard, then no spelling of its path opens it', async () => {
    await sequelize.query(`UPDATE role_permissions SET actions = '{}' WHERE resource = 'dashboard' AND role_id = (SELECT id FROM roles WHERE code = 'marketing')`);
    const marketing = agents['marketing@petrocrm.cn'];
    for (const path of ['/admin/api/dashboard', '/admin/api/Dashboard', '/admin/API/dashboard/', '/admin/api/%64ashboard']) {
      expect([path, (await marketing.get(path)).status]).toEqual([path, path.includes('%64') ? 404 : 403]);
    }
  });

  test('when search is asked to search another column (searchProperty), then 403: no oracle on cost prices or password hashes', async () => {
    const rep = agents['rep.zhang@petrocrm.cn'];
    expect((await rep.get('/admin/api/resources/products/actions/search/6543?searchProperty=cost_price')).status).toBe(403);
    expect((await rep.get('/admin/api/resources/products/search/6543?searchProperty=cost_price')).status).toBe(403);
    const viewer = agents['viewer@petrocrm.cn'];
    for (const fragment of ['$2', '$argon2id']) {
      const response = await viewer.get(`/admin/api/resources/users/actions/search/${encodeURIComponent(fragment)}?searchProperty=password_hash`);
      expect(response.status).toBe(403);
    }
    // Any other column is no title either: the panel only ever searches titles.
    expect((await viewer.get('/admin/api/resources/users/actions/search/138?searchProperty=phone')).status).toBe(403);
    const byTitle = await viewer.get(`/admin/api/resources/users/actions/search/${encodeURIComponent('张')}?searchProperty=name`);
    expect(byTitle.status).toBe(200);
    expect(byTitle.body.records.length).toBeGreaterThan(0);
  });

  test('when a parameter is given twice, then 400 before anything reads it', async () => {
    const admin = agents['admin@petrocrm.cn'];
    for (const path of [
      '/admin/api/resources/customers/actions/list?filters.name=a&filters.name=b',
      '/admin/api/resources/customers/actions/list?sortBy=name&sortBy=credit_limit',
      '/admin/api/resources/customers/bulk/bulkDelete?recordIds=1&recordIds=2',
    ]) {
      expect([path, (await admin.get(path)).status]).toEqual([path, 400]);
    }
    const [{ n }] = await sql<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE id IN (1, 2)');
    expect((await admin.post('/admin/api/resources/customers/bulk/bulkDelete?recordIds=1&recordIds=2')).status).toBe(400);
    expect((await sql<{ n: number }>('SELECT count(*)::int AS n FROM customers WHERE id IN (1, 2)'))[0].n).toBe(n);
  });

  test('when an action is asked for where it does not belong, then 404 and nothing happens', async () => {
    const admin = agents['admin@petrocrm.cn'];
    const [{ id: customerId }] = await sql<{ id: number }>('SELECT max(id) AS id FROM customers WHERE merged_into_id IS NULL');
    const before = await sql('SELECT row_to_json(c)::text AS row FROM customers c WHERE id = $1', [customerId]);
    for (const [method, path] of [
      ['post', `/admin/api/resources/products/records/${productId}/mergeDuplicate`],
      ['post', `/admin/api/resources/customers/actions/delete`],
      ['post', `/admin/api/resources/customers/actions/mergeDuplicate`],
      ['post', `/admin/api/resources/customers/records/${customerId}/bulkDelete`],
      ['post', `/admin/api/resources/customers/bulk/delete?recordIds=${customerId}`],
      ['get', `/admin/api/resources/customers/records/${customerId}/constructor`],
      ['get', `/admin/api/resources/customers/actions/__proto__`],
      ['get', `/admin/api/resources/Customers/actions/list`],
      ['get', `/admin/api/resources/no_such_table/actions/list`],
      ['get', `/admin/api/pages/anything`],
    ] as const) {
      expect([path, (await admin[method](path)).status]).toEqual([path, 404]);
    }
    expect(await sql('SELECT row_to_json(c)::text AS row FROM customers c WHERE id = $1', [customerId])).toEqual(before);
  });

  test("when a record carries references to a resource the role may not open, then they come with their id and title only", async () => {
    const clerk = agents['warehouse@petrocrm.cn'];
    const [order] = await sql<{ id: number; contract_id: number }>('SELECT id, contract_id FROM sales_orders WHERE contract_id IS NOT NULL ORDER BY id LIMIT 1');
    const shown = await clerk.get(`/admin/api/resources/sales_orders/records/${order.id}/show`);
    expect(shown.status).toBe(200);
    const contract = shown.body.record.populated.contract_id;
    expect(Object.keys(contract.params).sort()).toEqual(['display_title', 'id']);
    expect(contract.title).toBeTruthy();
    // A reference the clerk may list (the customer) comes whole, as on the customer's own page.
    expect(Object.keys(shown.body.record.populated.customer_id.params)).toContain('credit_limit');
    expect((await clerk.get(`/admin/api/resources/contracts/records/${order.contract_id}/show`)).status).toBe(403);
  });
});
