import crypto from 'node:crypto';
import type { Agent } from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch, demoUser } from '../support/fixtures.js';
import { AuditLog, Campaign, Role, StockLevel, StockMovement } from '../../src/models/index.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { asForm, type Form } from './browser-form.js';

/** '100000' and '100000.00' are the same amount. */
function sameValue(actual: unknown, expected: string): boolean {
  return /^-?\d+(\.\d+)?$/.test(expected) ? Number(actual) === Number(expected) : String(actual) === expected;
}
interface Ids { customer: number; contact: number; product: number; category: number; warehouse: number; order: number; branch: number; admin: number; role: number; campaign: number }

/**
 * Per resource: a form that creates a row (with a text that finds it again in the list) and an
 * edit that changes one field. Every other field keeps what the form and the database give it.
 */
interface Case { create: (ids: Ids, u: string) => Form; find: [string, (u: string) => string]; edit: (ids: Ids) => Form }

const cases: Record<string, Case> = {
  customers: { create: (ids, u) => ({ name: `接口测试客户${u}`, customer_type: 'trader', region: '华南', branch_id: `${ids.branch}` }), find: ['name', (u) => `测试客户${u}`], edit: () => ({ credit_limit: '1234567.89' }) },
  contacts: { create: (ids, u) => ({ customer_id: `${ids.customer}`, name: `联系人${u}`, mobile: '13800138000' }), find: ['name', (u) => `人${u}`], edit: () => ({ title: '采购经理' }) },
  activities: { create: (ids, u) => ({ kind: 'call', subject: `电话回访${u}`, customer_id: `${ids.customer}` }), find: ['subject', (u) => `回访${u}`], edit: () => ({ done: 'true' }) },
  customer_feedback: { create: (ids, u) => ({ customer_id: `${ids.customer}`, channel: 'phone', category: 'price', content: `价格偏高${u}` }), find: ['content', (u) => `偏高${u}`], edit: () => ({ status: 'handled' }) },
  product_categories: { create: (_ids, u) => ({ code: `PC${u}`, name: `测试分类${u}` }), find: ['code', (u) => `pc${u}`], edit: () => ({ sort_order: '5' }) },
  products: { create: (ids, u) => ({ name: `测试聚丙烯${u}`, category_id: `${ids.category}`, list_price: '8600.00', unit: 'ton' }), find: ['name', (u) => `聚丙烯${u}`], edit: () => ({ list_price: '8700.50' }) },
  warehouses: { create: (_ids, u) => ({ code: `WH${u}`, name: `测试中转库${u}`, kind: 'transit' }), find: ['name', (u) => `中转库${u}`], edit: () => ({ active: 'false' }) },
  opportunities: { create: (ids, u) => ({ title: `年度采购${u}`, customer_id: `${ids.customer}`, branch_id: `${ids.branch}`, amount: '100000' }), find: ['title', (u) => `采购${u}`], edit: () => ({ amount: '120000.50' }) },
  contracts: {
    create: (ids, u) => ({ title: `供货合同${u}`, customer_id: `${ids.customer}`, branch_id: `${ids.branch}`, start_date: '2026-01-01', end_date: '2026-12-31', amount: '500000' }),
    find: ['title', (u) => `合同${u}`], edit: () => ({ status: 'active' }),
  },
  sales_orders: { create: (ids, u) => ({ customer_id: `${ids.customer}`, warehouse_id: `${ids.warehouse}`, branch_id: `${ids.branch}`, order_date: '2026-03-01', notes: `备注${u}` }), find: ['notes', (u) => `注${u}`], edit: () => ({ delivery_date: '2026-03-15' }) },
  sales_order_items: { create: (ids) => ({ order_id: `${ids.order}`, product_id: `${ids.product}`, quantity: '10.5', unit_price: '8000', discount_pct: '5' }), find: ['order_id', () => ''], edit: () => ({ quantity: '12' }) },
  campaigns: { create: (_ids, u) => ({ name: `春季促销${u}`, kind: 'promotion', start_date: '2026-03-01', end_date: '2026-04-30' }), find: ['name', (u) => `促销${u}`], edit: () => ({ budget: '20000' }) },
  campaign_members: { create: (ids, u) => ({ campaign_id: `${ids.campaign}`, customer_id: `${ids.customer}`, notes: `成员${u}` }), find: ['notes', (u) => `员${u}`], edit: () => ({ notes: '已电话联系' }) },
  email_templates: { create: (_ids, u) => ({ code: `tpl_${u}`, name: `调价通知${u}`, subject: '调价通知', body: '尊敬的客户：' }), find: ['name', (u) => `通知${u}`], edit: () => ({ active: 'false' }) },
  email_messages: { create: (_ids, u) => ({ to_address: `buyer${u}@example.com`, subject: `报价单${u}`, body: '附件为本月报价。' }), find: ['subject', (u) => `价单${u}`], edit: () => ({ subject: '报价单（更正）' }) },
  tickets: { create: (ids, u) => ({ subject: `咨询交货期${u}`, kind: 'consultation', customer_id: `${ids.customer}`, branch_id: `${ids.branch}` }), find: ['subject', (u) => `交货期${u}`], edit: () => ({ priority: 'high' }) },
  branches: { create: (_ids, u) => ({ code: `BR${u}`, name: `宁波代表处${u}`, kind: 'office' }), find: ['name', (u) => `代表处${u}`], edit: () => ({ phone: '0574-88880000' }) },
  teams: { create: (ids, u) => ({ name: `测试销售组${u}`, branch_id: `${ids.branch}` }), find: ['name', (u) => `销售组${u}`], edit: (ids) => ({ leader_id: `${ids.admin}` }) },
  users: { create: (ids, u) => ({ email: `new.${u}@petrocrm.cn`, name: `新员工${u}`, role_id: `${ids.role}`, password: 'Secret-pass-1' }), find: ['email', (u) => `NEW.${u}`], edit: () => ({ title: '销售代表' }) },
  roles: { create: (_ids, u) => ({ code: `test_${u.replace(/\d/g, 'x')}`, name: `测试角色${u}` }), find: ['name', (u) => `角色${u}`], edit: () => ({ description: '只用于测试' }) },
};

