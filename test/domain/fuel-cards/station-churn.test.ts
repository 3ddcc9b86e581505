import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createProduct, demoBranch, demoUser } from '../../support/fixtures.js';
import { stationChurn } from '../../../src/domain/fuel-cards/station-churn.js';
import { SYSTEM_SCOPE } from '../../../src/access/authorisation/data-scope.js';
import { Branch, FuelCard, FuelCardTransaction, type Customer, type Product } from '../../../src/models/index.js';

describe('churn per gas station, from the card customers\' volume', () => {
  let db: DomainDatabase;
  let station: Branch;
  let diesel: Product;

  beforeAll(async () => {
    db = await openDomainDatabase();
    const parent = await demoBranch('EC');
    station = await Branch.create({ code: 'GS-TEST', name: '南京仙林加油站', kind: 'gas_station', parent_id: parent.id, region: '华东', address: null, phone: null });
    diesel = await createProduct({ name: '0#柴油(国VI)', grade: '0#' });
  });
  afterAll(() => db.close());

  /** A fleet with a master card and its fuellings here: [business day, litres]. */
  async function fleetFuelling(name: string, fuellings: Array<[string, string]>, ownerId: number | null = null): Promise<Customer> {
    const customer = await createCustomer({ name, customer_type: 'fleet', branch_id: station.id, owner_id: ownerId });
    const card = await FuelCard.create({ customer_id: customer.id, kind: 'master', master_card_id: null, vehicle_plate: null, holder_name: null, daily_amount_limit: null, branch_id: station.id, notes: null });
    for (const [day, liters] of fuellings) {
      await FuelCardTransaction.create({
        card_id: card.id, master_card_id: card.id, customer_id: customer.id, station_id: station.id, product_id: diesel.id, vehicle_plate: null,
        liters, unit_price: '7.20', balance_after: '0.00', business_day: day, performed_by_id: null, occurred_at: new Date(`${day}T02:00:00Z`),
      });
    }
    return customer;
  }

  test('when customers stop, halve, keep or start fuelling at a station, then its churn counts them and the volume they took away', async () => {
    const zhang = await demoUser('rep.zhang@petrocrm.cn');
    // Windows of 90 days up to 30 June: 2 April – 30 June now, 2 January – 1 April before.
    await fleetFuelling('稳定车队', [['2026-01-15', '500.00'], ['2026-03-20', '500.00'], ['2026-05-10', '900.00']], zhang.id);
    await fleetFuelling('流失车队', [['2026-02-01', '800.00'], ['2026-04-01', '0.50']]);
    await fleetFuelling('减量车队', [['2026-03-01', '600.00'], ['2026-06-30', '200.00']], zhang.id);
    await fleetFuelling('新客车队', [['2026-04-02', '300.00']]);
    await fleetFuelling('早已不来', [['2025-12-01', '500.00']]);

    const [row] = await stationChurn({ scope: SYSTEM_SCOPE, asOf: '2026-06-30', windowDays: 90, branchId: station.id });

    expect(row).toEqual({
      station_id: station.id, station_code: 'GS-TEST', station_name: '南京仙林加油站',
      customers_before: 3, customers_now: 3, churned: 1, declining: 1, gained: 1,
      liters_before: '2400.50', liters_now: '1400.00', churn_rate_pct: '33.3',
      // Lost with the churned (800.50 L) and the declining (600 → 200 L): 1200.50 of 2400.50.
      volume_churn_pct: '50.0',
    });

    // A representative counts only the customers they own.
    const [own] = await stationChurn({ scope: { rowsOf: (table, idColumn) => (table === 'customers' ? `${idColumn} IN (SELECT id FROM customers WHERE owner_id = ${zhang.id})` : 'TRUE') }, asOf: '2026-06-30', windowDays: 90, branchId: station.id });
    expect(own).toMatchObject({ customers_before: 2, churned: 0, declining: 1, gained: 0, liters_before: '1600.00', liters_now: '1100.00' });
  });
});
