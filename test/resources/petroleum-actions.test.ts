import type request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch, demoUser } from '../support/fixtures.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { FuelCard, FuelCardLimit, FuelCardTransaction, Shipment, StockMovement, Ticket } from '../../src/models/index.js';
import { translate } from '../../src/i18n/translate.js';
import { receiveStock } from '../../src/domain/inventory/receive-stock.js';
import { confirmOrder } from '../../src/domain/sales/confirm-order.js';
import { topUpFuelCard } from '../../src/domain/fuel-cards/top-up-fuel-card.js';
import { fingerprintWorkflowTables } from '../domain/sales/workflow-test-kit.js';

/**
 * Fuel cards, shipments, batch traces, contract lifting and lifetime value through the panel's
 * API, as the roles that use them: what each may do and see, and refusals that change nothing.
 */
describe('petroleum actions over the AdminJS API', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  const as: Record<string, request.Agent> = {};
  const records = (resource: string, id: number, action: string) => `/admin/api/resources/${resource}/records/${id}/${action}`;
  const resourceAction = (resource: string, action: string) => `/admin/api/resources/${resource}/actions/${action}`;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    for (const [who, email] of Object.entries({
      admin: 'admin@petrocrm.cn', manager: 'manager.ec@petrocrm.cn', zhang: 'rep.zhang@petrocrm.cn', sun: 'rep.sun@petrocrm.cn',
      clerk: 'warehouse@petrocrm.cn', service: 'service@petrocrm.cn', viewer: 'viewer@petrocrm.cn',
    })) as[who] = await loginAs(origin(running.url), email);
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  describe('fuel cards at the pump', () => {
    test('when the station representative fuels a fleet truck past its daily litres, then the API refuses it next to the litres, in Chinese, and nothing is charged', async () => {
      const sun = await demoUser('rep.sun@petrocrm.cn');
      const station = await demoBranch('GS-NJ01');
      const fleet = await createCustomer({ name: '南京通达危化品运输有限公司', customer_type: 'fleet', branch_id: station.id, owner_id: sun.id });
      const diesel = await createProduct({ name: '0#柴油(国VI)', grade: '0#' });
      const master = await FuelCard.create({ customer_id: fleet.id, kind: 'master', master_card_id: null, vehicle_plate: null, holder_name: null, daily_amount_limit: null, branch_id: station.id, notes: null });
      const truck = await FuelCard.create({ customer_id: fleet.id, kind: 'sub', master_card_id: master.id, vehicle_plate: '苏A3H517', holder_name: '陈师傅', daily_amount_limit: null, branch_id: station.id, notes: null });
      await FuelCardLimit.create({ card_id: truck.id, product_id: diesel.id, daily_liters: '300.00' });
      await topUpFuelCard({ id: sun.id, email: sun.email }, master.id, { amount: '20000', stationId: station.id, paymentMethod: 'bank_transfer' });
      const pump = { station_id: String(station.id), product_id: String(diesel.id), unit_price: '7.25' };

      const fuelled = await as.sun.post(records('fuel_cards', truck.id, 'recordFuelling')).send({ ...pump, liters: '220' });
      expect(fuelled.body.notice).toMatchObject({ type: 'success', message: 'fuellingRecorded', options: { liters: '220.00', amount: '1595.00', balance: '18405.00' } });

      const before = await fingerprintWorkflowTables(running.database.sequelize);
      const refused = await as.sun.post(records('fuel_cards', truck.id, 'recordFuelling')).send({ ...pump, liters: '100' });
      expect(refused.status).toBe(200);
      expect(refused.body.notice).toMatchObject({ type: 'error', message: 'fuelDailyLitersExceeded' });
      expect(refused.body.record.errors).toEqual({ liters: { message: 'fuelDailyLitersExceeded', type: 'businessRule' } });
      expect(translate('zh-CN', refused.body.notice.message, refused.body.notice.options))
        .toBe(`加油卡 苏A3H517（…${truck.card_no.slice(-4)}） 今日 0# 限 300.00 升, 已加 220.00 升, 本次 100.00 升将超出 20.00 升, 已拒绝`);
      expect(await fingerprintWorkflowTables(running.database.sequelize)).toEqual(before);
      expect((await master.reload()).balance).toBe('18405.00');
      expect(await FuelCardTransaction.count({ where: { card_id: truck.id } })).toBe(1);
    });

    test('a representative cannot fuel, top up or even see another representative\'s fleet card; a GET changes no balance', async () => {
      const [card] = await FuelCard.findAll({ where: { kind: 'master' }, order: [['id', 'ASC']], limit: 1 });
      const fleetOwner = (await card.reload({ include: ['customer'] })) as FuelCard & { customer: { owner_id: number } };
      const zhang = await demoUser('rep.zhang@petrocrm.cn');
      expect(fleetOwner.customer.owner_id).not.toBe(zhang.id);
      const balance = card.balance;
      expect((await as.zhang.post(records('fuel_cards', card.id, 'topUp')).send({ amount: '100', station_id: '1', payment_method: 'cash' })).status).toBe(403);
      expect((await as.zhang.get(records('fuel_cards', card.id, 'show'))).status).toBe(403);
      expect((await as.admin.get(records('fuel_cards', card.id, 'recordFuelling'))).status).toBe(200);
      expect((await card.reload()).balance).toBe(balance);
    });

    test('when the station representative issues a sub-card with the plate typed loosely, then it is stored as registered, under the fleet\'s master, owned by its customer\'s branch', async () => {
      const sun = await demoUser('rep.sun@petrocrm.cn');
      const station = await demoBranch('GS-NJ01');
      const fleet = await createCustomer({ name: '南京长江客运车队', customer_type: 'fleet', branch_id: station.id, owner_id: sun.id });
      const master = await FuelCard.create({ customer_id: fleet.id, kind: 'master', master_card_id: null, vehicle_plate: null, holder_name: null, daily_amount_limit: null, branch_id: station.id, notes: null });
      const issued = await as.sun.post(resourceAction('fuel_cards', 'new')).send({
        customer_id: String(fleet.id), kind: 'sub', master_card_id: String(master.id), vehicle_plate: '苏a 7k 315', holder_name: '周师傅', daily_amount_limit: '1500',
      });
      expect(issued.body.notice).toMatchObject({ type: 'success' });
      const card = await FuelCard.findByPk(Number(issued.body.record.params.id), { rejectOnEmpty: true });
      expect(card).toMatchObject({ vehicle_plate: '苏A7K315', kind: 'sub', master_card_id: master.id, balance: '0.00', status: 'active', branch_id: station.id });
      expect(card.card_no).toMatch(/^100011\d{13}$/);
    });

    test('churn per station lists the company\'s gas stations from the card volume', async () => {
      const churn = await as.viewer.get(resourceAction('fuel_card_transactions', 'stationChurn'));
      expect(churn.body.table.rows.map((row: { station_code: string }) => row.station_code)).toEqual(['GS-GZ01', 'GS-NJ01']);
      expect(churn.body.table.summary).toEqual({ message: 'stationChurnSummary', options: { days: 90, stations: 2 } });
    });
  });

  describe('shipping and arrival', () => {
    test('when the warehouse ships with a tank truck\'s plate and seal, then the order\'s shipments carry them; a wrong plate is refused on its field and the order stays confirmed', async () => {
      const clerk = await demoUser('warehouse@petrocrm.cn');
      const [customer, warehouse, glycol] = await Promise.all([createCustomer(), createWarehouse(), createProduct({ name: '乙二醇 MEG 优级品' })]);
      await receiveStock({ productId: glycol.id, warehouseId: warehouse.id, quantity: '100', batchNo: 'EG-2606-07' }, { id: clerk.id, email: clerk.email });
      const order = await createOrder(customer, warehouse, [{ productId: glycol.id, quantity: '32.500', unitPrice: '4500.00' }], { shipping_method: 'tank_truck' });
      await confirmOrder(order.id, { id: clerk.id, email: clerk.email });

      const wrong = await as.clerk.post(records('sales_orders', order.id, 'ship')).send({ transport_mode: 'tank_truck', conveyance: 'AB-1234', seal_no: 'QF-1' });
      expect(wrong.body.notice).toMatchObject({ type: 'error', message: 'plateInvalid' });
      expect(wrong.body.record.errors.conveyance).toEqual({ message: 'plateInvalid', type: 'businessRule' });
      expect((await order.reload()).status).toBe('confirmed');

      const shipped = await as.clerk.post(records('sales_orders', order.id, 'ship')).send({ transport_mode: 'tank_truck', conveyance: '苏A·8F217', seal_no: 'QF-2206118' });
      expect(shipped.body.notice).toMatchObject({ type: 'success', message: 'orderShipped' });
      const [shipment] = await Shipment.findAll({ where: { order_id: order.id } });
      expect(shipment).toMatchObject({ vehicle_plate: '苏A8F217', seal_no: 'QF-2206118', loaded_quantity: '32.500', transport_mode: 'tank_truck', status: 'in_transit' });

      // 0.1 % of 32.5 t is 32.5 kg: 20 kg lost is within it.
      const arrived = await as.clerk.post(records('shipments', shipment.id, 'recordArrival')).send({ received_quantity: '32.480' });
      expect(arrived.body.notice).toMatchObject({ type: 'success', message: 'arrivalRecorded', options: { loss: '0.020', unit: '吨', tolerance: '0.100' } });
      expect(arrived.body.record.params).toMatchObject({ status: 'received', loss_quantity: '0.020', loss_within_tolerance: true });
      const again = await as.clerk.post(records('shipments', shipment.id, 'recordArrival')).send({ received_quantity: '30' });
      expect(again.body.notice).toMatchObject({ type: 'error', message: 'shipmentAlreadyReceived' });
      expect((await shipment.reload()).received_quantity).toBe('32.480');
    });
  });

  describe('the batch trace of a quality complaint', () => {
    test('when a representative and the service desk trace the same batch, then the representative sees only their own customers among those who received it', async () => {
      const clerk = await demoUser('warehouse@petrocrm.cn');
      const zhang = await demoUser('rep.zhang@petrocrm.cn');
      const liu = await demoUser('rep.liu@petrocrm.cn');
      const [resin, warehouse] = await Promise.all([createProduct({ name: 'PP T30S' }), createWarehouse()]);
      await receiveStock({ productId: resin.id, warehouseId: warehouse.id, quantity: '80', batchNo: 'PP-2605-11' }, { id: clerk.id, email: clerk.email });
      const mine = await createCustomer({ name: '张伟的编织袋厂', owner_id: zhang.id });
      const theirs = await createCustomer({ name: '刘洋的编织袋厂', owner_id: liu.id });
      for (const customer of [mine, theirs]) {
        const order = await createOrder(customer, warehouse, [{ productId: resin.id, quantity: '20.000', unitPrice: '7600.00' }]);
        await confirmOrder(order.id, { id: clerk.id, email: clerk.email });
        await as.clerk.post(records('sales_orders', order.id, 'ship')).send({ transport_mode: 'bagged_truck', conveyance: '苏A52718' });
      }
      const ticket = await Ticket.create({
        subject: 'PP T30S 拉丝断头', kind: 'quality_complaint', customer_id: mine.id, branch_id: mine.branch_id, product_id: resin.id, batch_no: 'PP-2605-11',
      });
      const names = (answer: request.Response) => answer.body.trace.recipients.map((row: { customer_name: string }) => row.customer_name);

      const byService = await as.service.get(records('tickets', ticket.id, 'traceBatch'));
      expect(names(byService)).toEqual(['张伟的编织袋厂', '刘洋的编织袋厂']);
      expect(byService.body.trace.batch).toMatchObject({ batch_no: 'PP-2605-11', product_name: 'PP T30S' });
      const byRep = await as.zhang.get(records('tickets', ticket.id, 'traceBatch'));
      expect(byRep.status).toBe(200);
      expect(names(byRep)).toEqual(['张伟的编织袋厂']);
      expect(await StockMovement.count({ where: { batch_no: 'PP-2605-11', kind: 'shipment' } })).toBe(2);
    });
  });

  describe('contract lifting and lifetime value', () => {
    test('the lifting overview lists only the contracts in the employee\'s scope, under-lifted months first', async () => {
      const manager = await as.manager.get(resourceAction('contracts', 'liftingOverview'));
      const all = await as.admin.get(resourceAction('contracts', 'liftingOverview'));
      const branchOf = async (contractIds: number[]) => new Set((await running.database.sequelize.query<{ code: string }>(
        `SELECT DISTINCT b.code FROM contracts c JOIN branches b ON b.id = c.branch_id WHERE c.id = ANY($1)`, { bind: [contractIds], type: 'SELECT' as never },
      )).map((row) => row.code));
      const ids = (answer: request.Response) => answer.body.table.rows.map((row: { contract_id: number }) => row.contract_id);
      expect([...(await branchOf(ids(manager)))].every((code) => ['EC', 'GS-NJ01'].includes(code))).toBe(true);
      expect((await branchOf(ids(all))).size).toBeGreaterThan(1);
      const flags = all.body.table.rows.map((row: { under: boolean }) => row.under);
      expect(flags.indexOf(false)).toBeGreaterThan(0);
      expect(flags.slice(flags.indexOf(false)).includes(true)).toBe(false);
    });

    test('a representative may not read lifetime value or filter by it; a manager reads it on the customer\'s page', async () => {
      const zhang = await demoUser('rep.zhang@petrocrm.cn');
      const [customerId] = (await running.database.sequelize.query<{ id: number }>(
        `SELECT id FROM customers WHERE owner_id = $1 AND lifetime_value > 0 LIMIT 1`, { bind: [zhang.id], type: 'SELECT' as never },
      )).map((row) => row.id);
      const byRep = await as.zhang.get(records('customers', customerId, 'show'));
      expect(byRep.status).toBe(200);
      expect(Object.keys(byRep.body.record.params)).not.toEqual(expect.arrayContaining(['lifetime_value']));
      expect(byRep.body.record.params.margin_to_date).toBeUndefined();
      expect((await as.zhang.get(resourceAction('customers', 'list')).query({ 'filters.lifetime_value': '0' })).status).toBe(403);
      const byManager = await as.manager.get(records('customers', customerId, 'show'));
      expect(Number(byManager.body.record.params.lifetime_value)).toBeGreaterThan(0);
      expect((await as.zhang.get(resourceAction('customers', 'lifetimeValueByStation'))).status).toBe(403);
      const stations = await as.manager.get(resourceAction('customers', 'lifetimeValueByStation'));
      expect(stations.body.table.rows.map((row: { branch_code: string }) => row.branch_code).sort()).toEqual(['EC', 'GS-NJ01']);
    });
  });
});
