import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse } from '../../support/fixtures.js';
import { confirmOrder } from '../../../src/domain/sales/confirm-order.js';
import { shipOrder } from '../../../src/domain/sales/ship-order.js';
import { receiveStock } from '../../../src/domain/inventory/receive-stock.js';
import { contractLifting } from '../../../src/domain/contracts/contract-lifting.js';
import { generateMonthlyPlans } from '../../../src/domain/contracts/generate-monthly-plans.js';
import { SYSTEM_SCOPE } from '../../../src/access/authorisation/data-scope.js';
import { Contract, ContractMonthlyPlan, type Customer, type Product, type Warehouse } from '../../../src/models/index.js';
import type { Actor } from '../../../src/audit/audit-log.js';
import { actorFor, expectRefusedWithoutChanges } from '../sales/workflow-test-kit.js';

describe('term contracts: monthly plans against what was lifted', () => {
  let db: DomainDatabase;
  let clerk: Actor;
  let customer: Customer;
  let resin: Product;
  let otherGrade: Product;
  let warehouse: Warehouse;
  let contract: Contract;

  const sql = <T extends object>(query: string, bind: unknown[] = []) => db.sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });

  /** Ships an order for the customer and dates its shipments at `at`, as if it had left then. */
  async function shipped(lines: Array<{ product: Product; tons: string }>, at: string, overrides: { contract?: Contract | null; customer?: Customer } = {}): Promise<void> {
    const order = await createOrder(
      overrides.customer ?? customer, warehouse, lines.map((line) => ({ productId: line.product.id, quantity: line.tons, unitPrice: '8200.00' })),
      { contract_id: overrides.contract === undefined ? contract.id : overrides.contract?.id ?? null, shipping_method: 'bagged_truck' },
    );
    await confirmOrder(order.id, clerk);
    await shipOrder(order.id, clerk, { conveyance: '苏A88888' });
    // The ledger only grows (its trigger refuses any rewrite), so history is dated as a restore would
    // write it: in one transaction with triggers off (superuser-only, the test's own database).
    await db.sequelize.transaction(async (transaction) => {
      await db.sequelize.query(`SET LOCAL session_replication_role = replica`, { transaction });
      await db.sequelize.query(`UPDATE stock_movements SET occurred_at = $2 WHERE order_id = $1`, { bind: [order.id, at], transaction });
      await db.sequelize.query(`UPDATE shipments SET shipped_at = $2 WHERE order_id = $1`, { bind: [order.id, at], transaction });
    });
  }

  beforeAll(async () => {
    db = await openDomainDatabase();
    clerk = await actorFor('warehouse@petrocrm.cn');
    customer = await createCustomer({ name: '常州新华塑编厂' });
    [resin, otherGrade, warehouse] = await Promise.all([createProduct({ name: 'LLDPE 7042' }), createProduct({ name: 'HDPE 5000S' }), createWarehouse()]);
    await receiveStock({ productId: resin.id, warehouseId: warehouse.id, quantity: '2000', batchNo: 'L1', reference: null }, clerk);
    await receiveStock({ productId: otherGrade.id, warehouseId: warehouse.id, quantity: '500', batchNo: 'H1', reference: null }, clerk);
    contract = await Contract.create({
      title: '2026 年 LLDPE 7042 年度长约', customer_id: customer.id, product_id: resin.id, start_date: '2026-01-01', end_date: '2026-12-31',
      committed_quantity: '1800.000', unit: 'ton', monthly_min_quantity: '100.000', monthly_max_quantity: '200.000', status: 'active',
      signed_on: '2025-12-20', owner_id: customer.owner_id, branch_id: customer.branch_id, notes: null,
    });
    const { created, months } = await generateMonthlyPlans(clerk, contract.id);
    expect({ created, months }).toEqual({ created: 12, months: 12 });

    await shipped([{ product: resin, tons: '150' }], '2026-02-10T02:00:00Z');
    await shipped([{ product: resin, tons: '120' }], '2026-03-03T02:00:00Z');
    // 01:30 on 1 April in Beijing: April's lifting, not March's.
    await shipped([{ product: resin, tons: '130' }, { product: otherGrade, tons: '40' }], '2026-03-31T16:00:00Z');
    await shipped([{ product: resin, tons: '30' }], '2026-03-31T17:30:00Z');
    await shipped([{ product: resin, tons: '50' }], '2026-05-06T02:00:00Z');
    // Not under the contract: an order without it, and another customer's.
    await shipped([{ product: resin, tons: '77' }], '2026-02-11T02:00:00Z', { contract: null });
    await shipped([{ product: resin, tons: '88' }], '2026-02-12T02:00:00Z', { contract: null, customer: await createCustomer() });
  });
  afterAll(() => db.close());

  test('when plans are generated, then every month of the period has one, the committed quantity spread within the band', async () => {
    const plans = await ContractMonthlyPlan.findAll({ where: { contract_id: contract.id }, order: [['month', 'ASC']] });
    expect(plans.map((plan) => plan.month)).toEqual(Array.from({ length: 12 }, (_, index) => `2026-${String(index + 1).padStart(2, '0')}-01`));
    expect(plans.every((plan) => plan.min_quantity === '100.000' && plan.planned_quantity === '150.000' && plan.max_quantity === '200.000')).toBe(true);
  });

  test('when orders of the contract ship, then lifted tons per month equal the shipments of its product in that Beijing month', async () => {
    const rows = await contractLifting({ scope: SYSTEM_SCOPE, contractId: contract.id, from: '2026-01-01', to: '2026-12-31', today: '2026-05-15' });
    const fromShipments = await sql<{ month: string; tons: string }>(
      `SELECT to_char(date_trunc('month', s.shipped_at AT TIME ZONE 'Asia/Shanghai'), 'YYYY-MM-DD') AS month, sum(s.loaded_quantity)::text AS tons
         FROM shipments s JOIN sales_orders o ON o.id = s.order_id
        WHERE o.contract_id = $1 AND s.product_id = $2 GROUP BY 1 ORDER BY 1`,
      [contract.id, resin.id],
    );
    const liftedMonths = rows.filter((row) => row.lifted_quantity !== '0.000').map((row) => ({ month: row.month, tons: row.lifted_quantity }));
    expect(liftedMonths).toEqual(fromShipments);
    expect(fromShipments).toEqual([
      { month: '2026-02-01', tons: '150.000' }, { month: '2026-03-01', tons: '120.000' }, { month: '2026-04-01', tons: '160.000' }, { month: '2026-05-01', tons: '50.000' },
    ]);
  });

  test('when a month is over under the minimum, then it is under-lifted with its shortfall; the running month is behind; later months are upcoming', async () => {
    const rows = await contractLifting({ scope: SYSTEM_SCOPE, contractId: contract.id, from: '2026-01-01', to: '2026-07-31', today: '2026-05-15' });
    expect(rows.map((row) => [row.month, row.lifted_quantity, row.shortfall, row.status])).toEqual([
      ['2026-01-01', '0.000', '100.000', 'under'],
      ['2026-02-01', '150.000', '0.000', 'within'],
      ['2026-03-01', '120.000', '0.000', 'within'],
      ['2026-04-01', '160.000', '0.000', 'within'],
      ['2026-05-01', '50.000', '50.000', 'behind'],
      ['2026-06-01', '0.000', '100.000', 'upcoming'],
      ['2026-07-01', '0.000', '100.000', 'upcoming'],
    ]);
    await ContractMonthlyPlan.update({ max_quantity: '140.000', planned_quantity: '120.000' }, { where: { contract_id: contract.id, month: '2026-04-01' } });
    const [april] = await contractLifting({ scope: SYSTEM_SCOPE, contractId: contract.id, from: '2026-04-01', to: '2026-04-30', today: '2026-05-15' });
    expect(april).toMatchObject({ lifted_quantity: '160.000', max_quantity: '140.000', status: 'over' });
  });

  test('when the caller reaches none of the contracts, then nothing is listed', async () => {
    const rows = await contractLifting({ scope: { rowsOf: (table, idColumn) => (table === 'contracts' ? `${idColumn} IN (SELECT id FROM contracts WHERE owner_id = -1)` : 'TRUE') }, from: '2026-01-01', to: '2026-12-31', today: '2026-05-15' });
    expect(rows).toEqual([]);
  });

  test('a plan outside the band or the period, or an order drawing on another customer\'s contract, is refused by PostgreSQL', async () => {
    await expect(ContractMonthlyPlan.update({ planned_quantity: '250.000' }, { where: { contract_id: contract.id, month: '2026-06-01' } }))
      .rejects.toMatchObject({ parent: { constraint: 'contract_monthly_plans_max_within' } });
    await expect(ContractMonthlyPlan.create({ contract_id: contract.id, month: '2027-01-01', min_quantity: '1', planned_quantity: '1', max_quantity: '1', notes: null }))
      .rejects.toMatchObject({ parent: { code: '23514' } });
    const stranger = await createCustomer();
    await expect(createOrder(stranger, warehouse, [], { contract_id: contract.id })).rejects.toMatchObject({ parent: { constraint: 'sales_orders_contract_of_customer' } });
  });

  test('when the contract has no monthly band, then generating plans is refused next to the band', async () => {
    const open = await Contract.create({
      title: '无月度区间的合同', customer_id: customer.id, product_id: resin.id, start_date: '2026-01-01', end_date: '2026-06-30', committed_quantity: null,
      unit: 'ton', monthly_min_quantity: null, monthly_max_quantity: null, status: 'draft', signed_on: null, owner_id: null, branch_id: customer.branch_id, notes: null,
    });
    await expectRefusedWithoutChanges(db.sequelize, () => generateMonthlyPlans(clerk, open.id), 'contractHasNoMonthlyBand', { contract: open.contract_no }, 'monthly_min_quantity');
  });
});
