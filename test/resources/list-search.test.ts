import type { Agent } from 'supertest';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer } from '../support/fixtures.js';
import { Customer, User } from '../../src/models/index.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

/** The search box over every list sends `filters.search`; these are the rows it must find. */
describe('the search box over every list', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let admin: Agent;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    admin = await loginAs(origin(running.url), 'admin@petrocrm.cn');
  }, 60_000);
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  const found = async (agent: Agent, resourceId: string, words: string): Promise<number[]> => {
    const response = await agent.get(`/admin/api/resources/${resourceId}/actions/list`).query({ 'filters.search': words, perPage: 500 });
    expect(response.status).toBe(200);
    return response.body.records.map((record: { id: number }) => Number(record.id));
  };

  test('when a fragment of a Chinese name, a code or a phone is searched, then the customer is found and others are not', async () => {
    const customer = await createCustomer({ name: '浙江绍兴柯桥纺织印染有限公司', code: 'ZJ20771', phone: '0575-84123987' });
    const other = await createCustomer({ name: '安徽合肥新站化工贸易公司', phone: '0551-66001122' });
    expect(await found(admin, 'customers', '柯桥纺织')).toEqual([customer.id]);
    expect(await found(admin, 'customers', 'zj2077')).toEqual([customer.id]);
    expect(await found(admin, 'customers', '84123')).toEqual([customer.id]);
    expect(await found(admin, 'customers', '柯桥纺织')).not.toContain(other.id);
  });

  test('when other resources are searched, then their own text columns answer too: an order by its number, an employee by a phone fragment', async () => {
    const [order] = await Customer.sequelize!.query<{ id: number; order_no: string }>('SELECT id, order_no FROM sales_orders ORDER BY id LIMIT 1', { type: QueryTypes.SELECT });
    expect(await found(admin, 'sales_orders', order.order_no.slice(-6))).toContain(order.id);
    const zhang = await User.findOne({ where: { email: 'rep.zhang@petrocrm.cn' } });
    await zhang!.update({ phone: '13905718877' });
    expect(await found(admin, 'users', '0571887')).toEqual([zhang!.id]);
  });

  test('when a role may not see a field, then searching its text does not find the row by it', async () => {
    const customer = await createCustomer({ name: '宁波北仑港务物流', phone: '0574-86889900', owner_id: (await User.findOne({ where: { email: 'rep.zhang@petrocrm.cn' } }))!.id });
    await Customer.sequelize!.query(
      `UPDATE role_permissions SET hidden_fields = array_append(hidden_fields, 'phone')
        WHERE resource = 'customers' AND role_id = (SELECT id FROM roles WHERE code = 'sales_rep')`,
    );
    const rep = await loginAs(origin(running.url), 'rep.zhang@petrocrm.cn');
    expect(await found(rep, 'customers', '北仑港务')).toEqual([customer.id]);
    expect(await found(rep, 'customers', '86889900')).toEqual([]);
    expect(await found(admin, 'customers', '86889900')).toEqual([customer.id]);
  });

  test('when a record is created through the API, then the answer sends the browser to the record’s page', async () => {
    const created = await admin.post('/admin/api/resources/customers/actions/new').type('form').send({ name: '新建后跳转测试客户', customer_type: 'trader', region: '华东' });
    expect(created.body.notice?.type).toBe('success');
    expect(created.body.redirectUrl).toBe(`/admin/resources/customers/records/${created.body.record.id}/show`);
  });
});