describe('every resource through the AdminJS API, as an administrator', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let agent: Agent;
  let ids: Ids;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    agent = await loginAs(origin(running.url), 'admin@petrocrm.cn');
    const branch = await demoBranch('EC');
    const customer = await createCustomer({ branch_id: branch.id });
    const product = await createProduct();
    const warehouse = await createWarehouse();
    const order = await createOrder(customer, warehouse, []);
    const response = await agent.post('/admin/api/resources/contacts/actions/new').type('form').send({ customer_id: `${customer.id}`, name: '王经理' });
    const campaign = await Campaign.create({ name: '测试活动', kind: 'email', start_date: '2026-01-01', end_date: '2026-12-31' });
    const role = await Role.findOne({ where: { code: 'sales_rep' }, rejectOnEmpty: true });
    ids = {
      customer: customer.id, contact: response.body.record.params.id, product: product.id, category: product.category_id, warehouse: warehouse.id,
      order: order.id, branch: branch.id, admin: (await demoUser('admin@petrocrm.cn')).id, role: role.id, campaign: campaign.id,
    };
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test.each(Object.entries(cases))('%s: create, find in the list, show, edit, delete', async (resourceId, { create, find, edit }) => {
    const u = crypto.randomBytes(3).toString('hex');
    const api = `/admin/api/resources/${resourceId}`;

    const created = await agent.post(`${api}/actions/new`).type('form').send(create(ids, u));
    expect(created.status).toBe(200);
    expect(created.body.record.errors).toEqual({});
    expect(created.body.notice).toEqual({ message: 'successfullyCreated', type: 'success' });
    const id = String(created.body.record.params.id);

    const [field, fragment] = find;
    const filterValue = field === 'order_id' ? String(ids.order) : fragment(u);
    const list = await agent.get(`${api}/actions/list`).query({ [`filters.${field}`]: filterValue, perPage: 50 });
    expect(list.status).toBe(200);
    expect(list.body.records.map((record: { id: string | number }) => String(record.id))).toContain(id);

    const shown = await agent.get(`${api}/records/${id}/show`);
    expect(shown.status).toBe(200);
    const form = create(ids, u);
    const stored = Object.keys(form).filter((key) => key !== 'password' && !sameValue(shown.body.record.params[key], form[key]));
    expect(stored).toEqual([]);
    expect(shown.body.record.title).toBeTruthy();

    const edited = await agent.post(`${api}/records/${id}/edit`).type('form').send({ ...asForm(shown.body.record.params), ...edit(ids) });
    expect(edited.status).toBe(200);
    expect(edited.body.record.errors).toEqual({});
    const reread = await agent.get(`${api}/records/${id}/show`);
    const changed = Object.entries(edit(ids)).filter(([key, value]) => !sameValue(reread.body.record.params[key], value));
    expect(changed).toEqual([]);

    const deleted = await agent.post(`${api}/records/${id}/delete`);
    expect(deleted.body.notice).toEqual({ message: 'successfullyDeleted', type: 'success' });
    const gone = await agent.get(`${api}/records/${id}/show`);
    expect(gone.body.record.baseError.type).toBe('NotFoundError');
  });

  test('an order line\'s amount and the order total are computed by PostgreSQL, whatever the form sends', async () => {
    const order = await createOrder(await createCustomer(), await createWarehouse(), []);
    const api = '/admin/api/resources/sales_order_items';
    const created = await agent.post(`${api}/actions/new`).type('form')
      .send({ order_id: `${order.id}`, product_id: `${ids.product}`, quantity: '12', unit_price: '8000', discount_pct: '5', amount: '1.00' });
    expect(created.body.record.params.amount).toBe('91200.00');
    const shown = await agent.get(`/admin/api/resources/sales_orders/records/${order.id}/show`);
    expect(shown.body.record.params.total_amount).toBe('91200.00');
    const forged = await agent.post(`/admin/api/resources/sales_orders/records/${order.id}/edit`).type('form')
      .send({ ...asForm(shown.body.record.params), total_amount: '1.00', status: 'shipped' });
    expect(forged.body.record.params).toMatchObject({ total_amount: '91200.00', status: 'draft' });
  });

  /** A row of a read-only resource, made the way the system makes it, and how to count the table. */
  const readOnlyRows: Record<string, () => Promise<{ id: number; count: () => Promise<number> }>> = {
    stock_levels: async () => {
      const level = await StockLevel.create({ product_id: ids.product, warehouse_id: (await createWarehouse()).id, on_hand: '40.000' });
      return { id: level.id, count: () => StockLevel.count() };
    },
    stock_movements: async () => {
      const movement = await StockMovement.create({ product_id: ids.product, warehouse_id: ids.warehouse, kind: 'receipt', quantity: '40.000', batch_no: 'B20260301' });
      return { id: movement.id, count: () => StockMovement.count() };
    },
    audit_logs: async () => {
      const entry = await AuditLog.create({ action: 'edit', resource: 'customers', record_id: String(ids.customer) });
      return { id: entry.id, count: () => AuditLog.count() };
    },
  };

  test.each(Object.keys(readOnlyRows))('%s: listed and shown, but new, edit and delete are refused', async (resourceId) => {
    const row = await readOnlyRows[resourceId]();
    const api = `/admin/api/resources/${resourceId}`;
    const shown = await agent.get(`${api}/records/${row.id}/show`);
    expect(shown.status).toBe(200);
    const offered = shown.body.record.recordActions.map((action: { name: string }) => action.name);
    expect(offered).toContain('show');
    for (const refused of ['edit', 'delete']) expect(offered).not.toContain(refused);
    const list = await agent.get(`${api}/actions/list`).query({ perPage: 500 });
    expect(list.body.records.map((record: { id: number }) => record.id)).toContain(row.id);

    const before = await row.count();
    const responses = [
      await agent.post(`${api}/actions/new`).type('form').send(asForm(shown.body.record.params)),
      await agent.post(`${api}/records/${row.id}/edit`).type('form').send({ ...asForm(shown.body.record.params), batch_no: 'X', on_hand: '1', action: 'x' }),
      await agent.post(`${api}/records/${row.id}/delete`),
      await agent.post(`${api}/bulk/bulkDelete`).query({ recordIds: String(row.id) }),
    ];
    for (const response of responses) expect(response.body.notice).toMatchObject({ message: 'forbiddenError', type: 'error' });
    expect(await row.count()).toBe(before);
    const after = await agent.get(`${api}/records/${row.id}/show`);
    expect(after.body.record.params).toEqual(shown.body.record.params);
  });
});
