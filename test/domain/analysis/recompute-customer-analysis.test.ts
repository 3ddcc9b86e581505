import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { migrate } from '../../../src/db/migrator.js';
import { AuditLog, Branch, Customer, type Product, type SalesOrder, type Warehouse } from '../../../src/models/index.js';
import { recomputeCustomerAnalysis } from '../../../src/domain/analysis/recompute-customer-analysis.js';
import { churnByBranch } from '../../../src/domain/analysis/churn-by-branch.js';
import { SYSTEM_SCOPE } from '../../../src/access/authorisation/data-scope.js';

/**
 * A company of our own, on an empty database: every order below is one we made, so grades, RFM
 * and churn can be computed by hand. The analysis is as of 30 June 2026, so the 12 months are
 * 1 July 2025 – 30 June 2026.
 */
const AS_OF = new Date(2026, 5, 30, 12, 0, 0);

describe('customer analysis: grade, RFM and churn', () => {
  let db: DomainDatabase;
  let product: Product;
  let warehouse: Warehouse;
  let station: Branch;
  const customers: Record<string, Customer> = {};

  async function customer(key: string, values: Partial<Customer['_creationAttributes']>, created?: string): Promise<Customer> {
    const row = await createCustomer({ name: `客户 ${key}`, ...values });
    if (created) await Customer.update({ created_at: new Date(`${created}T08:00:00`) }, { where: { id: row.id }, silent: true });
    customers[key] = row;
    return row;
  }

  /** One order of one line: 1 ton at the given price, so its total is the price. */
  async function order(key: string, date: string, amount: string, status: SalesOrder['status'] = 'delivered') {
    await createOrder(customers[key], warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: amount }], { order_date: date, status });
  }

  beforeAll(async () => {
    db = await openDomainDatabase('empty');
    await migrate(db.sequelize);
    await Branch.create({ code: 'EC', name: '华东分公司', kind: 'branch', parent_id: null, region: '华东', address: null, phone: null });
    station = await Branch.create({ code: 'GS-NJ01', name: '南京江北加油站', kind: 'gas_station', parent_id: null, region: '华东', address: null, phone: null });
    product = await createProduct();
    warehouse = await createWarehouse();

    await customer('C1', { status: 'active' });
    await order('C1', '2026-06-20', '50000.00', 'confirmed');
    await order('C1', '2026-06-25', '99999.00', 'cancelled');
    await customer('C2', { status: 'active' });
    await order('C2', '2026-01-10', '10000.00', 'closed');
    await order('C2', '2026-03-10', '10000.00', 'delivered');
    await order('C2', '2026-05-10', '10000.00', 'shipped');
    await customer('C3', { status: 'active' });
    await order('C3', '2026-02-01', '5000.00');
    await order('C3', '2026-04-01', '5000.00');
    await customer('C4', { status: 'active' });
    await order('C4', '2025-12-01', '5000.00');
    await customer('C5', { status: 'prospect' });
    await order('C5', '2026-06-29', '3000.00');
    await order('C5', '2026-07-05', '8000.00');
    await customer('C6', { status: 'at_risk', branch_id: station.id });
    await order('C6', '2026-06-01', '1000.00');
    await customer('C7', { status: 'active', branch_id: station.id });
    await order('C7', '2025-03-01', '40000.00');
    await customer('C8', { status: 'prospect' });
    await customer('C9', { status: 'prospect' });
    await order('C9', '2026-06-10', '7000.00', 'draft');
    await order('C9', '2026-06-11', '7000.00', 'cancelled');
    await customer('C10', { status: 'churned', branch_id: station.id });
    await order('C10', '2026-06-15', '1000.00');
    await customer('C11', { status: 'active' }, '2026-06-20');
    await customer('C12', { status: 'active', branch_id: station.id }, '2026-03-01');
    await customer('C13', { status: 'active', merged_into_id: customers.C1.id });
    await order('C13', '2026-06-01', '60000.00');
  });
  afterAll(() => db.close());

  test('when all customers are analysed, then each gets the grade, RFM, status, revenue and last order computed by hand', async () => {
    const counts = await recomputeCustomerAnalysis({ asOf: AS_OF, scope: SYSTEM_SCOPE });
    // Revenue in the window: C1 50 000, C2 30 000, C3 10 000, C4 5 000, C5 3 000, C6 1 000, C10 1 000 = 100 000.
    // Pareto, largest first, by the share before each: C1 0 % A, C2 50 % A, C3 80 % B, C4 90 % B, C5 95 % C, then C.
    // RFM among the 7 buyers, 1 + ⌊5 × (buyers below) / 7⌋: 0→1, 1→1, 2→2, 3→3, 4→3, 5→4, 6→5.
    const expected: Record<string, [string, string, number | null, number | null, number | null, string, string | null]> = {
      //     grade status     R     F     M     revenue_12m  last_order_on
      C1: ['A', 'active', 4, 1, 5, '50000.00', '2026-06-20'],
      C2: ['A', 'active', 2, 5, 4, '30000.00', '2026-05-10'],
      C3: ['B', 'at_risk', 1, 4, 3, '10000.00', '2026-04-01'], // exactly 90 days without an order
      C4: ['B', 'churned', 1, 1, 3, '5000.00', '2025-12-01'], // 211 days
      C5: ['C', 'active', 5, 1, 2, '3000.00', '2026-06-29'], // a prospect's first order makes it active; July's order is after the analysis
      C6: ['C', 'active', 3, 1, 1, '1000.00', '2026-06-01'], // was at risk, ordered again
      C7: ['C', 'churned', 1, 1, 1, '0.00', '2025-03-01'], // bought, but not in the last 12 months
      C8: ['C', 'prospect', null, null, null, '0.00', null],
      C9: ['C', 'prospect', null, null, null, '0.00', null], // drafts and cancelled orders are not orders
      C10: ['C', 'active', 3, 1, 1, '1000.00', '2026-06-15'], // was churned, ordered again
      C11: ['C', 'active', null, null, null, '0.00', null], // active for 10 days, no order yet
      C12: ['C', 'at_risk', null, null, null, '0.00', null], // active for 121 days without an order
    };
    for (const [key, [grade, status, recency, frequency, monetary, revenue, lastOrder]] of Object.entries(expected)) {
      const row = await customers[key].reload();
      expect({ key, grade: row.grade, status: row.status, recency: row.recency_score, frequency: row.frequency_score, monetary: row.monetary_score, revenue: row.revenue_12m, lastOrder: row.last_order_on })
        .toEqual({ key, grade, status, recency, frequency, monetary, revenue, lastOrder });
      expect(row.analysed_at).toEqual(AS_OF);
    }
    expect(counts).toEqual({
      analysed: 12,
      statusChanged: 7,
      byGrade: { A: 2, B: 2, C: 8 },
      byStatus: { prospect: 2, active: 6, at_risk: 2, churned: 2 },
    });
  });

  test('a customer merged into another is not analysed', async () => {
    const merged = await customers.C13.reload();
    expect(merged).toMatchObject({ grade: null, status: 'active', analysed_at: null, revenue_12m: '0.00' });
  });

  test('the run is audited with its counts', async () => {
    const audit = await AuditLog.findOne({ where: { action: 'recomputeAnalysis' }, order: [['id', 'DESC']], rejectOnEmpty: true });
    expect(audit).toMatchObject({ user_email: 'system', resource: 'customers', record_id: null });
    expect(audit.changes).toMatchObject({ details: { analysed: 12, byGrade: { A: 2, B: 2, C: 8 }, thresholds: { atRiskDays: 90, churnedDays: 180 } } });
  });

  test('when run again days later with other thresholds, then statuses follow the thresholds and later orders count', async () => {
    const counts = await recomputeCustomerAnalysis({ asOf: new Date(2026, 6, 5, 12), thresholds: { atRiskDays: 30, churnedDays: 60 }, scope: SYSTEM_SCOPE });
    expect(await customers.C2.reload()).toMatchObject({ status: 'at_risk', grade: 'A' }); // 56 days: past 30, not yet 60
    expect(await customers.C3.reload()).toMatchObject({ status: 'churned', grade: 'B' }); // 95 days
    expect(await customers.C6.reload()).toMatchObject({ status: 'at_risk' }); // 34 days
    expect(await customers.C5.reload()).toMatchObject({ status: 'active', last_order_on: '2026-07-05', revenue_12m: '11000.00' });
    expect(counts.analysed).toBe(12);
  });

  test('when run inside a caller\'s transaction that rolls back, then nothing is kept', async () => {
    const before = (await customers.C2.reload()).get({ plain: true, clone: true });
    await db.sequelize
      .transaction(async (transaction) => {
        await recomputeCustomerAnalysis({ asOf: AS_OF, transaction, scope: SYSTEM_SCOPE });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect((await customers.C2.reload()).get({ plain: true, clone: true })).toEqual(before);
  });

  test('churn per outlet counts each branch\'s and gas station\'s customers by status', async () => {
    await recomputeCustomerAnalysis({ asOf: AS_OF, scope: SYSTEM_SCOPE });
    const rows = await churnByBranch(SYSTEM_SCOPE, { branchIds: [station.id] });
    // The station has C6 (active), C7 (churned), C10 (active), C12 (at risk).
    expect(rows).toEqual([
      {
        branch_id: station.id, branch_code: 'GS-NJ01', branch_name: '南京江北加油站', branch_kind: 'gas_station',
        customers: 4, prospect: 0, active: 2, at_risk: 1, churned: 1, churn_rate_pct: '25.0', revenue_12m: '2000.00', revenue_at_risk: '0.00',
      },
    ]);
    expect((await churnByBranch(SYSTEM_SCOPE)).map((row) => row.branch_code)).toEqual(['EC', 'GS-NJ01']);
  });
});
