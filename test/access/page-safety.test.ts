import type request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { MASKED } from '../../src/access/authorisation/audit-visibility.js';

/**
 * What a user typed stays data in the page the server writes, and what a role may not read stays
 * out of the audit log it reads.
 */
describe('the page state and the audit log', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test("when a user's name closes the script tag, then the page state keeps it as text and the page carries it intact", async () => {
    const name = '</script><script>window.__pwned=1</script><!--';
    await sequelize.query(`UPDATE users SET name = $1 WHERE email = 'admin@petrocrm.cn'`, { bind: [name] });
    const admin = await loginAs(running.url, 'admin@petrocrm.cn');
    for (const path of ['/admin', '/admin/resources/customers', '/admin/resources/users/records/1/show']) {
      const page = await admin.get(path);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('</script><script>window.__pwned');
      expect(page.text).not.toContain('<!--');
      const start = page.text.indexOf('window.REDUX_STATE = ') + 'window.REDUX_STATE = '.length;
      const state = JSON.parse(page.text.slice(start, page.text.indexOf(';\n', start))) as { session: { title: string } };
      expect(state.session.title).toBe(name);
    }
  });

  test('when a role may not see cost prices, then their audit log shows that the price changed but not to what, in lists, pages and exports', async () => {
    await sequelize.query(`UPDATE role_permissions SET hidden_fields = '{cost_price}' WHERE resource = 'products' AND role_id = (SELECT id FROM roles WHERE code = 'readonly_manager')`);
    const [{ id: productId }] = await sql<{ id: number }>('SELECT min(id) AS id FROM products');
    const admin = await loginAs(running.url, 'admin@petrocrm.cn');
    const edited = await admin.post(`/admin/api/resources/products/records/${productId}/edit`).type('form').send({ cost_price: '6111.11' });
    expect(edited.body.notice).toMatchObject({ type: 'success' });
    const [audit] = await sql<{ id: number }>(`SELECT id FROM audit_logs WHERE resource = 'products' AND record_id = $1 ORDER BY id DESC LIMIT 1`, [String(productId)]);

    const viewer: request.Agent = await loginAs(running.url, 'viewer@petrocrm.cn');
    const list = await viewer.get(`/admin/api/resources/audit_logs/actions/list?filters.resource=products&filters.record_id=${productId}`);
    const shown = await viewer.get(`/admin/api/resources/audit_logs/records/${audit.id}/show`);
    const exported = await viewer.get(`/admin/transfer/audit_logs/export?format=csv&filters.resource=products&filters.record_id=${productId}`);
    for (const response of [list, shown, exported]) {
      expect(response.status).toBe(200);
      expect(response.text).not.toContain('6111.11');
    }
    expect(shown.body.record.params['changes.fields.cost_price.after']).toBe(MASKED);
    expect(exported.text).toContain(MASKED);
    expect((await viewer.get('/admin/api/resources/audit_logs/actions/list?filters.changes=6111')).status).toBe(403);
    expect((await viewer.get('/admin/api/resources/audit_logs/actions/list?sortBy=changes')).status).toBe(403);

    const adminView = await admin.get(`/admin/api/resources/audit_logs/records/${audit.id}/show`);
    expect(adminView.body.record.params['changes.fields.cost_price.after']).toBe('6111.11');
  });
});
