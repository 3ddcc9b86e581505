import AdminJS, { Filter, ValidationError } from 'adminjs';
import * as AdminJSSequelize from '@adminjs/sequelize';
import { CrmResource } from '../../src/db/crm-resource.js';
import { createResources } from '../../resources/index.js';
import { componentLoader } from '../../resources/component-loader.js';
import { Customer, Product, Ticket, type Branch } from '../../src/models/index.js';
import { openDomainDatabase, type DomainDatabase } from '../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch } from '../support/fixtures.js';

/** The adapter on its own, decorated with the panel's resource options, without HTTP or access control. */
describe('CrmResource', () => {
  let database: DomainDatabase;
  let resource: (id: string) => CrmResource;
  let branch: Branch;

  beforeAll(async () => {
    database = await openDomainDatabase();
    AdminJS.registerAdapter({ Database: AdminJSSequelize.Database, Resource: CrmResource });
    const admin = new AdminJS({ resources: createResources(), componentLoader });
    resource = (id) => admin.findResource(id) as CrmResource;
    branch = await demoBranch('EC');
  });
  afterAll(() => database.close());

  const refusal = async (promise: Promise<unknown>): Promise<ValidationError> => {
    const error = await promise.then(() => undefined, (caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    return error as ValidationError;
  };

  test('a blank field is the column default on create and NULL on update; strings are trimmed', async () => {
    const created = await resource('customers').create({ name: '  苏州华星化工  ', customer_type: 'trader', region: '华东', branch_id: branch.id, status: '', code: '', phone: '' });
    expect(created).toMatchObject({ name: '苏州华星化工', status: 'prospect', phone: null });
    expect(created.code).toMatch(/^C\d{6}$/);
    const updated = await resource('customers').update(String(created.id), { phone: '', city: ' 苏州 ' });
    expect(updated).toMatchObject({ phone: null, city: '苏州' });
  });

  test('read-only fields, the key and the timestamps are never written from a form', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const updated = await resource('customers').update(String(customer.id), {
      id: 999999, revenue_12m: '99999999.00', recency_score: 5, created_at: '2000-01-01T00:00:00Z', notes: '大客户',
    });
    expect(updated).toMatchObject({ id: customer.id, revenue_12m: customer.revenue_12m, recency_score: null, notes: '大客户' });
    expect(new Date(updated.created_at as string).getTime()).toBe(customer.created_at.getTime());
  });

  test('a calendar day stays that day', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const contract = await resource('contracts').create({
      title: '年度供货', customer_id: customer.id, branch_id: branch.id, start_date: new Date('2026-11-24'), end_date: '2026-12-31',
    });
    expect(contract).toMatchObject({ start_date: '2026-11-24', end_date: '2026-12-31' });
  });

  test('values PostgreSQL would refuse are refused before any statement, on their fields', async () => {
    const before = await Customer.count();
    const error = await refusal(resource('customers').create({
      name: '测', customer_type: 'trader', region: '华东', branch_id: 'x1', credit_limit: '1e3', city: '长'.repeat(31), credit_rating: 'Z',
    }));
    const messages = (refused: ValidationError) => Object.fromEntries(Object.entries(refused.propertyErrors).map(([field, { message }]) => [field, message]));
    expect(messages(error)).toEqual({ branch_id: 'notANumber', credit_limit: 'notANumber', city: 'valueTooLong', credit_rating: 'notAChoice' });
    const opportunity = await refusal(resource('opportunities').create({ title: '测', customer_id: 1, branch_id: branch.id, expected_close: 'not a day', amount: '2.345' }));
    expect(messages(opportunity)).toEqual({ expected_close: 'notADate', amount: 'atMostTwoDecimals' });
    const tooBig = await refusal(resource('customers').create({ name: '测', customer_type: 'trader', region: '华东', branch_id: branch.id, credit_limit: '1234567890123.00' }));
    expect(tooBig.propertyErrors.credit_limit.message).toBe('valueOutOfRange');
    expect(await Customer.count()).toBe(before);
  });

  test('a unique index on an expression (lower(email)) puts "taken" on the column', async () => {
    const error = await refusal(resource('users').create({ email: 'ADMIN@petrocrm.cn', name: '重复', role_id: 1, password_hash: 'x' }));
    expect(error.propertyErrors.email.message).toBe('valueTaken');
  });

  test('a composite unique key puts "taken" on its last column', async () => {
    const product = await createProduct();
    const warehouse = await createWarehouse();
    await resource('stock_levels').create({ product_id: product.id, warehouse_id: warehouse.id });
    const error = await refusal(resource('stock_levels').create({ product_id: product.id, warehouse_id: warehouse.id }));
    expect(Object.keys(error.propertyErrors)).toEqual(['warehouse_id']);
  });

  test('deleteMany deletes all or none, naming what still refers to the record', async () => {
    const free = await createProduct();
    const used = await createProduct();
    await createOrder(await createCustomer(), await createWarehouse(), [{ productId: used.id, quantity: '1', unitPrice: '1' }]);
    const error = await refusal(resource('products').deleteMany([String(free.id), String(used.id)]));
    expect(error.baseError).toEqual({ message: 'stillReferencedBy_sales_order_items', type: 'stillReferenced' });
    expect(await Product.count({ where: { id: [free.id, used.id] } })).toBe(2);
  });

  test('a record asked for by an id that cannot be one is not found, rather than an error', async () => {
    expect(await resource('customers').findOne('abc')).toBeNull();
    expect(await resource('customers').findMany(['abc'])).toEqual([]);
  });

  test('titles composed of columns, found by either column; rows that sort equal come in id order', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const tickets = [];
    for (const subject of ['油品浑浊', '油品浑浊', '交货延迟']) {
      tickets.push(await Ticket.create({ subject, kind: 'complaint', customer_id: customer.id, branch_id: branch.id }));
    }
    const tickets_ = resource('tickets');
    const bySubject = await tickets_.find(new Filter({ display_title: '油品浑', customer_id: String(customer.id) }, tickets_), { sort: { sortBy: 'subject', direction: 'desc' } });
    expect(bySubject.map((record) => record.params.id)).toEqual([tickets[1].id, tickets[0].id]);
    expect(bySubject[0].params.display_title).toBe(`${tickets[1].ticket_no} 油品浑浊`);
    const byNumber = await tickets_.find(new Filter({ display_title: tickets[2].ticket_no }, tickets_), {});
    expect(byNumber.map((record) => record.params.id)).toEqual([tickets[2].id]);
  });

  test('a newest-first sort puts rows without a value last', async () => {
    const customer = await createCustomer({ branch_id: branch.id });
    const opportunities = resource('opportunities');
    const undated = await opportunities.create({ title: '未定日期', customer_id: customer.id, branch_id: branch.id, probability: 10 });
    const dated = await opportunities.create({ title: '已定日期', customer_id: customer.id, branch_id: branch.id, probability: 10, expected_close: '2026-05-01' });
    const found = await opportunities.find(new Filter({ customer_id: String(customer.id) }, opportunities), { sort: { sortBy: 'expected_close', direction: 'desc' } });
    expect(found.map((record) => record.params.id)).toEqual([dated.id, undated.id]);
  });
});
