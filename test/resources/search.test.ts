import type { Agent } from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createProduct, demoBranch } from '../support/fixtures.js';
import { Ticket } from '../../src/models/index.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

interface Listed { id: number; title: string }

describe('finding records by any part of a name, code or phone', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let agent: Agent;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    agent = await loginAs(origin(running.url), 'admin@petrocrm.cn');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  const listed = async (resourceId: string, filters: Record<string, string>): Promise<number[]> => {
    const query = Object.fromEntries(Object.entries(filters).map(([key, value]) => [`filters.${key}`, value]));
    const response = await agent.get(`/admin/api/resources/${resourceId}/actions/list`).query({ ...query, perPage: 500 });
    expect(response.status).toBe(200);
    return response.body.records.map((record: Listed) => record.id);
  };

  test('when a middle part of a Chinese name is typed, then the customer is found', async () => {
    const customer = await createCustomer({ name: '江苏扬子石化塑料制品经销有限公司', phone: '025-58776655', code: 'QX778899' });
    const other = await createCustomer({ name: '浙江宁波化工贸易有限公司' });
    const found = await listed('customers', { name: '石化塑料' });
    expect(found).toContain(customer.id);
    expect(found).not.toContain(other.id);
    expect(await listed('customers', { phone: '5877' })).toContain(customer.id);
    expect(await listed('customers', { code: 'qx7788' })).toContain(customer.id);
  });

  test("when the search has LIKE's wildcards, then they match only themselves", async () => {
    const customer = await createCustomer({ name: '百分之百_测试%客户' });
    const plain = await createCustomer({ name: '百分之百X测试Y客户' });
    const found = await listed('customers', { name: '_测试%' });
    expect(found).toContain(customer.id);
    expect(found).not.toContain(plain.id);
  });

  test('when a reference select is typed into, then it finds by any part of the title, as a name', async () => {
    const customer = await createCustomer({ name: '山东齐鲁润滑油销售中心' });
    const response = await agent.get(`/admin/api/resources/customers/actions/search/${encodeURIComponent('润滑油销售')}`);
    expect(response.body.records).toContainEqual(expect.objectContaining({ id: customer.id, title: '山东齐鲁润滑油销售中心' }));
    const product = await createProduct({ name: '线性低密度聚乙烯 LLDPE 7042' });
    const products = await agent.get(`/admin/api/resources/products/actions/search/${encodeURIComponent('lldpe 70')}`);
    expect(products.body.records.map((record: Listed) => record.id)).toContain(product.id);
  });

  test('when a ticket is searched by number or subject, then it is shown as number and subject', async () => {
    const branch = await demoBranch('EC');
    const customer = await createCustomer({ branch_id: branch.id });
    const ticket = await Ticket.create({ subject: '槽车卸油时发现杂质', kind: 'complaint', customer_id: customer.id, branch_id: branch.id });
    const title = `${ticket.ticket_no} 槽车卸油时发现杂质`;
    for (const query of [ticket.ticket_no.slice(2), '卸油时']) {
      const response = await agent.get(`/admin/api/resources/tickets/actions/search/${encodeURIComponent(query)}`);
      expect(response.body.records).toContainEqual(expect.objectContaining({ id: ticket.id, title }));
    }
    const shown = await agent.get(`/admin/api/resources/tickets/records/${ticket.id}/show`);
    expect(shown.body.record.title).toBe(title);
  });

  test('when a filter on a number column is not a number, then the list is refused with a message naming the filter', async () => {
    for (const field of ['branch_id', 'credit_limit']) {
      const response = await agent.get('/admin/api/resources/customers/actions/list').query({ [`filters.${field}`]: 'abc' });
      expect(response.status).toBe(400);
      expect(response.body.problems[0].parameter).toBe(`filters.${field}`);
      expect(response.body.message).toMatch(new RegExp(`参数「filters.${field}」必须是`));
    }
  });

  test('when an enum filter has several values, then rows with any of them are listed', async () => {
    const branch = await demoBranch('EC');
    const prospect = await createCustomer({ branch_id: branch.id, status: 'prospect', name: '多选筛选甲' });
    const churned = await createCustomer({ branch_id: branch.id, status: 'churned', name: '多选筛选乙' });
    const active = await createCustomer({ branch_id: branch.id, status: 'active', name: '多选筛选丙' });
    const found = await listed('customers', { name: '多选筛选', 'status.0': 'prospect', 'status.1': 'churned' });
    expect(found.sort()).toEqual([prospect.id, churned.id].sort());
    expect(found).not.toContain(active.id);
  });
});
