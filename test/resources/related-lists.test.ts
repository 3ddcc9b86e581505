import type { Agent } from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch } from '../support/fixtures.js';
import { Activity, Contact, Opportunity, Ticket, type Product, type Warehouse } from '../../src/models/index.js';
import { customerRelatedLists } from '../../resources/customer/customer.resource.js';
import { salesOrderRelatedLists } from '../../resources/sales-order/sales-order.resource.js';
import { relatedListQuery, type RelatedList } from '../../resources/shared/presets.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';

interface Listed { id: number; params: Record<string, unknown>; populated: Record<string, { title: string } | undefined> }

/** Everything a customer's page shows, made for one customer (and a look-alike for another). */
async function customerWithHistory(warehouse: Warehouse, product: Product) {
  const branch = await demoBranch('EC');
  const customer = await createCustomer({ branch_id: branch.id });
  const about = { customer_id: customer.id, branch_id: branch.id };
  const contacts = [
    await Contact.create({ customer_id: customer.id, name: '李采购', is_primary: false }),
    await Contact.create({ customer_id: customer.id, name: '陈总', is_primary: true }),
  ];
  const line = [{ productId: product.id, quantity: '20', unitPrice: '8200' }];
  const orders = [
    await createOrder(customer, warehouse, line, { order_date: '2026-01-05' }),
    await createOrder(customer, warehouse, line, { order_date: '2026-03-05' }),
  ];
  const stages = ['lead', 'negotiation', 'won', 'lost'] as const;
  const opportunities = [];
  for (const stage of stages) {
    opportunities.push(await Opportunity.create({ ...about, title: `机会-${stage}`, stage, probability: 50, lost_reason: stage === 'lost' ? '价格' : null }));
  }
  const tickets = [await Ticket.create({ ...about, subject: '咨询发票', kind: 'consultation' })];
  const activities = [
    await Activity.create({ customer_id: customer.id, kind: 'visit', subject: '上门拜访', occurred_at: new Date('2026-02-01T02:00:00Z') }),
    await Activity.create({ customer_id: customer.id, kind: 'call', subject: '电话确认交期', occurred_at: new Date('2026-03-01T02:00:00Z') }),
  ];
  return { customer, contacts, orders, opportunities, tickets, activities };
}

describe("a record's page lists its related records through the list API", () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let agent: Agent;
  let warehouse: Warehouse;
  let product: Product;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    agent = await loginAs(origin(running.url), 'admin@petrocrm.cn');
    warehouse = await createWarehouse();
    product = await createProduct();
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  /** The request the show page makes for one related list. */
  const load = async (list: RelatedList, recordId: number): Promise<Listed[]> => {
    const response = await agent.get(`/admin/api/resources/${list.resourceId}/actions/list`).query(relatedListQuery(list, recordId));
    expect(response.status).toBe(200);
    return response.body.records;
  };
  const listNamed = (lists: RelatedList[], label: string) => lists.find((list) => list.label === label)!;

  test("a customer's page lists exactly its contacts (primary first), recent orders, open opportunities, tickets and activities (newest first)", async () => {
    const mine = await customerWithHistory(warehouse, product);
    await customerWithHistory(warehouse, product);
    const ids = async (label: string) => (await load(listNamed(customerRelatedLists, label), mine.customer.id)).map((record) => record.id);

    expect(await ids('relatedContacts')).toEqual([mine.contacts[1].id, mine.contacts[0].id]);
    expect(await ids('recentOrders')).toEqual([mine.orders[1].id, mine.orders[0].id]);
    expect(await ids('openOpportunities')).toEqual(mine.opportunities.filter((o) => o.stage === 'lead' || o.stage === 'negotiation').map((o) => o.id).sort((a, b) => a - b));
    expect(await ids('relatedTickets')).toEqual(mine.tickets.map((ticket) => ticket.id));
    expect(await ids('activityTimeline')).toEqual([mine.activities[1].id, mine.activities[0].id]);
  });

  test("the customer's show page is the related-lists page, titled with the customer's name", async () => {
    const { customer } = await customerWithHistory(warehouse, product);
    const shown = await agent.get(`/admin/api/resources/customers/records/${customer.id}/show`);
    expect(shown.body.record.title).toBe((customer).name);
    const show = shown.body.record.recordActions.find((action: { name: string }) => action.name === 'show');
    expect(show.component).toBe('RelatedListsShow');
    expect(show.custom.relatedLists.map((list: RelatedList) => list.label)).toEqual(['relatedContacts', 'recentOrders', 'openOpportunities', 'relatedTickets', 'customerFuelCards', 'activityTimeline']);
  });

  test("an order's page lists exactly its lines, with the product's name, and its total", async () => {
    const customer = await createCustomer();
    const second = await createProduct({ name: '聚丙烯 PP T30S' });
    const order = await createOrder(customer, warehouse, [
      { productId: product.id, quantity: '20.5', unitPrice: '8200', discountPct: '2' },
      { productId: second.id, quantity: '10', unitPrice: '7900.50' },
    ]);
    await createOrder(customer, warehouse, [{ productId: product.id, quantity: '1', unitPrice: '1' }]);

    const lines = await load(salesOrderRelatedLists[0], order.id);
    expect(lines.map((line) => [line.populated.product_id?.title, line.params.quantity, line.params.unit_price, line.params.discount_pct, line.params.amount])).toEqual([
      [product.name, '20.500', '8200.00', '2.00', '164738.00'],
      ['聚丙烯 PP T30S', '10.000', '7900.50', '0.00', '79005.00'],
    ]);
    const shown = await agent.get(`/admin/api/resources/sales_orders/records/${order.id}/show`);
    expect(shown.body.record.params.total_amount).toBe('243743.00');
    expect(shown.body.record.title).toBe(order.order_no);
  });
});
