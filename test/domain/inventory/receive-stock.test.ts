import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createProduct, createWarehouse } from '../../support/fixtures.js';
import { receiveStock } from '../../../src/domain/inventory/receive-stock.js';
import { StockLevel, StockMovement } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';

describe('receiving stock', () => {
  let db: DomainDatabase;
  let clerk: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    clerk = await actorFor('warehouse@petrocrm.cn');
  });
  afterAll(() => db.close());

  test('when a product first arrives, then its level is created; a second receipt adds to it; each is in the ledger with its batch', async () => {
    const [product, warehouse] = await Promise.all([createProduct(), createWarehouse()]);

    const first = await receiveStock({ productId: product.id, warehouseId: warehouse.id, quantity: '12.5', batchNo: ' B2611-07 ', reference: 'RK20261128' }, clerk);
    expect(first.level).toMatchObject({ on_hand: '12.500', reserved: '0.000' });
    const second = await receiveStock({ productId: product.id, warehouseId: warehouse.id, quantity: '7.500', batchNo: 'B2611-08', reference: '' }, clerk);
    expect(second.level).toMatchObject({ id: first.level.id, on_hand: '20.000' });
    expect(translate('zh-CN', 'stockReceived', { product: product.name, quantity: second.quantity, unit: 't', warehouse: warehouse.name, batch: 'B2611-08' })).toBe(
      `已入库「${product.name}」7.500 t 到 ${warehouse.name}, 批次 B2611-08`,
    );

    const level = await StockLevel.findByPk(first.level.id, { rejectOnEmpty: true });
    expect(level.on_hand).toBe('20.000');
    const movements = await StockMovement.findAll({ where: { product_id: product.id }, order: [['id', 'ASC']] });
    expect(movements.map((row) => [row.kind, row.quantity, row.batch_no, row.reference, row.performed_by_id])).toEqual([
      ['receipt', '12.500', 'B2611-07', 'RK20261128', clerk.id],
      ['receipt', '7.500', 'B2611-08', null, clerk.id],
    ]);
    const levelAudit = await auditOf('stock_levels', level.id);
    expect(levelAudit[0].changes).toMatchObject({ after: { on_hand: '12.500', reserved: '0.000', product_id: product.id } });
    expect(levelAudit[1].changes).toMatchObject({ fields: { on_hand: { before: '12.500', after: '20.000' } }, details: { batch_no: 'B2611-08' } });
  });

  test('when the input is incomplete or wrong, then it is refused next to the field and nothing is written', async () => {
    const [product, warehouse, closed] = await Promise.all([createProduct(), createWarehouse(), createWarehouse({ active: false, name: '旧油库' })]);
    const receipt = { productId: product.id, warehouseId: warehouse.id, quantity: '5', batchNo: 'B1' };
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, batchNo: '  ' }, clerk), 'fieldRequired', {}, 'batch_no');
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, productId: undefined }, clerk), 'fieldRequired', {}, 'product_id');
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, quantity: '0' }, clerk), 'quantityNotPositive', { value: '0' }, 'quantity');
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, quantity: '-2' }, clerk), 'quantityNotPositive', undefined, 'quantity');
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, quantity: '1.2345' }, clerk), 'quantityInvalid', { value: '1.2345' }, 'quantity');
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, quantity: '' }, clerk), 'quantityRequired', {}, 'quantity');
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, warehouseId: closed.id }, clerk), 'warehouseInactive', { warehouse: '旧油库' }, 'warehouse_id');
    await expectRefusedWithoutChanges(db.sequelize, () => receiveStock({ ...receipt, productId: 999999 }, clerk), 'productNotFound', { id: 999999 }, 'product_id');
  });
});
