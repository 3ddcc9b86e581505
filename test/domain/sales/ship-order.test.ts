import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, setStock } from '../../support/fixtures.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { shipOrder } from '../../../src/domain/sales/ship-order.js';
import { receiveStock } from '../../../src/domain/inventory/receive-stock.js';
import { StockLevel, StockMovement } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from './workflow-test-kit.js';

describe('shipping an order', () => {
  let db: DomainDatabase;
  let clerk: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    clerk = await actorFor('warehouse@petrocrm.cn');
  });
  afterAll(() => db.close());

  const stock = async (productId: number, warehouseId: number) => {
    const level = await StockLevel.findOne({ where: { product_id: productId, warehouse_id: warehouseId }, rejectOnEmpty: true });
    return [level.on_hand, level.reserved];
  };

  test('when confirmed, then reserved stock leaves, oldest batches first, one shipment per line and batch, and the order is shipped', async () => {
    const [customer, warehouse] = await Promise.all([createCustomer(), createWarehouse()]);
    // One after the other: stock is locked and shipped in product-id order, so resin must come first.
    const resin = await createProduct();
    const glycol = await createProduct();
    await receiveStock({ productId: resin.id, warehouseId: warehouse.id, quantity: '15', batchNo: 'A1', reference: 'RK-1' }, clerk);
    await receiveStock({ productId: resin.id, warehouseId: warehouse.id, quantity: '40', batchNo: 'A2', reference: 'RK-2' }, clerk);
    await receiveStock({ productId: glycol.id, warehouseId: warehouse.id, quantity: '10', batchNo: 'B1', reference: 'RK-3' }, clerk);
    const order = await createOrder(customer, warehouse, [
      { productId: resin.id, quantity: '20.000', unitPrice: '8500.00' },
      { productId: glycol.id, quantity: '8.000', unitPrice: '4300.00' },
      { productId: resin.id, quantity: '30.000', unitPrice: '8400.00' },
    ]);
    await confirmOrder(order.id, clerk);

    const { order: shipped, summary } = await shipOrder(order.id, clerk);

    expect(shipped.status).toBe('shipped');
    expect(shipped.shipped_at).toBeInstanceOf(Date);
    expect(translate('zh-CN', 'orderShipped', { order: order.order_no, ...summary })).toBe(`订单 ${order.order_no} 已发货 3 行, 共 58.000 吨`);
    expect(translate('en', 'orderShipped', { order: order.order_no, ...summary })).toBe(`Order ${order.order_no} shipped: 3 lines, 58.000 t in all`);
    expect(await stock(resin.id, warehouse.id)).toEqual(['5.000', '0.000']);
    expect(await stock(glycol.id, warehouse.id)).toEqual(['2.000', '0.000']);

    const shipments = await StockMovement.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']] });
    expect(shipments.map((row) => [row.kind, row.product_id, row.batch_no, row.quantity, row.reference, row.performed_by_id])).toEqual([
      ['shipment', resin.id, 'A1', '-15.000', order.order_no, clerk.id],
      ['shipment', resin.id, 'A2', '-5.000', order.order_no, clerk.id],
      ['shipment', resin.id, 'A2', '-30.000', order.order_no, clerk.id],
      ['shipment', glycol.id, 'B1', '-8.000', order.order_no, clerk.id],
    ]);
    // The ledger adds up to what is on hand, batch by batch.
    const [ledger] = await db.sequelize.query(
      `SELECT batch_no, sum(quantity) AS balance FROM stock_movements WHERE warehouse_id = $1 GROUP BY batch_no ORDER BY batch_no`,
      { bind: [warehouse.id] },
    );
    expect(ledger).toEqual([{ batch_no: 'A1', balance: '0.000' }, { batch_no: 'A2', balance: '5.000' }, { batch_no: 'B1', balance: '2.000' }]);

    const orderAudit = await auditOf('sales_orders', order.id);
    expect(orderAudit.map((row) => row.action)).toEqual(['confirmOrder', 'shipOrder']);
    expect(orderAudit[1].changes).toMatchObject({ fields: { status: { before: 'confirmed', after: 'shipped' } } });
    expect(await auditOf('stock_movements', shipments[0].id)).toEqual([
      expect.objectContaining({ action: 'shipOrder', user_email: 'warehouse@petrocrm.cn', changes: { after: expect.objectContaining({ quantity: '-15.000', batch_no: 'A1' }) } }),
    ]);
  });

  test('when stock was entered before batches were kept, then what the batches do not cover ships without a batch', async () => {
    const [customer, product, warehouse] = await Promise.all([createCustomer(), createProduct(), createWarehouse()]);
    await setStock(product.id, warehouse.id, '6.000');
    await receiveStock({ productId: product.id, warehouseId: warehouse.id, quantity: '2', batchNo: 'N1' }, clerk);
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '5.000', unitPrice: '8000.00' }]);
    await confirmOrder(order.id, clerk);
    await shipOrder(order.id, clerk);
    const shipments = await StockMovement.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']] });
    expect(shipments.map((row) => [row.batch_no, row.quantity])).toEqual([['N1', '-2.000'], [null, '-3.000']]);
    expect(await stock(product.id, warehouse.id)).toEqual(['3.000', '0.000']);
  });

  test('when the order is not confirmed, then shipping is refused and nothing moves', async () => {
    const [customer, product, warehouse] = await Promise.all([createCustomer(), createProduct(), createWarehouse()]);
    await setStock(product.id, warehouse.id, '10.000');
    const draft = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: '8000.00' }]);
    await expectRefusedWithoutChanges(db.sequelize, () => shipOrder(draft.id, clerk), 'orderNotConfirmed', { order: draft.order_no });
    await confirmOrder(draft.id, clerk);
    await shipOrder(draft.id, clerk);
    await expectRefusedWithoutChanges(db.sequelize, () => shipOrder(draft.id, clerk), 'orderNotConfirmed', { order: draft.order_no });
  });

  test('when the reservation was taken away behind its back, then the whole shipment is refused, other lines included', async () => {
    const [customer, first, second, warehouse] = await Promise.all([createCustomer(), createProduct(), createProduct({ name: 'PP T30S' }), createWarehouse()]);
    await setStock(first.id, warehouse.id, '10.000');
    await setStock(second.id, warehouse.id, '10.000');
    const order = await createOrder(customer, warehouse, [
      { productId: first.id, quantity: '4.000', unitPrice: '8000.00' },
      { productId: second.id, quantity: '4.000', unitPrice: '8000.00' },
    ]);
    await confirmOrder(order.id, clerk);
    await StockLevel.update({ reserved: '1.000' }, { where: { product_id: second.id, warehouse_id: warehouse.id } });
    await expectRefusedWithoutChanges(db.sequelize, () => shipOrder(order.id, clerk), 'reservationMissing', { order: order.order_no, product: 'PP T30S' });
    expect(await stock(first.id, warehouse.id)).toEqual(['10.000', '4.000']);
  });
});
