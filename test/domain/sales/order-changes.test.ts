import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, setStock } from '../../support/fixtures.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { cancelOrder } from '../../../src/domain/sales/cancel-order.js';
import { shipOrder } from '../../../src/domain/sales/ship-order.js';
import { amendConfirmedOrder } from '../../../src/domain/sales/amend-confirmed-order.js';
import { saveDraftOrder } from '../../../src/domain/sales/save-draft-order.js';
import { SalesOrder, SalesOrderAmendment, SalesOrderItem, StockLevel } from '../../../src/models/index.js';
import { businessToday } from '../../../src/clock/business-clock.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from './workflow-test-kit.js';

/** The only ways an order's lines change: a draft saved with its lines, or a confirmed order amended. */
describe('changing an order’s lines', () => {
  let db: DomainDatabase;
  let rep: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    rep = await actorFor('rep.zhang@petrocrm.cn');
  });
  afterAll(() => db.close());

  const reserved = async (productId: number, warehouseId: number) =>
    (await StockLevel.findOne({ where: { product_id: productId, warehouse_id: warehouseId }, rejectOnEmpty: true })).reserved;
  const linesOf = async (orderId: number) =>
    (await SalesOrderItem.findAll({ where: { order_id: orderId }, order: [['id', 'ASC']] })).map((line) => [line.product_id, line.quantity, line.unit_price, line.discount_pct]);

  test('when a confirmed order is amended, then its lines change and each product’s reservation moves by exactly the difference, recorded with the reason', async () => {
    const [customer, resin, glycol, diesel, warehouse] = [await createCustomer(), await createProduct(), await createProduct(), await createProduct(), await createWarehouse()];
    await setStock(resin.id, warehouse.id, '100.000');
    await setStock(glycol.id, warehouse.id, '100.000');
    await setStock(diesel.id, warehouse.id, '100.000');
    const draft = await createOrder(customer, warehouse, [
      { productId: resin.id, quantity: '50.000', unitPrice: '8500.00' },
      { productId: glycol.id, quantity: '10.000', unitPrice: '4300.00' },
    ]);
    await confirmOrder(draft.id, rep);
    const [resinLine, glycolLine] = await SalesOrderItem.findAll({ where: { order_id: draft.id }, order: [['id', 'ASC']] });

    // Resin lowered by 1 t (the 49 t that used to stay reserved for ever), glycol dropped, diesel added.
    const { order, amendment, summary } = await amendConfirmedOrder(draft.id, {
      reason: '客户电话调整数量',
      lines: [{ id: resinLine.id, productId: resin.id, quantity: '49', unitPrice: '8500.00' }, { productId: diesel.id, quantity: '5.5', unitPrice: '7000', discountPct: '1.5' }],
    }, rep);

    expect(order).toMatchObject({ status: 'confirmed', total_amount: '454422.50' });
    expect(summary).toEqual({ lines: 2, tons: '54.500', otherUnits: '' });
    expect(await linesOf(order.id)).toEqual([[resin.id, '49.000', '8500.00', '0.00'], [diesel.id, '5.500', '7000.00', '1.50']]);
    expect([await reserved(resin.id, warehouse.id), await reserved(glycol.id, warehouse.id), await reserved(diesel.id, warehouse.id)]).toEqual(['49.000', '0.000', '5.500']);
    expect(await SalesOrderItem.findByPk(glycolLine.id)).toBeNull();
    expect(amendment).toMatchObject({ reason: '客户电话调整数量', total_before: '468000.00', total_after: '454422.50', amended_by_id: rep.id });
    expect(amendment.lines_before.map((line) => line.quantity)).toEqual(['50.000', '10.000']);
    expect((await auditOf('sales_orders', order.id)).at(-1)).toMatchObject({ action: 'amendOrder', changes: { details: { reason: '客户电话调整数量' } } });
    expect(translate('zh-CN', 'orderAmended', { order: order.order_no, ...summary })).toBe(`订单 ${order.order_no} 已修改, 现有 2 行, 共 54.500 吨; 预留库存已随之调整`);

    // Cancelled afterwards, it gives back exactly what it holds: nothing stays reserved.
    await cancelOrder(order.id, '客户取消', rep);
    expect([await reserved(resin.id, warehouse.id), await reserved(diesel.id, warehouse.id)]).toEqual(['0.000', '0.000']);
  });

  test('when an amendment raises a line beyond the stock, then it is refused next to that line and nothing changes', async () => {
    const [customer, resin, warehouse] = [await createCustomer(), await createProduct({ name: 'HDPE 5000S' }), await createWarehouse({ name: '宁波库' })];
    await setStock(resin.id, warehouse.id, '12.000');
    const order = await createOrder(customer, warehouse, [{ productId: resin.id, quantity: '10.000', unitPrice: '9000.00' }]);
    await confirmOrder(order.id, rep);
    const [line] = await SalesOrderItem.findAll({ where: { order_id: order.id } });
    const lines = [{ id: line.id, productId: resin.id, quantity: '15', unitPrice: '9000.00' }];
    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => amendConfirmedOrder(order.id, { reason: '加量', lines }, rep), 'amendmentShortOfStock', undefined, 'lines.0.quantity');
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe('宁波库「HDPE 5000S」可用库存不足: 需要再预留 5.000 吨, 可用 2.000 吨, 缺 3.000 吨。订单未修改, 库存未变动');
    expect(await SalesOrderAmendment.count({ where: { order_id: order.id } })).toBe(0);
    // A third decimal on a price is refused, not rounded; a draft or a shipped order is not amended.
    await expectRefusedWithoutChanges(db.sequelize, () => amendConfirmedOrder(order.id, { reason: '改价', lines: [{ ...lines[0], quantity: '10', unitPrice: '12.345' }] }, rep), 'atMostTwoDecimals', undefined, 'lines.0.unit_price');
    await expectRefusedWithoutChanges(db.sequelize, () => amendConfirmedOrder(order.id, { reason: '', lines }, rep), 'fieldRequired', undefined, 'reason');
    await shipOrder(order.id, rep);
    await expectRefusedWithoutChanges(db.sequelize, () => amendConfirmedOrder(order.id, { reason: '发货后改', lines }, rep), 'orderNotAmendable');
  });

  test('when a draft is saved with its lines, then header and lines are written together, dated today on the business clock; a confirmed order is refused as a whole', async () => {
    const [customer, resin, glycol, warehouse] = [await createCustomer(), await createProduct(), await createProduct(), await createWarehouse()];
    await setStock(resin.id, warehouse.id, '100.000');
    const draft = await saveDraftOrder(null, {
      customerId: String(customer.id), warehouseId: warehouse.id, shippingMethod: 'tank_truck',
      lines: [{ productId: resin.id, quantity: '12.5', unitPrice: '8500' }, { productId: glycol.id, quantity: '3', unitPrice: '4300.10', discountPct: '2' }],
    }, rep);
    expect(draft).toMatchObject({ status: 'draft', customer_id: customer.id, branch_id: customer.branch_id, owner_id: rep.id, order_date: businessToday(), total_amount: '118892.29' });
    // Any new order without a date, by any path, is dated by the business clock, as PostgreSQL reads Beijing's day.
    const undated = await SalesOrder.create({ customer_id: customer.id, warehouse_id: warehouse.id, branch_id: customer.branch_id, owner_id: null });
    const [{ beijing }] = await db.sequelize.query<{ beijing: string }>(`SELECT ((now() AT TIME ZONE 'Asia/Shanghai')::date)::text AS beijing`, { type: QueryTypes.SELECT });
    expect(undated.order_date).toBe(beijing);

    const [first] = await SalesOrderItem.findAll({ where: { order_id: draft.id }, order: [['id', 'ASC']] });
    const saved = await saveDraftOrder(draft.id, { orderDate: '2026-02-28', lines: [{ id: first.id, productId: resin.id, quantity: '10', unitPrice: '8500' }] }, rep);
    expect(saved).toMatchObject({ order_date: '2026-02-28', total_amount: '85000.00' });
    expect(await linesOf(draft.id)).toEqual([[resin.id, '10.000', '8500.00', '0.00']]);

    await expectRefusedWithoutChanges(db.sequelize, () => saveDraftOrder(draft.id, { orderDate: '2026-02-30', lines: [] }, rep), 'notADate', undefined, 'order_date');
    await confirmOrder(draft.id, rep);
    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => saveDraftOrder(draft.id, { lines: [{ id: first.id, productId: resin.id, quantity: '99', unitPrice: '1' }] }, rep),
      'childrenFrozen_sales_orders_confirmed', undefined, 'lines');
    expect(translate('zh-CN', refusal.code)).toContain('修改明细');
  });

  test('when a draft is saved before any line, or saved again with the same lines, then what it answers and audits is the row as stored', async () => {
    const [customer, resin, warehouse] = [await createCustomer(), await createProduct(), await createWarehouse()];
    const stored = async (id: number) => (await SalesOrder.findByPk(id, { rejectOnEmpty: true })).get({ plain: true });
    const json = (row: unknown) => JSON.parse(JSON.stringify(row)) as unknown;

    const empty = await saveDraftOrder(null, { customerId: customer.id, warehouseId: warehouse.id, notes: '先建单后加明细' }, rep);
    expect(json(empty.get({ plain: true }))).toEqual(json(await stored(empty.id)));
    expect((await auditOf('sales_orders', empty.id)).at(-1)?.changes).toMatchObject({ after: json(await stored(empty.id)) });

    const withLine = await saveDraftOrder(empty.id, { lines: [{ productId: resin.id, quantity: '2', unitPrice: '8000' }] }, rep);
    const [line] = await SalesOrderItem.findAll({ where: { order_id: empty.id } });
    const again = await saveDraftOrder(empty.id, { notes: '明细未变', lines: [{ id: line.id, productId: resin.id, quantity: '2', unitPrice: '8000' }] }, rep);
    expect(withLine.total_amount).toBe('16000.00');
    expect(json(again.get({ plain: true }))).toEqual(json(await stored(empty.id)));
    // An edit is audited as the fields it changed: the notes, and nothing the lines' triggers keep.
    expect((await auditOf('sales_orders', empty.id)).at(-1)?.changes).toEqual({ fields: { notes: { before: '先建单后加明细', after: '明细未变' } } });
  });
});
