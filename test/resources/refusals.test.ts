import type { Agent } from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch } from '../support/fixtures.js';
import { Contract, Customer, Opportunity, Product, SalesOrderItem, type Branch } from '../../src/models/index.js';
import { zhCN } from '../../src/i18n/zh-cn.js';
import { en } from '../../src/i18n/en.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { asForm } from './browser-form.js';

const messages = (language: typeof zhCN) => language.messages as Record<string, string>;

describe('what the database refuses comes back next to the field, translated, with nothing written', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let agent: Agent;
  let branch: Branch;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    agent = await loginAs(origin(running.url), 'admin@petrocrm.cn');
    branch = await demoBranch('EC');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  const create = (resourceId: string, form: Record<string, string>) => agent.post(`/admin/api/resources/${resourceId}/actions/new`).type('form').send(form);

  /** The response refused the form with exactly these field messages, each translated in both languages. */
  function expectFieldErrors(body: { record: { errors: Record<string, { message: string }>; params: Record<string, unknown> }; notice: { type: string } }, expected: Record<string, string>) {
    const errors = Object.fromEntries(Object.entries(body.record.errors).map(([field, error]) => [field, error.message]));
    expect(errors).toEqual(expected);
    expect(body.notice.type).toBe('error');
    for (const key of Object.values(expected)) {
      expect(messages(zhCN)[key]).toMatch(/\p{Script=Han}/u);
      expect(messages(en)[key]).toBeTruthy();
    }
  }

  test('when a required field is missing, then it is marked required and no customer is created', async () => {
    const before = await Customer.count();
    const response = await create('customers', { customer_type: 'trader', region: '华东', branch_id: `${branch.id}` });
    expectFieldErrors(response.body, { name: 'fieldRequired' });
    expect(await Customer.count()).toBe(before);
  });

  test('when a required field is emptied on edit, then it is marked required and the old value stays', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const shown = await agent.get(`/admin/api/resources/customers/records/${customer.id}/show`);
    const response = await agent.post(`/admin/api/resources/customers/records/${customer.id}/edit`).type('form').send({ ...asForm(shown.body.record.params), name: '  ' });
    expectFieldErrors(response.body, { name: 'fieldRequired' });
    expect((await customer.reload()).name).toBe(customer.name);
  });

  test('when a quantity or price is negative, then that field is out of range and no line is written', async () => {
    const order = await createOrder(await createCustomer(), await createWarehouse(), []);
    const product = await createProduct();
    const response = await create('sales_order_items', { order_id: `${order.id}`, product_id: `${product.id}`, quantity: '-5', unit_price: '8000' });
    expectFieldErrors(response.body, { quantity: 'valueOutOfRange' });
    const price = await create('products', { name: '负价产品', category_id: `${product.category_id}`, list_price: '-1' });
    expectFieldErrors(price.body, { list_price: 'valueOutOfRange' });
    expect(await SalesOrderItem.count({ where: { order_id: order.id } })).toBe(0);
  });

  test('when a reference points at nothing, then that field says the record does not exist', async () => {
    const response = await create('contacts', { customer_id: '99999999', name: '无主联系人' });
    expectFieldErrors(response.body, { customer_id: 'referenceNotFound' });
  });

  test('when a business code is already taken, then the code field says so', async () => {
    const existing = await createCustomer({ branch_id: branch.id });
    const before = await Customer.count();
    const response = await create('customers', { code: existing.code, name: '重复编码客户', customer_type: 'trader', region: '华东', branch_id: `${branch.id}` });
    expectFieldErrors(response.body, { code: 'valueTaken' });
    expect(await Customer.count()).toBe(before);
  });

  test("when 'abc' is typed into a number, then that field asks for a number", async () => {
    const product = await createProduct();
    const price = await create('products', { name: '文字价格', category_id: `${product.category_id}`, list_price: 'abc' });
    expectFieldErrors(price.body, { list_price: 'notANumber' });
    const customer = await createCustomer({ branch_id: branch.id });
    const amount = await create('opportunities', { title: '文字金额', customer_id: `${customer.id}`, branch_id: `${branch.id}`, amount: 'abc' });
    expectFieldErrors(amount.body, { amount: 'notANumber' });
    expect(await Product.count({ where: { name: '文字价格' } })).toBe(0);
  });

  test('when a rule spans fields, then the field to fix is named: an end before its start', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const contract = await create('contracts', { title: '倒签合同', customer_id: `${customer.id}`, branch_id: `${branch.id}`, start_date: '2026-06-01', end_date: '2026-01-01' });
    expectFieldErrors(contract.body, { end_date: 'valueOutOfRange' });
    expect(await Contract.count({ where: { customer_id: customer.id } })).toBe(0);
  });

  test('when a form posts a workflow field (an opportunity marked lost, a ticket closed), then it is not written: only the actions move them', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const lost = await create('opportunities', { title: '表单丢单', customer_id: `${customer.id}`, branch_id: `${branch.id}`, probability: '0', stage: 'lost' });
    expect(lost.body.notice.type).toBe('success');
    expect((await Opportunity.findOne({ where: { title: '表单丢单' }, rejectOnEmpty: true })).stage).toBe('lead');
    const ticket = await create('tickets', { subject: '表单关单', kind: 'consultation', customer_id: `${customer.id}`, status: 'closed', satisfaction: '5' });
    expect(ticket.body.notice.type).toBe('success');
    const [[stored]] = (await Opportunity.sequelize!.query(`SELECT status, satisfaction FROM tickets WHERE subject = '表单关单'`)) as [Array<{ status: string; satisfaction: number | null }>, unknown];
    expect(stored).toEqual({ status: 'new', satisfaction: null });
  });

  test('when a value is not one of the choices or too long, then the field says so', async () => {
    const response = await create('customers', { name: 'x'.repeat(201), customer_type: 'pirate', region: '华东', branch_id: `${branch.id}` });
    expectFieldErrors(response.body, { name: 'valueTooLong', customer_type: 'notAChoice' });
  });

  test('when a product still on an order line is deleted, then a clear notice names the order lines and the product stays', async () => {
    const product = await createProduct();
    await createOrder(await createCustomer(), await createWarehouse(), [{ productId: product.id, quantity: '5', unitPrice: '8000' }]);
    const response = await agent.post(`/admin/api/resources/products/records/${product.id}/delete`);
    expect(response.status).toBe(200);
    expect(response.body.notice).toEqual({ message: 'stillReferencedBy_sales_order_items', type: 'error' });
    expect(messages(zhCN).stillReferencedBy_sales_order_items).toContain('订单明细');
    expect(messages(en).stillReferencedBy_sales_order_items).toContain('Order lines');
    expect(await Product.findByPk(product.id)).not.toBeNull();
  });

  test('when a bulk delete includes a record still referenced, then none of the chosen records is deleted', async () => {
    const free = await createProduct();
    const used = await createProduct();
    await createOrder(await createCustomer(), await createWarehouse(), [{ productId: used.id, quantity: '1', unitPrice: '1' }]);
    const response = await agent.post('/admin/api/resources/products/bulk/bulkDelete').query({ recordIds: `${free.id},${used.id}` });
    expect(response.body.notice).toEqual({ message: 'stillReferencedBy_sales_order_items', type: 'error' });
    expect(await Product.count({ where: { id: [free.id, used.id] } })).toBe(2);
  });

  test('when a nullable number is emptied in the form, then it becomes empty, not 0', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const created = await create('customer_feedback', { customer_id: `${customer.id}`, channel: 'phone', category: 'service', content: '送货及时', rating: '5' });
    const id = created.body.record.params.id;
    const edited = await agent.post(`/admin/api/resources/customer_feedback/records/${id}/edit`).type('form').send({ ...asForm(created.body.record.params), rating: '' });
    expect(edited.body.record.errors).toEqual({});
    expect(edited.body.record.params.rating).toBeNull();
  });
});
