import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, setStock } from '../../support/fixtures.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { StockLevel } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from './workflow-test-kit.js';

describe('confirming an order', () => {
  let db: DomainDatabase;
  let rep: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    rep = await actorFor('rep.zhang@petrocrm.cn');
  });
  afterAll(() => db.close());

  const level = (productId: number, warehouseId: number) => StockLevel.findOne({ where: { product_id: productId, warehouse_id: warehouseId }, rejectOnEmpty: true });

  test('when every line is in stock, then each is reserved in the order warehouse and the order is confirmed, audited', async () => {
    const [customer, resin, glycol, warehouse] = await Promise.all([createCustomer(), createProduct(), createProduct({ name: 'MEG 乙二醇' }), createWarehouse()]);
    await setStock(resin.id, warehouse.id, '40.000', '5.000');
    await setStock(glycol.id, warehouse.id, '12.000');
    const order = await createOrder(customer, warehouse, [
      { productId: resin.id, quantity: '20.000', unitPrice: '8500.00' },
      { productId: glycol.id, quantity: '8.000', unitPrice: '4300.00' },
      { productId: resin.id, quantity: '10.000', unitPrice: '8400.00' },
    ]);

    const { order: confirmed, summary } = await confirmOrder(order.id, rep);

    expect(confirmed.status).toBe('confirmed');
    expect(confirmed.confirmed_at).toBeInstanceOf(Date);
    expect(summary).toEqual({ lines: 3, tons: '38.000', otherUnits: '' });
    expect(translate('zh-CN', 'orderConfirmed', { order: order.order_no, ...summary })).toBe(`订单 ${order.order_no} 已确认, 预留 3 行, 共 38.000 吨`);
    const resinLevel = await level(resin.id, warehouse.id);
    expect([resinLevel.on_hand, resinLevel.reserved]).toEqual(['40.000', '35.000']);
    const glycolLevel = await level(glycol.id, warehouse.id);
    expect([glycolLevel.on_hand, glycolLevel.reserved]).toEqual(['12.000', '8.000']);

    const [orderAudit] = await auditOf('sales_orders', order.id);
    expect(orderAudit.action).toBe('confirmOrder');
    expect(orderAudit.user_email).toBe('rep.zhang@petrocrm.cn');
    expect(orderAudit.changes).toMatchObject({ fields: { status: { before: 'draft', after: 'confirmed' } } });
    expect(await auditOf('stock_levels', resinLevel.id)).toEqual([
      expect.objectContaining({ action: 'confirmOrder', changes: expect.objectContaining({ fields: { reserved: { before: '5.000', after: '35.000' } } }) }),
    ]);
  });

  test('when one line is short, then nothing is reserved and the refusal names the product and the shortfall', async () => {
    const [customer, resin, glycol] = await Promise.all([createCustomer(), createProduct({ name: 'LLDPE 7042' }), createProduct()]);
    const warehouse = await createWarehouse({ name: '南京中转库' });
    await setStock(resin.id, warehouse.id, '10.000', '7.000');
    await setStock(glycol.id, warehouse.id, '50.000');
    const order = await createOrder(customer, warehouse, [
      { productId: glycol.id, quantity: '5.000', unitPrice: '4300.00' },
      { productId: resin.id, quantity: '5.000', unitPrice: '8500.00' },
    ]);

    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(order.id, rep), 'insufficientStock', {
      product: 'LLDPE 7042', warehouse: '南京中转库', available: '3.000', requested: '5.000', shortfall: '2.000', unit: 'ton',
    });
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe(
      '南京中转库「LLDPE 7042」库存不足: 可用 3.000 吨, 需要 5.000 吨, 缺 2.000 吨。订单未确认, 库存未变动',
    );
    expect((await order.reload()).status).toBe('draft');
  });

  test('when the warehouse has never held the product, then the refusal says none is available', async () => {
    const [customer, product, warehouse] = await Promise.all([createCustomer(), createProduct(), createWarehouse()]);
    const order = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.500', unitPrice: '8000.00' }]);
    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(order.id, rep), 'insufficientStock');
    expect(refusal.params).toMatchObject({ available: '0.000', requested: '1.500', shortfall: '1.500' });
  });

  test('when the order is not a draft, or has no lines, or does not exist, then it is refused', async () => {
    const [customer, product, warehouse] = await Promise.all([createCustomer(), createProduct(), createWarehouse()]);
    await setStock(product.id, warehouse.id, '10.000');
    const confirmedAlready = await createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: '8000.00' }]);
    await confirmOrder(confirmedAlready.id, rep);
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(confirmedAlready.id, rep), 'orderNotDraft', { order: confirmedAlready.order_no });

    const empty = await createOrder(customer, warehouse, []);
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(empty.id, rep), 'orderHasNoLines', { order: empty.order_no });
    await expectRefusedWithoutChanges(db.sequelize, () => confirmOrder(987654, rep), 'orderNotFound', { id: 987654 });
  });
});
