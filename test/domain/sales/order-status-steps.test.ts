import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, setStock } from '../../support/fixtures.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { shipOrder } from '../../../src/domain/sales/ship-order.js';
import { deliverOrder } from '../../../src/domain/sales/deliver-order.js';
import { closeOrder } from '../../../src/domain/sales/close-order.js';
import { cancelOrder } from '../../../src/domain/sales/cancel-order.js';
import { SalesOrder, StockLevel } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from './workflow-test-kit.js';

describe('delivering, closing and cancelling orders', () => {
  let db: DomainDatabase;
  let rep: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    rep = await actorFor('rep.zhang@petrocrm.cn');
  });
  afterAll(() => db.close());

  async function orderOf(tons: string): Promise<{ order: SalesOrder; productId: number; warehouseId: number }> {
    const [customer, product, warehouse] = await Promise.all([createCustomer(), createProduct(), createWarehouse()]);
    await setStock(product.id, warehouse.id, '20.000');
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: tons, unitPrice: '8000.00' }]);
    return { order, productId: product.id, warehouseId: warehouse.id };
  }
  const reservedOf = async (productId: number, warehouseId: number) =>
    (await StockLevel.findOne({ where: { product_id: productId, warehouse_id: warehouseId }, rejectOnEmpty: true })).reserved;

  test('when shipped, then it can be delivered, then closed, each step stamped and audited', async () => {
    const { order } = await orderOf('3.000');
    await confirmOrder(order.id, rep);
    await shipOrder(order.id, rep);
    const delivered = await deliverOrder(order.id, rep);
    expect(delivered.status).toBe('delivered');
    expect(delivered.delivered_at).toBeInstanceOf(Date);
    const closed = await closeOrder(order.id, rep);
    expect(closed.status).toBe('closed');
    const audit = await auditOf('sales_orders', order.id);
    expect(audit.map((row) => row.action)).toEqual(['confirmOrder', 'shipOrder', 'deliverOrder', 'closeOrder']);
    expect(audit[3].changes).toMatchObject({ fields: { status: { before: 'delivered', after: 'closed' } } });
  });

  test('when a step comes out of turn, then it is refused with what the step needs, and nothing changes', async () => {
    const { order } = await orderOf('3.000');
    await expectRefusedWithoutChanges(db.sequelize, () => deliverOrder(order.id, rep), 'orderNotShipped', { order: order.order_no });
    await expectRefusedWithoutChanges(db.sequelize, () => closeOrder(order.id, rep), 'orderNotDelivered', { order: order.order_no });
    await confirmOrder(order.id, rep);
    await shipOrder(order.id, rep);
    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => cancelOrder(order.id, '客户取消', rep), 'orderNotCancellable');
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe(`只有草稿或已确认的订单可以取消; 订单 ${order.order_no} 已发货、已完成或已取消`);
    await expectRefusedWithoutChanges(db.sequelize, () => closeOrder(order.id, rep), 'orderNotDelivered');
  });

  test('when a confirmed order is cancelled with a reason, then its reservation goes back to available stock', async () => {
    const { order, productId, warehouseId } = await orderOf('7.500');
    await confirmOrder(order.id, rep);
    expect(await reservedOf(productId, warehouseId)).toBe('7.500');

    const { order: cancelled, released } = await cancelOrder(order.id, '  客户改期  ', rep);

    expect([cancelled.status, cancelled.cancel_reason]).toEqual(['cancelled', '客户改期']);
    expect(cancelled.cancelled_at).toBeInstanceOf(Date);
    expect(released).toEqual({ lines: 1, tons: '7.500', otherUnits: '' });
    expect(translate('zh-CN', 'orderCancelledReleased', { order: order.order_no, ...released! })).toBe(`订单 ${order.order_no} 已取消, 释放预留 1 行, 共 7.500 吨`);
    expect(await reservedOf(productId, warehouseId)).toBe('0.000');
    const [, cancelAudit] = await auditOf('sales_orders', order.id);
    expect(cancelAudit.changes).toMatchObject({ fields: { status: { before: 'confirmed', after: 'cancelled' } }, details: { reason: '客户改期' } });
  });

  test('when a draft is cancelled, then no stock is touched; without a reason it is refused', async () => {
    const { order, productId, warehouseId } = await orderOf('2.000');
    await expectRefusedWithoutChanges(db.sequelize, () => cancelOrder(order.id, '   ', rep), 'fieldRequired', {}, 'cancel_reason');
    await expectRefusedWithoutChanges(db.sequelize, () => cancelOrder(order.id, undefined, rep), 'fieldRequired', {}, 'cancel_reason');
    const { released } = await cancelOrder(order.id, '重复下单', rep);
    expect(released).toBeNull();
    expect(await reservedOf(productId, warehouseId)).toBe('0.000');
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(order.id, rep), 'orderNotDraft');
  });
});
