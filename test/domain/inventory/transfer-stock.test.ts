import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { transferStock } from '../../../src/domain/inventory/transfer-stock.js';
import { receiveStock } from '../../../src/domain/inventory/receive-stock.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { StockLevel, StockMovement } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';

describe('transferring stock between warehouses', () => {
  let db: DomainDatabase;
  let clerk: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    clerk = await actorFor('warehouse@petrocrm.cn');
  });
  afterAll(() => db.close());

  test('when the source has it available, then it moves batch by batch, each out and in row naming the other warehouse', async () => {
    const [product, plant, depot] = await Promise.all([createProduct({ name: '92# 汽油' }), createWarehouse({ name: '茂名炼厂库' }), createWarehouse({ name: '广州油库' })]);
    await receiveStock({ productId: product.id, warehouseId: plant.id, quantity: '30', batchNo: 'G1' }, clerk);
    const { level } = await receiveStock({ productId: product.id, warehouseId: plant.id, quantity: '30', batchNo: 'G2' }, clerk);

    const moved = await transferStock(level.id, { toWarehouseId: depot.id, quantity: '45', reference: 'DB-001' }, clerk);

    expect([moved.from.on_hand, moved.to.on_hand]).toEqual(['15.000', '45.000']);
    expect(translate('zh-CN', 'stockTransferred', { product: product.name, quantity: moved.quantity, unit: 't', from: plant.name, to: depot.name })).toBe(
      '已从 茂名炼厂库 调拨「92# 汽油」45.000 t 到 广州油库',
    );
    const rows = await StockMovement.findAll({ where: { product_id: product.id, reference: 'DB-001' }, order: [['id', 'ASC']] });
    expect(rows.map((row) => [row.kind, row.warehouse_id, row.counterpart_warehouse_id, row.batch_no, row.quantity])).toEqual([
      ['transfer_out', plant.id, depot.id, 'G1', '-30.000'],
      ['transfer_in', depot.id, plant.id, 'G1', '30.000'],
      ['transfer_out', plant.id, depot.id, 'G2', '-15.000'],
      ['transfer_in', depot.id, plant.id, 'G2', '15.000'],
    ]);
    const depotLevel = await StockLevel.findOne({ where: { product_id: product.id, warehouse_id: depot.id }, rejectOnEmpty: true });
    expect(await auditOf('stock_levels', depotLevel.id)).toEqual([expect.objectContaining({ action: 'transferStock', changes: expect.objectContaining({ after: expect.objectContaining({ on_hand: '45.000' }) }) })]);
    expect((await auditOf('stock_levels', level.id)).at(-1)?.changes).toMatchObject({ fields: { on_hand: { before: '60.000', after: '15.000' } } });
  });

  test('when more is asked than is unreserved, or the destination is wrong, then it is refused and nothing moves', async () => {
    const [product, plant, depot, closed] = await Promise.all([createProduct({ name: '0# 柴油' }), createWarehouse({ name: '镇海库' }), createWarehouse(), createWarehouse({ active: false })]);
    const { level } = await receiveStock({ productId: product.id, warehouseId: plant.id, quantity: '10', batchNo: 'D1' }, clerk);
    await confirmOrder((await createOrder(await createCustomer(), plant, [{ productId: product.id, quantity: '6.000', unitPrice: '7000.00' }])).id, clerk);

    const refusal = await expectRefusedWithoutChanges(
      db.sequelize,
      () => transferStock(level.id, { toWarehouseId: depot.id, quantity: '4.001' }, clerk),
      'transferExceedsAvailable',
      { product: '0# 柴油', warehouse: '镇海库', available: '4.000', requested: '4.001', unit: 'ton' },
      'quantity',
    );
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe('镇海库「0# 柴油」可调拨 4.000 吨, 不足 4.001 吨');
    await expectRefusedWithoutChanges(db.sequelize, () => transferStock(level.id, { toWarehouseId: plant.id, quantity: '1' }, clerk), 'transferToSameWarehouse', {}, 'to_warehouse_id');
    await expectRefusedWithoutChanges(db.sequelize, () => transferStock(level.id, { toWarehouseId: closed.id, quantity: '1' }, clerk), 'warehouseInactive', undefined, 'to_warehouse_id');
    await expectRefusedWithoutChanges(db.sequelize, () => transferStock(level.id, { quantity: '1' }, clerk), 'fieldRequired', {}, 'to_warehouse_id');
    expect(await StockLevel.count({ where: { product_id: product.id } })).toBe(1);
  });

  test('when two transfers cross between the same warehouses at once, then both complete without a deadlock', async () => {
    const [product, east, south] = await Promise.all([createProduct(), createWarehouse(), createWarehouse()]);
    const { level: eastLevel } = await receiveStock({ productId: product.id, warehouseId: east.id, quantity: '10', batchNo: 'E' }, clerk);
    const { level: southLevel } = await receiveStock({ productId: product.id, warehouseId: south.id, quantity: '10', batchNo: 'S' }, clerk);
    await Promise.all([
      ...Array.from({ length: 5 }, () => transferStock(eastLevel.id, { toWarehouseId: south.id, quantity: '1' }, clerk)),
      ...Array.from({ length: 5 }, () => transferStock(southLevel.id, { toWarehouseId: east.id, quantity: '2' }, clerk)),
    ]);
    // east sent 5 × 1 and received 5 × 2; south the other way round
    const levels = await StockLevel.findAll({ where: { product_id: product.id } });
    const onHand = Object.fromEntries(levels.map((row) => [row.warehouse_id, row.on_hand]));
    expect(onHand).toEqual({ [east.id]: '15.000', [south.id]: '5.000' });
  });
});
