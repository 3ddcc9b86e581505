import type { Agent } from 'supertest';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, startTestApp } from '../support/test-app.js';
import { ESTIMATE_ABOVE } from '../../src/db/crm-resource.js';
import { createCustomer, createOrder, createWarehouse } from '../support/fixtures.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

interface Action { name: string; label: string; icon?: string; hasHandler?: boolean; custom?: unknown; layout?: unknown }
interface Row {
  id: number;
  title: string;
  params: Record<string, unknown>;
  populated: Record<string, { id: number; title: string; params: Record<string, unknown>; recordActions: Action[] } | undefined>;
  recordActions: Action[];
  bulkActions: Action[];
}
interface ListBody {
  meta: { total: number; page: number; totalIsEstimate: boolean; nextCursor?: string };
  records: Row[];
}

/**
 * The lean list (resources/shared/lean-list.ts): what the list page needs and nothing more, the same
 * rows as plain SQL, an exact total up to ESTIMATE_ABOVE and a marked estimate beyond.
 */
describe('lists: lean rows, the same answers as SQL', () => {
  let database: TestDatabase;
  let app: RunningPetroCrm;
  let admin: Agent;
  let rep: Agent;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    app = await startTestApp(database.url);
    admin = await loginAs(app.url, 'admin@petrocrm.cn');
    rep = await loginAs(app.url, 'rep.zhang@petrocrm.cn');
  });
  afterAll(async () => {
    await app.stop();
    await database.drop();
  });

  const sql = <T extends object>(text: string, bind: unknown[] = []) =>
    app.database.sequelize.query<T>(text, { bind, type: QueryTypes.SELECT });
  const list = async (agent: Agent, resource: string, query: Record<string, string> = {}) => {
    const response = await agent.get(`/admin/api/resources/${resource}/actions/list`).query({ perPage: '20', ...query });
    expect(response.status).toBe(200);
    return { body: response.body as ListBody, bytes: Buffer.byteLength(response.text) };
  };

  test('when an administrator opens a page of 20 orders, then it is under 30 KB and each row still has its menu and linked references', async () => {
    const { body, bytes } = await list(admin, 'sales_orders');
    expect(body.records).toHaveLength(20);
    expect(bytes).toBeLessThan(30 * 1024);

    const drafts = await list(admin, 'sales_orders', { 'filters.status': 'draft' });
    expect(drafts.body.records[0].recordActions.map((action) => action.name)).toEqual(expect.arrayContaining(['show', 'edit', 'confirm', 'cancel']));
    for (const action of body.records.flatMap((row) => [...row.recordActions, ...row.bulkActions])) {
      expect(action).toEqual(expect.objectContaining({ name: expect.any(String), label: action.name, icon: expect.any(String), hasHandler: true }));
      expect(action).not.toHaveProperty('custom');
    }

    const first = body.records[0];
    const [customer] = await sql<{ id: number; name: string }>('SELECT c.id, c.name FROM sales_orders o JOIN customers c ON c.id = o.customer_id WHERE o.id = $1', [first.id]);
    expect(first.populated.customer_id).toEqual({ id: customer.id, title: customer.name, params: {}, recordActions: [{ name: 'show' }] });
    expect(Object.keys(first.params).sort()).toEqual(['customer_id', 'id', 'order_date', 'order_no', 'owner_id', 'status', 'total_amount', 'warehouse_id']);
  });

  test('when a list is asked for more fields (a related list), then its rows carry them too, and their references', async () => {
    const { body } = await list(admin, 'sales_orders', { fields: 'branch_id,notes' });
    expect(body.records[0].params).toHaveProperty('branch_id');
    expect(body.records[0].params).toHaveProperty('notes');
    expect(body.records[0].populated.branch_id?.title).toEqual(expect.any(String));
  });

  test('when a sales representative lists orders, then the rows, the total and the page are those SQL gives for their scope', async () => {
    const [me] = await sql<{ id: number }>("SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn'");
    const expected = await sql<{ id: number }>('SELECT id FROM sales_orders WHERE owner_id = $1 ORDER BY order_date DESC, id DESC LIMIT 20', [me.id]);
    const [{ count }] = await sql<{ count: number }>('SELECT count(*)::int AS count FROM sales_orders WHERE owner_id = $1', [me.id]);
    const { body } = await list(rep, 'sales_orders');
    expect(body.records.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(body.meta).toMatchObject({ total: count, totalIsEstimate: false });
  });

  test('when the next page is asked with the cursor of this one, then it continues after its last row, even if rows moved meanwhile', async () => {
    const byDate = 'SELECT id FROM sales_orders ORDER BY order_date DESC, id DESC LIMIT 20 OFFSET 20';
    const first = await list(admin, 'sales_orders', { page: '1' });
    const next = (await sql<{ id: number }>(byDate)).map((row) => row.id);
    expect(first.body.meta.nextCursor).toEqual(expect.any(String));

    // A draft of long ago is re-dated to the top: by number, page 2 now starts one row earlier.
    const moved = await createOrder(await createCustomer(), await createWarehouse(), [], { order_date: '2001-01-01' });
    await moved.update({ order_date: '2099-01-01' });
    try {
      const byCursor = await list(admin, 'sales_orders', { page: '2', after: first.body.meta.nextCursor! });
      expect(byCursor.body.records.map((row) => row.id)).toEqual(next);
      const byNumber = await list(admin, 'sales_orders', { page: '2' });
      expect(byNumber.body.records.map((row) => row.id)).toEqual((await sql<{ id: number }>(byDate)).map((row) => row.id));
      expect(byNumber.body.records[0].id).not.toBe(next[0]);

      // A cursor made for another sort is ignored, not misapplied.
      const otherSort = await list(admin, 'sales_orders', { page: '2', sortBy: 'total_amount', direction: 'desc', after: first.body.meta.nextCursor! });
      const expected = await sql<{ id: number }>('SELECT id FROM sales_orders ORDER BY total_amount DESC, id DESC LIMIT 20 OFFSET 20');
      expect(otherSort.body.records.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    } finally {
      await moved.destroy();
    }
  });

  test('when a deep page is opened by its number, then it holds the rows OFFSET gives', async () => {
    const expected = await sql<{ id: number }>('SELECT id FROM sales_orders ORDER BY order_date DESC, id DESC LIMIT 20 OFFSET 2000');
    const { body } = await list(admin, 'sales_orders', { page: '101' });
    expect(body.records.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  // Two characters go through the characters' index, one does not (src/db/crm-resource.ts): both give LIKE's answer.
  test.each(['石化', '化'])('when customers are filtered by the Chinese fragment %s, then the rows and the total are those LIKE gives', async (fragment) => {
    const expected = await sql<{ id: number }>(`SELECT id FROM customers WHERE name LIKE '%${fragment}%' ORDER BY updated_at DESC, id DESC LIMIT 20`);
    const [{ count }] = await sql<{ count: number }>(`SELECT count(*)::int AS count FROM customers WHERE name LIKE '%${fragment}%'`);
    expect(count).toBeGreaterThan(0);
    const { body } = await list(admin, 'customers', { 'filters.name': fragment });
    expect(body.records.map((row) => row.id)).toEqual(expected.map((row) => row.id));
    expect(body.meta).toMatchObject({ total: count, totalIsEstimate: false });
  });

  test(`when a list has more than ${ESTIMATE_ABOVE} rows, then its total is PostgreSQL's estimate and says so; narrowed below, it is exact again`, async () => {
    await app.database.sequelize.query(`
      INSERT INTO audit_logs (user_email, action, resource, record_id, occurred_at)
      SELECT 'import@petrocrm.cn', CASE WHEN n % 1000 = 0 THEN 'delete' ELSE 'new' END, 'contacts', n::text, now() - n * interval '1 minute'
        FROM generate_series(1, ${ESTIMATE_ABOVE + 2000}) AS n`);
    await app.database.sequelize.query('ANALYZE audit_logs');
    const [{ count }] = await sql<{ count: number }>('SELECT count(*)::int AS count FROM audit_logs');

    const all = await list(admin, 'audit_logs');
    expect(all.body.meta.totalIsEstimate).toBe(true);
    expect(Math.abs(all.body.meta.total - count)).toBeLessThanOrEqual(count * 0.05);

    const imported = await list(admin, 'audit_logs', { 'filters.action': 'new', 'filters.resource': 'contacts' });
    expect(imported.body.meta.totalIsEstimate).toBe(true);
    expect(imported.body.meta.total).toBeGreaterThan(ESTIMATE_ABOVE);

    const [{ deletes }] = await sql<{ deletes: number }>("SELECT count(*)::int AS deletes FROM audit_logs WHERE action ILIKE '%delete%'");
    const narrowed = await list(admin, 'audit_logs', { 'filters.action': 'delete' });
    expect(narrowed.body.meta).toMatchObject({ total: deletes, totalIsEstimate: false });
  });
});
