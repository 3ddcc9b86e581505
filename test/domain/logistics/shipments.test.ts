import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { shipOrder } from '../../../src/domain/sales/ship-order.js';
import { receiveStock } from '../../../src/domain/inventory/receive-stock.js';
import { recordArrival } from '../../../src/domain/logistics/record-arrival.js';
import { recordConveyance } from '../../../src/domain/logistics/record-conveyance.js';
import { Shipment, type SalesOrder } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';

describe('shipments: what left on which conveyance, and what arrived', () => {
  let db: DomainDatabase;
  let clerk: Actor;
  beforeAll(async () => {
    db = await openDomainDatabase();
    clerk = await actorFor('warehouse@petrocrm.cn');
  });
  afterAll(() => db.close());

  const sql = <T extends object>(query: string, bind: unknown[] = []) => db.sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });

  /** A confirmed order of 50 t of diesel in a warehouse holding batches D1 (20 t) and D2 (60 t). */
  async function confirmedDieselOrder(shippingMethod: SalesOrder['shipping_method'] = 'tank_truck') {
    const [customer, warehouse, diesel] = await Promise.all([createCustomer(), createWarehouse(), createProduct({ name: '0#柴油(国VI)' })]);
    await receiveStock({ productId: diesel.id, warehouseId: warehouse.id, quantity: '20', batchNo: 'D1', reference: null }, clerk);
    await receiveStock({ productId: diesel.id, warehouseId: warehouse.id, quantity: '60', batchNo: 'D2', reference: null }, clerk);
    const order = await createOrder(customer, warehouse, [{ productId: diesel.id, quantity: '50.000', unitPrice: '7800.00' }], { shipping_method: shippingMethod });
    await confirmOrder(order.id, clerk);
    return { order, warehouse, diesel };
  }

  test('when an order ships on a named tank truck, then each batch that left has its shipment, linked to order, batch, warehouse and ledger line', async () => {
    const { order, warehouse, diesel } = await confirmedDieselOrder();

    await shipOrder(order.id, clerk, { transportMode: 'tank_truck', conveyance: '苏a 12345', sealNo: 'QF-0098123' });

    const shipments = await sql<Record<string, unknown>>(
      `SELECT s.order_id, s.product_id, b.batch_no, s.warehouse_id, s.transport_mode, s.vehicle_plate, s.seal_no, s.loaded_quantity, s.tolerance_pct,
              s.status, s.shipped_by_id, m.quantity AS ledger, m.batch_id = s.batch_id AS same_batch, m.order_id = s.order_id AS same_order
         FROM shipments s JOIN batches b ON b.id = s.batch_id JOIN stock_movements m ON m.id = s.stock_movement_id
        WHERE s.order_id = $1 ORDER BY s.id`,
      [order.id],
    );
    const common = { order_id: order.id, product_id: diesel.id, warehouse_id: warehouse.id, transport_mode: 'tank_truck', vehicle_plate: '苏A12345', seal_no: 'QF-0098123', tolerance_pct: '0.100', status: 'in_transit', shipped_by_id: clerk.id, same_batch: true, same_order: true };
    expect(shipments).toEqual([
      { ...common, batch_no: 'D1', loaded_quantity: '20.000', ledger: '-20.000' },
      { ...common, batch_no: 'D2', loaded_quantity: '30.000', ledger: '-30.000' },
    ]);
    // Stock per batch is what the ledger says: D1 empty, D2 30 t left.
    expect(await sql(`SELECT b.batch_no, s.on_hand FROM batch_stocks s JOIN batches b ON b.id = s.batch_id WHERE s.warehouse_id = $1 ORDER BY b.batch_no`, [warehouse.id]))
      .toEqual([{ batch_no: 'D1', on_hand: '0.000' }, { batch_no: 'D2', on_hand: '30.000' }]);
    const [first] = await Shipment.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']] });
    expect(await auditOf('shipments', first.id)).toEqual([expect.objectContaining({ action: 'shipOrder', user_email: clerk.email })]);
  });

  test('when the plate is not a plate, then shipping is refused next to the field and nothing moves', async () => {
    const { order } = await confirmedDieselOrder();
    await expectRefusedWithoutChanges(
      db.sequelize,
      () => shipOrder(order.id, clerk, { transportMode: 'tank_truck', conveyance: 'ABC123', sealNo: 'S1' }),
      'plateInvalid', { value: 'ABC123' }, 'conveyance',
    );
    expect(translate('zh-CN', 'plateInvalid', { value: 'ABC123' })).toBe('「ABC123」不是有效车牌号, 例如 苏A12345');
  });

  test('when nobody names the conveyance at shipping, then the shipment travels as the order said and must be named before its arrival is recorded', async () => {
    const { order } = await confirmedDieselOrder('rail');
    await shipOrder(order.id, clerk);
    const [shipment] = await Shipment.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']] });
    expect(shipment).toMatchObject({ transport_mode: 'rail_tank_car', railcar_no: null, seal_no: null, tolerance_pct: '0.200' });

    await expectRefusedWithoutChanges(db.sequelize, () => recordArrival(clerk, shipment.id, { receivedQuantity: '19.980' }), 'arrivalNeedsConveyance', { shipment: shipment.shipment_no });
    await recordConveyance(clerk, shipment.id, { conveyance: '6234517' });
    await expectRefusedWithoutChanges(db.sequelize, () => recordArrival(clerk, shipment.id, { receivedQuantity: '19.980' }), 'arrivalNeedsSeal', { shipment: shipment.shipment_no });
    await recordConveyance(clerk, shipment.id, { sealNo: 'TL-557120' });
    const arrived = await recordArrival(clerk, shipment.id, { receivedQuantity: '19.980' });
    expect(arrived).toMatchObject({ status: 'received', railcar_no: '6234517', seal_no: 'TL-557120', received_quantity: '19.980', loss_quantity: '0.020', loss_within_tolerance: true });
  });

  test('when more is lost than the mode allows, then the arrival says so; once arrived, the shipment is a fact', async () => {
    const { order } = await confirmedDieselOrder();
    await shipOrder(order.id, clerk, { conveyance: '苏A6K321', sealNo: 'QF-1' });
    const [d1, d2] = await Shipment.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']] });

    // 0.1 % of 20 t is 20 kg: 20 kg lost is within, 21 kg is not.
    expect(await recordArrival(clerk, d1.id, { receivedQuantity: '19.980' })).toMatchObject({ loss_quantity: '0.020', loss_within_tolerance: true });
    const beyond = await recordArrival(clerk, d2.id, { receivedQuantity: '29.900' });
    expect(beyond).toMatchObject({ loss_quantity: '0.100', loss_within_tolerance: false, received_by_id: clerk.id });
    expect(translate('zh-CN', 'arrivalRecordedOverTolerance', { shipment: beyond.shipment_no, loss: beyond.loss_quantity!, unit: '吨', tolerance: beyond.tolerance_pct }))
      .toBe(`发运单 ${beyond.shipment_no} 已到货, 途损 0.100 吨, 超出允许损耗 0.100%, 请向承运方索赔`);

    await expectRefusedWithoutChanges(db.sequelize, () => recordArrival(clerk, d2.id, { receivedQuantity: '30.000' }), 'shipmentAlreadyReceived', { shipment: d2.shipment_no });
    await expectRefusedWithoutChanges(db.sequelize, () => recordConveyance(clerk, d2.id, { sealNo: 'X' }), 'shipmentAlreadyReceived');
  });

  test('whoever writes them, a received shipment without its conveyance and a shipment whose batch is of another product are refused by PostgreSQL', async () => {
    const { order } = await confirmedDieselOrder();
    await shipOrder(order.id, clerk);
    const [shipment] = await Shipment.findAll({ where: { order_id: order.id } });
    await expect(shipment.update({ status: 'received', received_quantity: '20.000', received_at: new Date() })).rejects.toMatchObject({ parent: { constraint: 'shipments_received_conveyance' } });
    const [otherBatch] = await sql<{ id: number }>(`SELECT id FROM batches WHERE product_id <> $1 LIMIT 1`, [shipment.product_id]);
    await expect(Shipment.update({ batch_id: otherBatch.id }, { where: { id: shipment.id } })).rejects.toMatchObject({ parent: { code: '23503' } });
  });
});
