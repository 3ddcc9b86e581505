import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch } from '../../support/fixtures.js';
import { recomputeLifetimeValues } from '../../../src/domain/analysis/recompute-lifetime-value.js';
import { lifetimeValueByBranch } from '../../../src/domain/analysis/lifetime-value-by-branch.js';
import { SYSTEM_SCOPE } from '../../../src/access/authorisation/data-scope.js';
import { Branch, Customer, type Product, type Warehouse } from '../../../src/models/index.js';

describe('customer lifetime value: margin to date plus the margin expected from order rhythm and churn state', () => {
  let db: DomainDatabase;
  let resin: Product;
  let uncosted: Product;
  let warehouse: Warehouse;
  const AS_OF = new Date('2026-06-30T04:00:00Z');

  beforeAll(async () => {
    db = await openDomainDatabase();
    [resin, uncosted, warehouse] = await Promise.all([
      createProduct({ list_price: '8200.00', cost_price: '7000.00' }), createProduct({ list_price: '5000.00', cost_price: null }), createWarehouse(),
    ]);
  });
  afterAll(() => db.close());

  /** The same order history for every customer: four orders that count, a draft and a cancelled one that do not. */
  async function customerWithOrders(status: Customer['status'], branchId?: number): Promise<Customer> {
    const customer = await createCustomer({ status, ...(branchId ? { branch_id: branchId } : {}) });
    const order = (date: string, lines: Array<[Product, string, string, string?]>, orderStatus: 'closed' | 'draft' | 'cancelled' = 'closed') =>
      createOrder(customer, warehouse, lines.map(([product, quantity, unitPrice, discountPct]) => ({ productId: product.id, quantity, unitPrice, discountPct })), { order_date: date, status: orderStatus });
    await order('2025-01-10', [[resin, '10', '7500.00']]); // margin 5 000, more than 12 months ago
    await order('2026-03-01', [[resin, '10', '8000.00']]); // margin 10 000
    await order('2026-04-15', [[resin, '5', '7800.00'], [uncosted, '2', '5000.00']]); // margin 4 000; the uncosted line adds nothing
    await order('2026-06-14', [[resin, '10', '8100.00', '1.00']]); // 80 190.00 − 70 000 = 10 190
    await order('2026-06-20', [[resin, '100', '9000.00']], 'draft');
    await order('2026-06-21', [[resin, '100', '9000.00']], 'cancelled');
    return customer;
  }

  test('when an active customer orders every 173⅓ days on average with ¥8,063.33 margin an order, then CLV is ¥29,190 to date plus ¥45,278.72 expected', async () => {
    const active = await customerWithOrders('active');
    await recomputeLifetimeValues({ scope: SYSTEM_SCOPE, asOf: AS_OF, customerIds: [active.id] });
    await active.reload();
    // Expected: 24 190 ÷ 3 a recent order × 365 ÷ ((415 + 45 + 60) ÷ 3) orders a year × 0.8 ÷ (1 + 0.1 − 0.8).
    expect({ margin: active.margin_to_date, expected: active.expected_margin, value: active.lifetime_value })
      .toEqual({ margin: '29190.00', expected: '45278.72', value: '74468.72' });
    expect(active.lifetime_value_at).toEqual(AS_OF);
  });

  test('when the same history belongs to an at-risk or a churned customer, then less or nothing more is expected', async () => {
    const atRisk = await customerWithOrders('at_risk');
    const churned = await customerWithOrders('churned');
    await recomputeLifetimeValues({ scope: SYSTEM_SCOPE, asOf: AS_OF, customerIds: [atRisk.id, churned.id] });
    // 0.4 ÷ (1.1 − 0.4) instead of 0.8 ÷ 0.3: 24 190 ÷ 3 × 1095 ÷ 520 × 4 ÷ 7.
    expect(await atRisk.reload()).toMatchObject({ margin_to_date: '29190.00', expected_margin: '9702.58', lifetime_value: '38892.58' });
    expect(await churned.reload()).toMatchObject({ margin_to_date: '29190.00', expected_margin: '0.00', lifetime_value: '29190.00' });
  });

  test('when lifetime values are summed per branch, then each branch shows its own customers\' values within the caller\'s scope', async () => {
    const parent = await demoBranch('SC');
    const outlet = await Branch.create({ code: 'GS-CLV', name: '佛山南海加油站', kind: 'gas_station', parent_id: parent.id, region: '华南', address: null, phone: null });
    const first = await customerWithOrders('active', outlet.id);
    const second = await customerWithOrders('churned', outlet.id);
    await recomputeLifetimeValues({ scope: SYSTEM_SCOPE, asOf: AS_OF, customerIds: [first.id, second.id] });

    const [row] = (await lifetimeValueByBranch(SYSTEM_SCOPE)).filter((candidate) => candidate.branch_id === outlet.id);
    expect(row).toEqual({
      branch_id: outlet.id, branch_code: 'GS-CLV', branch_name: '佛山南海加油站', branch_kind: 'gas_station', customers: 2,
      margin_to_date: '58380.00', expected_margin: '45278.72', lifetime_value: '103658.72', average_lifetime_value: '51829.36',
    });
    const onlyFirst = await lifetimeValueByBranch({ rowsOf: (table, idColumn) => (table === 'customers' ? `${idColumn} IN (SELECT id FROM customers WHERE id = ${first.id})` : 'TRUE') });
    expect(onlyFirst).toEqual([expect.objectContaining({ branch_id: outlet.id, customers: 1, lifetime_value: '74468.72' })]);
  });
});
