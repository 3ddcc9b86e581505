import type { Agent } from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch, demoUser, setStock } from '../support/fixtures.js';
import { Campaign, Customer, Opportunity, SalesOrder, SalesOrderItem, StockLevel, Ticket } from '../../src/models/index.js';
import { confirmOrder } from '../../src/domain/sales/confirm-order.js';
import { translate } from '../../src/i18n/translate.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { fingerprintWorkflowTables } from '../domain/sales/workflow-test-kit.js';
import { asForm } from './browser-form.js';

/**
 * The state rules over the panel's API, tried as the roles that would try them: every generic write
 * (edit, new, delete, bulk delete) of a record its state has frozen is refused with a translated
 * field message and changes nothing; the explicit steps (amendment, ending a campaign) work.
 */
describe('a record’s state owns its data, on every path of the API', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let admin: Agent;
  let rep: Agent;
  const api = (path: string) => `/admin/api/resources/${path}`;
  const edit = (agent: Agent, resource: string, id: number, changes: Record<string, string>) =>
    agent.get(api(`${resource}/records/${id}/show`)).then((shown) => agent.post(api(`${resource}/records/${id}/edit`)).type('form').send({ ...asForm(shown.body.record.params), ...changes }));
  const unchanged = async (step: () => Promise<unknown>) => {
    const before = await fingerprintWorkflowTables(running.database.sequelize);
    await step();
    expect(await fingerprintWorkflowTables(running.database.sequelize)).toEqual(before);
  };
  /** The refusal of a generic write: its notice and the field it marks, translated. */
  const refusalOf = (body: { notice: { message: string; type: string }; record: { errors: Record<string, { message: string }> } }) => ({
    type: body.notice.type,
    notice: body.notice.message,
    fields: Object.fromEntries(Object.entries(body.record.errors).map(([field, error]) => [field, error.message])),
  });

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    admin = await loginAs(origin(running.url), 'admin@petrocrm.cn');
    rep = await loginAs(origin(running.url), 'rep.zhang@petrocrm.cn');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  async function confirmedOrderOfZhang() {
    const zhang = await demoUser('rep.zhang@petrocrm.cn');
    const [customer, product, warehouse] = [await createCustomer({ owner_id: zhang.id }), await createProduct(), await createWarehouse()];
    await setStock(product.id, warehouse.id, '100.000');
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '50.000', unitPrice: '8500.00' }], { owner_id: zhang.id });
    await confirmOrder(order.id, { id: zhang.id, email: zhang.email });
    const [line] = await SalesOrderItem.findAll({ where: { order_id: order.id } });
    return { order: await order.reload(), line, product, warehouse, customer };
  }

  test('when a representative edits, adds or deletes a line of their confirmed order, then each is refused next to the field and the reservation stays', async () => {
    const { order, line, product, warehouse } = await confirmedOrderOfZhang();
    await unchanged(async () => {
      const edited = await edit(rep, 'sales_order_items', line.id, { quantity: '49' });
      expect(refusalOf(edited.body)).toEqual({ type: 'error', notice: 'childrenFrozen_sales_orders_confirmed', fields: { quantity: 'childrenFrozen_sales_orders_confirmed' } });
      expect(translate('zh-CN', edited.body.notice.message)).toContain('修改明细');
      const added = await rep.post(api('sales_order_items/actions/new')).type('form').send({ order_id: String(order.id), product_id: String(product.id), quantity: '1', unit_price: '1' });
      expect(refusalOf(added.body).fields).toEqual({ order_id: 'childrenFrozen_sales_orders_confirmed' });
      const deleted = await rep.post(api(`sales_order_items/records/${line.id}/delete`));
      expect(deleted.body.notice).toMatchObject({ message: 'childrenFrozen_sales_orders_confirmed', type: 'error' });
    });
    expect((await StockLevel.findOne({ where: { product_id: product.id, warehouse_id: warehouse.id }, rejectOnEmpty: true })).reserved).toBe('50.000');

    // The explicit step instead: the amendment, with the reservation following it.
    const amended = await rep.post(api(`sales_orders/records/${order.id}/amend`)).send({
      reason: '客户减量 1 吨', lines: JSON.stringify([{ id: line.id, productId: product.id, quantity: '49', unitPrice: '8500.00' }]),
    });
    expect(amended.body.notice).toMatchObject({ message: 'orderAmended', type: 'success', options: { lines: 1, tons: '49.000' } });
    expect((await StockLevel.findOne({ where: { product_id: product.id, warehouse_id: warehouse.id }, rejectOnEmpty: true })).reserved).toBe('49.000');
    expect((await order.reload()).total_amount).toBe('416500.00');
  });

  test('when an administrator changes a closed order’s customer or date, or bulk-deletes confirmed orders, then it is refused and nothing changes', async () => {
    const { order, customer } = await confirmedOrderOfZhang();
    for (const step of ['shipped', 'delivered', 'closed'] as const) await SalesOrder.update({ status: step }, { where: { id: order.id } });
    const other = await createCustomer();
    await unchanged(async () => {
      const moved = await edit(admin, 'sales_orders', order.id, { customer_id: String(other.id), order_date: '2026-01-01' });
      expect(refusalOf(moved.body)).toEqual({ type: 'error', notice: 'stateFrozen_sales_orders_closed', fields: { customer_id: 'stateFrozen_sales_orders_closed' } });
      expect(translate('zh-CN', 'stateFrozen_sales_orders_closed')).toBe('订单已关闭, 不能再修改');
    });
    expect(await order.reload()).toMatchObject({ customer_id: customer.id, status: 'closed' });

    const draft = await createOrder(await createCustomer(), await createWarehouse(), []);
    const { order: confirmed } = await confirmedOrderOfZhang();
    const bulk = await admin.post(api('sales_orders/bulk/bulkDelete')).query({ recordIds: `${draft.id},${confirmed.id}` });
    expect(bulk.body.notice).toMatchObject({ message: 'stateUndeletable_sales_orders_confirmed', type: 'error' });
    expect(await SalesOrder.count({ where: { id: [draft.id, confirmed.id] } })).toBe(2);

    // What a confirmed order may still change: when and how it is delivered.
    const logistics = await edit(admin, 'sales_orders', confirmed.id, { delivery_date: '2026-12-20', shipping_method: 'rail' });
    expect(logistics.body.notice).toMatchObject({ type: 'success' });
    expect(await confirmed.reload()).toMatchObject({ delivery_date: '2026-12-20', shipping_method: 'rail' });
  });

  test('when a closed ticket, a won opportunity or a running campaign is edited, then the fields its state froze are refused; a campaign ends from its form', async () => {
    const customer = await createCustomer();
    const ticket = await Ticket.create({ subject: '已关闭', kind: 'complaint', status: 'closed', resolution: '已处理', customer_id: customer.id, branch_id: customer.branch_id });
    expect(refusalOf((await edit(admin, 'tickets', ticket.id, { subject: '改写' })).body).fields).toEqual({ subject: 'stateFrozen_tickets_closed' });

    const won = await Opportunity.create({ title: '已赢单', customer_id: customer.id, branch_id: customer.branch_id, stage: 'won', amount: '256000.00', closed_at: new Date() });
    expect(refusalOf((await edit(admin, 'opportunities', won.id, { amount: '1' })).body).fields).toEqual({ amount: 'stateFrozen_opportunities_won' });
    expect((await edit(admin, 'opportunities', won.id, { notes: '复盘: 价格优势' })).body.notice.type).toBe('success');

    const running = await Campaign.create({ name: '进行中活动', kind: 'email', status: 'active', start_date: '2026-01-01', end_date: '2099-12-31', launched_at: new Date() });
    expect(refusalOf((await edit(admin, 'campaigns', running.id, { target_grade: 'A' })).body).fields).toEqual({ target_grade: 'stateFrozen_campaigns_active' });
    const planned = await Campaign.create({ name: '计划中活动', kind: 'email', start_date: '2026-01-01', end_date: '2099-12-31' });
    expect(refusalOf((await edit(admin, 'campaigns', planned.id, { status: 'active' })).body).fields).toEqual({ status: 'workflowOwned_campaigns_status' });
    expect((await edit(admin, 'campaigns', running.id, { status: 'completed' })).body.notice.type).toBe('success');
    expect((await running.reload()).status).toBe('completed');
  });

  test('when an impossible date, money with a third decimal or a quantity with a fourth is sent, then that field says so and nothing is written', async () => {
    const customer = await createCustomer();
    const warehouse = await createWarehouse();
    const branch = String((await demoBranch('EC')).id);
    const created = (resource: string, form: Record<string, string>) => admin.post(api(`${resource}/actions/new`)).type('form').send(form).then((response) => refusalOf(response.body).fields);
    await unchanged(async () => {
      expect(await created('sales_orders', { customer_id: String(customer.id), warehouse_id: String(warehouse.id), branch_id: branch, order_date: '2026-02-30' })).toEqual({ order_date: 'notADate' });
      expect(await created('opportunities', { title: '日期', customer_id: String(customer.id), branch_id: branch, expected_close: '2026-02-30' })).toEqual({ expected_close: 'notADate' });
      expect(await created('contracts', { title: '合同', customer_id: String(customer.id), branch_id: branch, start_date: '2026-02-30', end_date: '2026-12-31' })).toEqual({ start_date: 'notADate' });
      expect(await created('campaigns', { name: '活动', kind: 'email', start_date: '2026-01-01', end_date: '2026-04-31' })).toEqual({ end_date: 'notADate' });
      const order = await createOrder(customer, warehouse, []);
      const product = await createProduct();
      expect(await created('sales_order_items', { order_id: String(order.id), product_id: String(product.id), quantity: '1', unit_price: '12.345' })).toEqual({ unit_price: 'atMostTwoDecimals' });
      expect(await created('sales_order_items', { order_id: String(order.id), product_id: String(product.id), quantity: '1.2345', unit_price: '12.34' })).toEqual({ quantity: 'atMostThreeDecimals' });
      await SalesOrder.destroy({ where: { id: order.id } });
    });
    expect(translate('zh-CN', 'atMostTwoDecimals')).toContain('两位小数');
  });

  test('when an administrator sets a stage’s probability, then the opportunities in it follow; a representative may read it but not change it', async () => {
    const stages = await admin.get(api('opportunity_stage_probabilities/actions/list'));
    const proposal = stages.body.records.find((record: { params: { stage: string } }) => record.params.stage === 'proposal');
    const customer = await createCustomer();
    const open = await Opportunity.create({ title: '报价中', customer_id: customer.id, branch_id: customer.branch_id, stage: 'proposal', amount: '100000.00' });
    expect((await rep.get(api('opportunity_stage_probabilities/actions/list'))).status).toBe(200);
    expect((await rep.post(api(`opportunity_stage_probabilities/records/${proposal.id}/edit`)).type('form').send({ probability: '90' })).status).toBe(403);
    const changed = await admin.post(api(`opportunity_stage_probabilities/records/${proposal.id}/edit`)).type('form').send({ probability: '55' });
    expect(changed.body.notice.type).toBe('success');
    expect((await open.reload()).probability).toBe(55);
    // Typed into the opportunity's own form, the probability is not written: it is the stage's.
    await edit(admin, 'opportunities', open.id, { probability: '95' });
    expect((await open.reload()).probability).toBe(55);
  });

  test('when a duplicate customer is merged away, then it leaves the customers list, the pickers and the churn figures', async () => {
    const branch = await demoBranch('EC');
    const survivor = await createCustomer({ name: '合并测试 保留方', branch_id: branch.id, status: 'active' });
    const duplicate = await createCustomer({ name: '合并测试 重复方', branch_id: branch.id, status: 'active' });
    const churn = async () => (await admin.get('/admin/api/dashboard').query({ period: '12m', branch: branch.id })).body.churnByBranch.find((row: { branchId: number }) => row.branchId === branch.id);
    const before = await churn();
    const merged = await admin.post(api(`customers/records/${survivor.id}/mergeDuplicate`)).send({ duplicate_id: String(duplicate.id) });
    expect(merged.body.notice.type).toBe('success');
    expect(await Customer.findByPk(duplicate.id)).toMatchObject({ merged_into_id: survivor.id, status: 'churned' });

    const after = await churn();
    expect({ churned: after.churned, customers: after.customers }).toEqual({ churned: before.churned, customers: before.customers - 1 });
    const listed = await admin.get(api('customers/actions/list')).query({ 'filters.name': '合并测试', perPage: 50 });
    expect(listed.body.records.map((record: { id: number }) => record.id)).toEqual([survivor.id]);
    const searched = await admin.get(api('customers/search/合并测试'));
    expect(searched.body.records.map((record: { id: number }) => record.id)).toEqual([survivor.id]);
    // Asked for, the merged record is still there to be found.
    const asked = await admin.get(api('customers/actions/list')).query({ 'filters.merged_into_id': survivor.id });
    expect(asked.body.records.map((record: { id: number }) => record.id)).toEqual([duplicate.id]);
  });
});
