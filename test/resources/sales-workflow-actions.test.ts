import type request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser, setStock } from '../support/fixtures.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { Activity, Opportunity, SalesOrder, StockLevel, StockMovement } from '../../src/models/index.js';
import { translate } from '../../src/i18n/translate.js';
import { receiveStock } from '../../src/domain/inventory/receive-stock.js';
import { fingerprintWorkflowTables } from '../domain/sales/workflow-test-kit.js';

/**
 * The workflow actions as the panel calls them: POST runs a step, GET only shows the record, and a
 * refusal comes back as a translated error notice (HTTP 200, as AdminJS answers its own validation
 * errors) with the database untouched.
 */
describe('workflow actions over the AdminJS API', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let admin: request.Agent;
  const records = (resource: string, id: number, action: string) => `/admin/api/resources/${resource}/records/${id}/${action}`;
  const resourceAction = (resource: string, action: string) => `/admin/api/resources/${resource}/actions/${action}`;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    admin = await loginAs(origin(running.url), 'admin@petrocrm.cn');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test('orders: confirm then ship by POST, each answering what happened; GET changes nothing', async () => {
    const [customer, resin, glycol, warehouse] = await Promise.all([createCustomer(), createProduct(), createProduct(), createWarehouse()]);
    const clerk = await demoUser('warehouse@petrocrm.cn');
    await receiveStock({ productId: resin.id, warehouseId: warehouse.id, quantity: '60', batchNo: 'R-01' }, { id: clerk.id, email: clerk.email });
    await setStock(glycol.id, warehouse.id, '10.000');
    const order = await createOrder(customer, warehouse, [
      { productId: resin.id, quantity: '20.000', unitPrice: '8500.00' },
      { productId: glycol.id, quantity: '8.000', unitPrice: '4300.00' },
      { productId: resin.id, quantity: '30.000', unitPrice: '8400.00' },
    ]);

    const looked = await admin.get(records('sales_orders', order.id, 'confirm'));
    expect(looked.status).toBe(200);
    expect(looked.body.record.params.status).toBe('draft');
    expect(looked.body.notice).toBeUndefined();

    const confirmed = await admin.post(records('sales_orders', order.id, 'confirm')).send({});
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.notice).toMatchObject({ message: 'orderConfirmed', type: 'success' });
    expect(translate('zh-CN', confirmed.body.notice.message, confirmed.body.notice.options)).toBe(`订单 ${order.order_no} 已确认, 预留 3 行, 共 58.000 吨`);
    expect(confirmed.body.record.params.status).toBe('confirmed');
    expect(confirmed.body.redirectUrl).toBe(`/admin/resources/sales_orders/records/${order.id}/show`);

    const shipped = await admin.post(records('sales_orders', order.id, 'ship')).send({});
    expect(shipped.status).toBe(200);
    expect(shipped.body.notice).toMatchObject({ message: 'orderShipped', type: 'success', options: { lines: 3, tons: '58.000' } });
    expect(translate('zh-CN', shipped.body.notice.message, shipped.body.notice.options)).toBe(`订单 ${order.order_no} 已发货 3 行, 共 58.000 吨`);
    expect((await order.reload()).status).toBe('shipped');
    expect(await StockMovement.sum('quantity', { where: { order_id: order.id } })).toBe(-58);

    await admin.get(records('sales_orders', order.id, 'deliver')).expect(200);
    expect((await order.reload()).status).toBe('shipped');
    const delivered = await admin.post(records('sales_orders', order.id, 'deliver')).send({});
    expect(delivered.body.notice).toMatchObject({ message: 'orderDelivered', type: 'success' });
    const closed = await admin.post(records('sales_orders', order.id, 'close')).send({});
    expect(closed.body.notice).toMatchObject({ message: 'orderClosed', type: 'success' });
    expect((await order.reload()).status).toBe('closed');
  });

  test('orders: a refusal is a translated error notice, with the field marked, and the rows untouched', async () => {
    const [customer, product] = await Promise.all([createCustomer(), createProduct({ name: 'LLDPE 7042' })]);
    const warehouse = await createWarehouse({ name: '宁波仓' });
    await setStock(product.id, warehouse.id, '3.000');
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '5.000', unitPrice: '8500.00' }]);
    const before = await fingerprintWorkflowTables(running.database.sequelize);

    const refused = await admin.post(records('sales_orders', order.id, 'confirm')).send({});
    expect(refused.status).toBe(200);
    expect(refused.body.notice).toMatchObject({ message: 'insufficientStock', type: 'error', options: { product: 'LLDPE 7042', shortfall: '2.000' } });
    expect(translate('zh-CN', refused.body.notice.message, refused.body.notice.options)).toBe(
      '宁波仓「LLDPE 7042」库存不足: 可用 3.000 吨, 需要 5.000 吨, 缺 2.000 吨。订单未确认, 库存未变动',
    );
    const noReason = await admin.post(records('sales_orders', order.id, 'cancel')).send({ cancel_reason: ' ' });
    expect(noReason.body.notice).toMatchObject({ message: 'fieldRequired', type: 'error' });
    expect(noReason.body.record.errors).toEqual({ cancel_reason: { message: 'fieldRequired', type: 'businessRule' } });
    const outOfTurn = await admin.post(records('sales_orders', order.id, 'ship')).send({});
    expect(outOfTurn.body.notice).toMatchObject({ message: 'orderNotConfirmed', type: 'error', options: { order: order.order_no } });

    expect(await fingerprintWorkflowTables(running.database.sequelize)).toEqual(before);
    expect((await SalesOrder.findByPk(order.id, { rejectOnEmpty: true })).status).toBe('draft');

    const cancelled = await admin.post(records('sales_orders', order.id, 'cancel')).type('form').send({ cancel_reason: '客户取消' });
    expect(cancelled.body.notice).toMatchObject({ message: 'orderCancelled', type: 'success' });
    expect((await order.reload()).cancel_reason).toBe('客户取消');
  });

  test('stock: receive, adjust and transfer by POST; a loss beyond the unreserved is refused; the low-stock list answers a GET', async () => {
    const [product, plant, depot] = await Promise.all([createProduct({ name: 'MEG 乙二醇', safety_stock: '50.000' }), createWarehouse({ name: '镇海库' }), createWarehouse({ name: '上海库' })]);

    const received = await admin.post(resourceAction('stock_levels', 'receiveStock')).send({
      product_id: String(product.id), warehouse_id: String(plant.id), quantity: '40', batch_no: 'MEG-2611', reference: 'RK-88',
    });
    expect(received.body.notice).toMatchObject({ message: 'stockReceived', type: 'success' });
    expect(translate('zh-CN', received.body.notice.message, received.body.notice.options)).toBe('已入库「MEG 乙二醇」40.000 吨 到 镇海库, 批次 MEG-2611');
    const level = await StockLevel.findOne({ where: { product_id: product.id, warehouse_id: plant.id }, rejectOnEmpty: true });
    expect(received.body.redirectUrl).toBe(`/admin/resources/stock_levels/records/${level.id}/show`);

    const badReceipt = await admin.post(resourceAction('stock_levels', 'receiveStock')).send({ product_id: String(product.id), warehouse_id: String(plant.id), quantity: 'abc', batch_no: 'X' });
    expect(badReceipt.body.notice).toMatchObject({ message: 'quantityInvalid', type: 'error' });
    expect(badReceipt.body.record.errors.quantity.message).toBe('quantityInvalid');

    const tooMuch = await admin.post(records('stock_levels', level.id, 'adjustStock')).send({ quantity: '-41', reason: '盘亏' });
    expect(tooMuch.body.notice).toMatchObject({ message: 'adjustmentBelowReserved', type: 'error', options: { available: '40.000' } });
    const adjusted = await admin.post(records('stock_levels', level.id, 'adjustStock')).send({ quantity: '-1.5', reason: '盘亏: 包装破损' });
    expect(translate('zh-CN', adjusted.body.notice.message, adjusted.body.notice.options)).toBe('已调整「MEG 乙二醇」-1.500 吨, 现在库 38.500 吨');

    const moved = await admin.post(records('stock_levels', level.id, 'transferStock')).send({ to_warehouse_id: String(depot.id), quantity: '8.5' });
    expect(translate('zh-CN', moved.body.notice.message, moved.body.notice.options)).toBe('已从 镇海库 调拨「MEG 乙二醇」8.500 吨 到 上海库');
    expect(moved.body.record.params.on_hand).toBe('30.000');

    const low = await admin.get(`${resourceAction('stock_levels', 'lowStock')}?warehouse_id=${depot.id}`);
    expect(low.status).toBe(200);
    expect(low.body.rows).toEqual([expect.objectContaining({ product_name: 'MEG 乙二醇', warehouse_name: '上海库', available: '8.500', shortfall: '41.500' })]);
  });

  test('opportunities: advance, win into a draft order (the answer leads to it), and a loss needs its reason', async () => {
    const customer = await createCustomer();
    const product = await createProduct({ name: 'PP T30S' });
    await createWarehouse();
    const rep = await demoUser('rep.zhang@petrocrm.cn');
    const opportunity = await Opportunity.create({
      title: '注塑料年度采购', customer_id: customer.id, product_id: product.id, quantity: '50.000', amount: '410000.00', probability: 10,
      expected_close: null, owner_id: rep.id, branch_id: customer.branch_id, lost_reason: null, closed_at: null, notes: null,
    });

    const advanced = await admin.post(records('opportunities', opportunity.id, 'advanceOpportunityStage')).send({});
    expect(translate('zh-CN', advanced.body.notice.message, advanced.body.notice.options)).toBe('已推进到「需求确认」阶段, 赢单概率 25%');
    const lostWithoutReason = await admin.post(records('opportunities', opportunity.id, 'markOpportunityLost')).send({ lost_reason: '' });
    expect(lostWithoutReason.body.notice).toMatchObject({ message: 'fieldRequired', type: 'error' });
    expect((await opportunity.reload()).stage).toBe('qualified');

    const won = await admin.post(records('opportunities', opportunity.id, 'markOpportunityWon')).send({});
    expect(won.body.notice).toMatchObject({ message: 'opportunityWon', type: 'success' });
    const order = await SalesOrder.findOne({ where: { opportunity_id: opportunity.id }, rejectOnEmpty: true });
    expect([order.status, order.total_amount]).toEqual(['draft', '410000.00']);
    expect(won.body.redirectUrl).toBe(`/admin/resources/sales_orders/records/${order.id}/show`);
    expect((await opportunity.reload()).stage).toBe('won');
  });

  test('tasks: assigned by POST, on the assignee\'s own open list, then done by the assignee', async () => {
    const customer = await createCustomer({ name: '常州化纤' });
    const rep = await demoUser('rep.zhang@petrocrm.cn');
    const due = new Date(Date.now() + 86_400_000).toISOString();

    const assigned = await admin.post(resourceAction('activities', 'assignTask')).send({ subject: '回访常州化纤', assignee_id: String(rep.id), due_at: due, customer_id: String(customer.id) });
    expect(translate('zh-CN', assigned.body.notice.message, assigned.body.notice.options)).toBe('已把任务「回访常州化纤」分配给 张伟');
    const task = await Activity.findOne({ where: { subject: '回访常州化纤' }, rejectOnEmpty: true });
    expect(assigned.body.redirectUrl).toBe(`/admin/resources/activities/records/${task.id}/show`);
    const pastDue = await admin.post(resourceAction('activities', 'assignTask')).send({ subject: '过期', assignee_id: String(rep.id), due_at: '2020-01-01T00:00:00Z' });
    expect(pastDue.body.record.errors).toEqual({ due_at: { message: 'dueDateInPast', type: 'businessRule' } });

    const asRep = await loginAs(origin(running.url), 'rep.zhang@petrocrm.cn');
    const mine = await asRep.get(resourceAction('activities', 'myOpenTasks'));
    expect(mine.status).toBe(200);
    expect(mine.body.tasks).toContainEqual(expect.objectContaining({ id: task.id, subject: '回访常州化纤', customer_name: '常州化纤', overdue: false }));
    expect((await admin.get(resourceAction('activities', 'myOpenTasks'))).body.tasks.map((row: { id: number }) => row.id)).not.toContain(task.id);

    const done = await asRep.post(records('activities', task.id, 'markTaskDone')).send({});
    expect(done.body.notice).toMatchObject({ message: 'taskDone', type: 'success' });
    expect((await task.reload()).done).toBe(true);
    expect((await asRep.get(resourceAction('activities', 'myOpenTasks'))).body.tasks.map((row: { id: number }) => row.id)).not.toContain(task.id);
    const again = await admin.post(records('activities', task.id, 'markTaskDone')).send({});
    expect(again.body.notice).toMatchObject({ message: 'taskAlreadyDone', type: 'error' });
  });
});
