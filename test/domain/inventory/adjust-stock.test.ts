import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { adjustStock } from '../../../src/domain/inventory/adjust-stock.js';
import { receiveStock } from '../../../src/domain/inventory/receive-stock.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { StockMovement } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';

describe('adjusting stock after a stock-take', () => {
  let db: DomainDatabase;
  let clerk: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    clerk = await actorFor('warehouse@petrocrm.cn');
  });
  afterAll(() => db.close());

  async function stocked() {
    const [product, warehouse] = await Promise.all([createProduct({ name: 'PP T30S' }), createWarehouse()]);
    await receiveStock({ productId: product.id, warehouseId: warehouse.id, quantity: '6', batchNo: 'OLD' }, clerk);
    const { level } = await receiveStock({ productId: product.id, warehouseId: warehouse.id, quantity: '4', batchNo: 'NEW' }, clerk);
    return { product, warehouse, levelId: level.id };
  }

  test('when stock is found, then on hand goes up with the reason in the ledger and the audit', async () => {
    const { product, levelId } = await stocked();
    const adjusted = await adjustStock(levelId, { quantity: '+0.250', reason: '盘盈: 复磅', batchNo: 'NEW' }, clerk);
    expect(adjusted.level.on_hand).toBe('10.250');
    expect(adjusted.movements.map((row) => [row.kind, row.quantity, row.batch_no, row.reason])).toEqual([['adjustment', '0.250', 'NEW', '盘盈: 复磅']]);
    expect(translate('zh-CN', 'stockAdjusted', { product: product.name, quantity: adjusted.quantity, unit: 't', onHand: adjusted.level.on_hand })).toBe('已调整「PP T30S」0.250 t, 现在库 10.250 t');
    const audit = await auditOf('stock_levels', levelId);
    expect(audit.at(-1)).toMatchObject({ action: 'adjustStock', changes: { fields: { on_hand: { before: '10.000', after: '10.250' } }, details: { reason: '盘盈: 复磅' } } });
  });

  test('when stock is lost without naming a batch, then the oldest batches lose it first', async () => {
    const { levelId, product } = await stocked();
    const adjusted = await adjustStock(levelId, { quantity: '-7', reason: '盘亏' }, clerk);
    expect(adjusted.level.on_hand).toBe('3.000');
    expect(adjusted.movements.map((row) => [row.batch_no, row.quantity])).toEqual([['OLD', '-6.000'], ['NEW', '-1.000']]);
    expect(await StockMovement.sum('quantity', { where: { product_id: product.id } })).toBe(3);
  });

  test('when a loss would eat into reserved stock, or the named batch lacks it, or the reason is missing, then it is refused and nothing changes', async () => {
    const { product, warehouse, levelId } = await stocked();
    const order = await createOrder(await createCustomer(), warehouse, [{ productId: product.id, quantity: '8.000', unitPrice: '8000.00' }]);
    await confirmOrder(order.id, clerk);
    const refusal = await expectRefusedWithoutChanges(
      db.sequelize,
      () => adjustStock(levelId, { quantity: '-2.5', reason: '盘亏' }, clerk),
      'adjustmentBelowReserved',
      { product: 'PP T30S', onHand: '10.000', reserved: '8.000', available: '2.000', unit: 'ton' },
      'quantity',
    );
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe('「PP T30S」最多可减少 2.000 吨: 在库 10.000 吨, 其中 8.000 吨 已为订单预留');
    await expectRefusedWithoutChanges(db.sequelize, () => adjustStock(levelId, { quantity: '-1', reason: '破损', batchNo: 'NOPE' }, clerk), 'batchShort', { batch: 'NOPE', balance: '0.000', requested: '1.000' }, 'batch_no');
    await expectRefusedWithoutChanges(db.sequelize, () => adjustStock(levelId, { quantity: '-1', reason: ' ' }, clerk), 'fieldRequired', {}, 'reason');
    await expectRefusedWithoutChanges(db.sequelize, () => adjustStock(levelId, { quantity: '0', reason: '无' }, clerk), 'quantityZero', undefined, 'quantity');
    await expectRefusedWithoutChanges(db.sequelize, () => adjustStock(424242, { quantity: '1', reason: '无' }, clerk), 'stockLevelNotFound', { id: 424242 });
  });
});
