import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createProduct, demoBranch } from '../../support/fixtures.js';
import { recordFuelling } from '../../../src/domain/fuel-cards/record-fuelling.js';
import { topUpFuelCard } from '../../../src/domain/fuel-cards/top-up-fuel-card.js';
import { changeFuelCardStatus } from '../../../src/domain/fuel-cards/change-fuel-card-status.js';
import { mergeCustomers } from '../../../src/domain/customers/merge-customers.js';
import { BusinessRuleError } from '../../../src/errors/business-rule-error.js';
import { Branch, FuelCard, FuelCardLimit, FuelCardTopUp, FuelCardTransaction, type Customer, type Product } from '../../../src/models/index.js';
import { translate } from '../../../src/i18n/translate.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, auditOf, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';
import { everyRowAs } from '../../support/scopes.js';

describe('fleet fuel cards: top-ups, and fuellings refused over a limit', () => {
  let db: DomainDatabase;
  let attendant: Actor;
  let station: Branch;
  let fleet: Customer;
  let diesel: Product;
  let gasoline: Product;

  // 07:00 and 23:30 on 3 June in Beijing: one business day, though in UTC the first is still 2 June.
  const MORNING = new Date('2026-06-02T23:00:00Z');
  const LATE_EVENING = new Date('2026-06-03T15:30:00Z');
  const NEXT_MORNING = new Date('2026-06-04T00:30:00Z');

  beforeAll(async () => {
    db = await openDomainDatabase();
    attendant = await actorFor('rep.sun@petrocrm.cn');
    station = await demoBranch('GS-NJ01');
    fleet = await createCustomer({ name: '南京顺达物流有限公司', customer_type: 'fleet', branch_id: station.id });
    [diesel, gasoline] = await Promise.all([createProduct({ name: '0#柴油(国VI)', grade: '0#' }), createProduct({ name: '92#汽油(国VI)', grade: '92#' })]);
  });
  afterAll(() => db.close());

  /** A master card with ¥`balance` and a sub-card for 苏A… limited to 400 L of diesel a day. */
  async function fleetCards(balance = '5000.00', plate = '苏A12345') {
    const master = await FuelCard.create({ customer_id: fleet.id, kind: 'master', master_card_id: null, vehicle_plate: null, holder_name: null, daily_amount_limit: null, branch_id: station.id, notes: null });
    const sub = await FuelCard.create({ customer_id: fleet.id, kind: 'sub', master_card_id: master.id, vehicle_plate: plate, holder_name: '王师傅', daily_amount_limit: null, branch_id: station.id, notes: null });
    await FuelCardLimit.create({ card_id: sub.id, product_id: diesel.id, daily_liters: '400.00' });
    await topUpFuelCard(attendant, master.id, { amount: balance, stationId: station.id, paymentMethod: 'bank_transfer', reference: 'HD-1' });
    return { master, sub };
  }

  const fuel = (cardId: number, liters: string, at: Date, product: Product = diesel) =>
    recordFuelling(attendant, cardId, { stationId: station.id, productId: product.id, liters, unitPrice: '7.20', occurredAt: at });

  test('when a sub-card fuels within its limits, then the master pays, and the fuelling records the plate, the business day and the balance left', async () => {
    const { master, sub } = await fleetCards();
    const fuelling = await fuel(sub.id, '250.50', MORNING);
    expect(fuelling.transaction).toMatchObject({
      card_id: sub.id, master_card_id: master.id, customer_id: fleet.id, station_id: station.id, vehicle_plate: sub.vehicle_plate,
      liters: '250.50', unit_price: '7.20', amount: '1803.60', balance_after: '3196.40', business_day: '2026-06-03',
    });
    expect((await master.reload()).balance).toBe('3196.40');
    expect((await sub.reload()).balance).toBe('0.00');
    expect(await auditOf('fuel_card_transactions', fuelling.transaction.id)).toEqual([expect.objectContaining({ action: 'recordFuelling', user_email: attendant.email })]);
  });

  test('when a fuelling would pass the card\'s litres of the grade for the day, then it is refused, nothing is charged, and the next day it is allowed', async () => {
    const { master, sub } = await fleetCards();
    await fuel(sub.id, '300.00', MORNING);
    const refusal = await expectRefusedWithoutChanges(db.sequelize, () => fuel(sub.id, '150.00', LATE_EVENING), 'fuelDailyLitersExceeded', undefined, 'liters');
    expect(refusal.params).toEqual({ card: `${sub.vehicle_plate}（…${sub.card_no.slice(-4)}）`, grade: '0#', limit: '400.00', used: '300.00', requested: '150.00', over: '50.00' });
    expect(translate('zh-CN', refusal.code, refusal.params)).toBe(`加油卡 ${sub.vehicle_plate}（…${sub.card_no.slice(-4)}） 今日 0# 限 400.00 升, 已加 300.00 升, 本次 150.00 升将超出 50.00 升, 已拒绝`);
    expect((await master.reload()).balance).toBe('2840.00');
    expect(await FuelCardTransaction.count({ where: { card_id: sub.id } })).toBe(1);

    await fuel(sub.id, '100.00', LATE_EVENING);
    await fuel(sub.id, '150.00', NEXT_MORNING);
    expect((await master.reload()).balance).toBe('1040.00');
  });

  test('when the card may not buy the grade, or is frozen, or its master is, then it is refused', async () => {
    const { master, sub } = await fleetCards();
    await expectRefusedWithoutChanges(db.sequelize, () => fuel(sub.id, '40.00', MORNING, gasoline), 'fuelGradeNotAllowed', undefined, 'product_id');
    await changeFuelCardStatus(attendant, master.id, 'freezeFuelCard', '车队欠款');
    await expectRefusedWithoutChanges(db.sequelize, () => fuel(sub.id, '40.00', MORNING), 'fuelCardMaster_frozen');
    await changeFuelCardStatus(attendant, master.id, 'unfreezeFuelCard', '已结清');
    await changeFuelCardStatus(attendant, sub.id, 'freezeFuelCard', '司机挂失');
    await expectRefusedWithoutChanges(db.sequelize, () => fuel(sub.id, '40.00', MORNING), 'fuelCard_frozen');
  });

  test('when a day\'s yuan would pass the card\'s limit or the whole fleet\'s, or the balance, then it is refused', async () => {
    const { master, sub } = await fleetCards('3000.00');
    const other = await FuelCard.create({ customer_id: fleet.id, kind: 'sub', master_card_id: master.id, vehicle_plate: '苏A7P001', holder_name: null, daily_amount_limit: '500.00', branch_id: station.id, notes: null });
    await fuel(other.id, '60.00', MORNING); // ¥432.00
    await expectRefusedWithoutChanges(db.sequelize, () => fuel(other.id, '10.00', MORNING), 'fuelDailyAmountExceeded', undefined, 'liters');

    await master.update({ daily_amount_limit: '2000.00' });
    await fuel(sub.id, '200.00', MORNING); // ¥1,440.00, the fleet at ¥1,872.00 today
    await expectRefusedWithoutChanges(db.sequelize, () => fuel(sub.id, '20.00', MORNING), 'fuelFleetDailyAmountExceeded', undefined, 'liters');
    await master.update({ daily_amount_limit: null });
    await expectRefusedWithoutChanges(db.sequelize, () => fuel(sub.id, '190.00', MORNING), 'fuelCardBalanceShort', { card: master.card_no, balance: '1128.00', requested: '1368.00' }, 'liters');
  });

  test('when fuelling is recorded somewhere that is not a gas station, or money is put on a sub-card, then it is refused', async () => {
    const { sub } = await fleetCards();
    const office = await demoBranch('EC');
    await expectRefusedWithoutChanges(db.sequelize, () => recordFuelling(attendant, sub.id, { stationId: office.id, productId: diesel.id, liters: '10', unitPrice: '7.20' }), 'fuellingOnlyAtStations', { branch: office.name }, 'station_id');
    await expectRefusedWithoutChanges(db.sequelize, () => topUpFuelCard(attendant, sub.id, { amount: '100', stationId: station.id, paymentMethod: 'cash' }), 'topUpMasterOnly');
    await expectRefusedWithoutChanges(db.sequelize, () => fuel(sub.id, '12.345', MORNING), 'fuelAmountInvalid', { value: '12.345' }, 'liters');
  });

  test('when six fuellings of 100 L hit one card at the same moment, then exactly four pass its 400 L and the master pays for four', async () => {
    const { master, sub } = await fleetCards('10000.00');
    const outcomes = await Promise.allSettled(Array.from({ length: 6 }, () => fuel(sub.id, '100.00', MORNING)));
    const refused = outcomes.filter((outcome) => outcome.status === 'rejected').map((outcome) => outcome.reason);
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(4);
    expect(refused.every((reason) => reason instanceof BusinessRuleError && reason.code === 'fuelDailyLitersExceeded')).toBe(true);
    expect((await master.reload()).balance).toBe('7120.00');
  });

  test('when the fleet turns out to be a duplicate and is merged, then its cards, top-ups and fuellings belong to the surviving customer', async () => {
    const duplicate = fleet;
    const { master, sub } = await fleetCards();
    await fuel(sub.id, '100.00', MORNING);
    const survivor = await createCustomer({ name: '南京顺达物流集团', customer_type: 'fleet', branch_id: station.id });
    const moved = await mergeCustomers(everyRowAs(attendant), { survivorId: survivor.id, duplicateId: duplicate.id });
    expect(moved.fuel_cards).toBeGreaterThanOrEqual(2);
    const customersOf = async () => ({
      cards: (await FuelCard.findAll({ where: { id: [master.id, sub.id] } })).map((card) => card.customer_id),
      topUps: (await FuelCardTopUp.findAll({ where: { card_id: master.id } })).map((row) => row.customer_id),
      fuellings: (await FuelCardTransaction.findAll({ where: { card_id: sub.id } })).map((row) => row.customer_id),
    });
    expect(await customersOf()).toEqual({ cards: [survivor.id, survivor.id], topUps: [survivor.id], fuellings: [survivor.id] });
    fleet = survivor;
  });

  test('whoever writes them, a sub-card holding money, a sub-card under another fleet\'s master and a negative balance are refused by PostgreSQL', async () => {
    const { master, sub } = await fleetCards();
    await expect(sub.update({ balance: '10.00' })).rejects.toMatchObject({ parent: { constraint: 'fuel_cards_sub_holds_no_money' } });
    const stranger = await createCustomer({ customer_type: 'fleet' });
    await expect(FuelCard.create({ customer_id: stranger.id, kind: 'sub', master_card_id: master.id, vehicle_plate: '苏A0X001', holder_name: null, daily_amount_limit: null, branch_id: station.id, notes: null }))
      .rejects.toMatchObject({ parent: { code: '23503' } });
    await expect(master.update({ balance: '-1.00' })).rejects.toMatchObject({ parent: { code: '23514' } });
  });
});
