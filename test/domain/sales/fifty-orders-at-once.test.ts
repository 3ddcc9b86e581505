import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../../support/test-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { createSequelize } from '../../../src/db/sequelize.js';
import { initModels, SalesOrder, StockLevel, StockMovement } from '../../../src/models/index.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { shipOrder } from '../../../src/domain/sales/ship-order.js';
import { receiveStock } from '../../../src/domain/inventory/receive-stock.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor } from './workflow-test-kit.js';

/**
 * Fifty one-ton orders confirmed at the same moment against ten tons: PostgreSQL, not JavaScript,
 * must decide who gets the stock. The pool is large enough that the confirmations really run on
 * separate connections at once (the app's default pool of 10 would queue them).
 */
describe('fifty orders confirmed at the same moment against ten tons', () => {
  let database: TestDatabase;
  let sequelize: Sequelize;
  let rep: Actor;
  beforeAll(async () => {
    database = await createTestDatabase('demo');
    sequelize = createSequelize(database.url, { poolSize: 25 });
    initModels(sequelize);
    rep = await actorFor('rep.zhang@petrocrm.cn');
  });
  afterAll(async () => {
    await sequelize.close();
    await database.drop();
  });

  test('then exactly ten are confirmed, forty clearly refused, and shipping them all empties the stock to the ton', async () => {
    const [customer, product, warehouse] = await Promise.all([createCustomer(), createProduct({ name: 'HDPE 5000S' }), createWarehouse()]);
    await receiveStock({ productId: product.id, warehouseId: warehouse.id, quantity: '10', batchNo: 'HD-2611-01' }, rep);
    const orders: SalesOrder[] = [];
    for (let i = 0; i < 50; i += 1) orders.push(await createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: '9100.00' }]));

    const outcomes = await Promise.allSettled(orders.map((order) => confirmOrder(order.id, rep)));

    const confirmed = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.flatMap((outcome) => (outcome.status === 'rejected' ? [outcome.reason as unknown] : []));
    expect(confirmed).toHaveLength(10);
    expect(refused).toHaveLength(40);
    for (const refusal of refused) {
      expect(refusal).toBeInstanceOf(BusinessRuleError);
      expect(refusal).toMatchObject({ code: 'insufficientStock', params: { product: 'HDPE 5000S', available: '0.000', requested: '1.000', shortfall: '1.000' } });
    }
    const level = await StockLevel.findOne({ where: { product_id: product.id, warehouse_id: warehouse.id }, rejectOnEmpty: true });
    expect([level.on_hand, level.reserved]).toEqual(['10.000', '10.000']);
    const statuses = await SalesOrder.count({ where: { id: orders.map((order) => order.id) }, group: ['status'] });
    expect(Object.fromEntries(statuses.map((row) => [row.status, row.count]))).toEqual({ confirmed: 10, draft: 40 });

    const confirmedIds = (await SalesOrder.findAll({ where: { id: orders.map((order) => order.id), status: 'confirmed' } })).map((order) => order.id);
    await Promise.all(confirmedIds.map((orderId) => shipOrder(orderId, rep)));

    await level.reload();
    expect([level.on_hand, level.reserved]).toEqual(['0.000', '0.000']);
    const [totals] = await sequelize.query<{ shipped: string; ledger: string; shipments: string }>(
      `SELECT sum(quantity) FILTER (WHERE kind = 'shipment') AS shipped, sum(quantity) AS ledger, count(*) FILTER (WHERE kind = 'shipment') AS shipments
         FROM stock_movements WHERE product_id = $1 AND warehouse_id = $2`,
      { bind: [product.id, warehouse.id], type: QueryTypes.SELECT },
    );
    expect(totals).toEqual({ shipped: '-10.000', ledger: '0.000', shipments: '10' });
    expect(await StockMovement.count({ where: { product_id: product.id, batch_no: 'HD-2611-01', kind: 'shipment' } })).toBe(10);
  });
});
