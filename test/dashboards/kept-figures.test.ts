import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoUser } from '../support/fixtures.js';
import { keptFiguresDrift } from '../support/kept-figures.js';
import { REVENUE_ORDER_STATUSES } from '../../src/domain/analysis/revenue.js';
import { SALES_ORDER_STATUSES } from '../../src/models/sales-order.model.js';
import { ProductCategory, SalesOrder } from '../../src/models/index.js';
import { receiveStock } from '../../src/domain/inventory/receive-stock.js';
import { confirmOrder } from '../../src/domain/sales/confirm-order.js';
import { amendConfirmedOrder } from '../../src/domain/sales/amend-confirmed-order.js';
import { cancelOrder } from '../../src/domain/sales/cancel-order.js';
import { recordPayment } from '../../src/domain/credit/record-payment.js';
import { actorFor } from '../domain/sales/workflow-test-kit.js';

/**
 * The statistics page reads its sales figures from rollups triggers keep (migration 0091), every
 * credit figure reads what each order and customer still owes (0092), and the customer figures
 * count current customers from counts (0093), and the receivables' aging per branch or
 * representative reads their sums per day shipped (0094). Here each kind of change that moves them is made as
 * staff or the system would make it, and they must then equal the same figures computed from the
 * orders, lines, payments and customers, row for row.
 * The random workflow sequences of test/domain/sales/stock-and-order-invariants.test.ts check the
 * same after every tenth step.
 */
describe('the figures kept beside the orders equal the orders after every kind of change', () => {
  let db: DomainDatabase;
  beforeAll(async () => {
    db = await openDomainDatabase();
  });
  afterAll(() => db.close());

  const sql = <Row extends object>(text: string, bind: unknown[] = []) => db.sequelize.query<Row>(text, { bind, type: QueryTypes.SELECT });
  /** A statement the state rules would refuse, run with only them off (this test's own database), in one transaction. */
  const withoutStateRules = (statement: string) =>
    db.sequelize.transaction(async (transaction) => {
      await db.sequelize.query('ALTER TABLE sales_orders DISABLE TRIGGER sales_orders_state_rules', { transaction });
      await db.sequelize.query(statement, { transaction });
      await db.sequelize.query('ALTER TABLE sales_orders ENABLE TRIGGER sales_orders_state_rules', { transaction });
    });

  test('the demo company loads into them exactly, and they hold its revenue', async () => {
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
    const [{ rollup, orders }] = await sql<{ rollup: string; orders: string }>(
      `SELECT (SELECT sum(revenue) FROM sales_daily_revenue)::text AS rollup,
              (SELECT sum(total_amount) FROM sales_orders WHERE status IN ('confirmed', 'shipped', 'delivered', 'closed'))::text AS orders`,
    );
    expect(Number(orders)).toBeGreaterThan(0);
    expect(rollup).toBe(orders);
  });

  test('the check finds a change made behind the triggers’ back, in every kept table', async () => {
    const order = await createOrder(await createCustomer(), await createWarehouse(), [{ productId: (await createProduct()).id, quantity: '2', unitPrice: '5000.00' }], { status: 'delivered' });
    const behindTheirBack = db.sequelize.transaction(async (transaction) => {
      // As a restore or a replica's apply would write: no triggers fire.
      await db.sequelize.query('SET LOCAL session_replication_role = replica', { transaction });
      await db.sequelize.query('UPDATE sales_orders SET total_amount = total_amount + 1 WHERE id = $1', { bind: [order.id], transaction });
      await db.sequelize.query('UPDATE sales_order_items SET quantity = quantity + 1 WHERE order_id = $1', { bind: [order.id], transaction });
      await db.sequelize.query(`UPDATE customers SET status = 'at_risk' WHERE id = $1`, { bind: [order.customer_id], transaction });
      const drift = await keptFiguresDrift(db.sequelize, transaction);
      throw new Error(`drift ${[...new Set(drift.map((row) => `${row.rollup}/${row.side}`))].sort().join(' ')}`);
    });
    const tables = ['customer_balances', 'customer_counts', 'open_receivables', 'receivables_by_shipped_day', 'sales_daily_category_revenue', 'sales_daily_revenue'];
    await expect(behindTheirBack).rejects.toThrow(`drift ${tables.flatMap((table) => [`${table}/expected`, `${table}/kept`]).join(' ')}`);
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
  });

  test('the database counts as revenue exactly the statuses the revenue figure counts', async () => {
    const rows = await sql<{ status: string; counts: boolean }>('SELECT s AS status, counts_as_revenue(s) AS counts FROM unnest($1::text[]) AS s', [SALES_ORDER_STATUSES]);
    expect(rows.filter((row) => row.counts).map((row) => row.status).sort()).toEqual([...REVENUE_ORDER_STATUSES].sort());
  });

  test('confirm, amend and cancel through the workflow steps, ten confirmations at once on one owner’s day', async () => {
    const rep = await actorFor('rep.zhang@petrocrm.cn');
    const customer = await createCustomer({ owner_id: rep.id });
    const [bulk, kilos] = [await createProduct(), await createProduct({ unit: 'kg' })];
    const warehouse = await createWarehouse();
    for (const product of [bulk, kilos]) await receiveStock({ productId: product.id, warehouseId: warehouse.id, quantity: '500', batchNo: 'R-1' }, rep);
    const lines = [{ productId: bulk.id, quantity: '1.250', unitPrice: '8000.00' }, { productId: kilos.id, quantity: '3.5', unitPrice: '12.34', discountPct: '2.5' }];
    const orders = await Promise.all(Array.from({ length: 10 }, () => createOrder(customer, warehouse, lines)));

    await Promise.all(orders.map((order) => confirmOrder(order.id, rep)));
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);

    await amendConfirmedOrder(orders[0].id, { reason: '客户追加', lines: [{ productId: kilos.id, quantity: '7.125', unitPrice: '12.34' }] }, rep);
    await cancelOrder(orders[1].id, '客户取消', rep);
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);

    // Paid in part, then in full: the order owes less, then leaves the open receivables.
    const finance = await actorFor('finance@petrocrm.cn');
    await recordPayment(finance, orders[2].id, { amount: '5000.00', receivedOn: '2026-11-30', method: 'bank_transfer' });
    const [{ outstanding }] = await sql<{ outstanding: string }>('SELECT outstanding::text FROM open_receivables WHERE order_id = $1', [orders[2].id]);
    expect(outstanding).toBe((Number(orders[2].total_amount) - 5000).toFixed(2));
    const rest = (Number(orders[2].total_amount) - 5000).toFixed(2);
    await recordPayment(finance, orders[2].id, { amount: rest, receivedOn: '2026-12-01', method: 'cash' });
    expect(await sql('SELECT 1 FROM open_receivables WHERE order_id = $1', [orders[2].id])).toEqual([]);
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
  });

  test('an order moved to another day, branch or owner moves its figures with it', async () => {
    const customer = await createCustomer();
    const product = await createProduct();
    const order = await createOrder(customer, await createWarehouse(), [{ productId: product.id, quantity: '2', unitPrice: '7000.00' }], { status: 'shipped' });
    const otherOwner = await demoUser('rep.liu@petrocrm.cn');
    // The state rules freeze a shipped order's date; the rollups must follow any writer all the same.
    await withoutStateRules(`UPDATE sales_orders SET order_date = order_date - 40, owner_id = ${otherOwner.id}, branch_id = ${otherOwner.branch_id} WHERE id = ${order.id}`);
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
    await withoutStateRules(`UPDATE sales_orders SET owner_id = NULL WHERE id = ${order.id}`);
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
    // 00:30 on 1 December in Beijing is still 30 November in UTC: the receivable is dated by Beijing's day.
    await withoutStateRules(`UPDATE sales_orders SET shipped_at = '2026-11-30T16:30:00Z' WHERE id = ${order.id}`);
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
    const days = await sql<{ shipped_on: string }>(`SELECT shipped_on::text FROM receivables_by_shipped_day WHERE owner_id IS NULL AND branch_id = $1`, [otherOwner.branch_id]);
    expect(days.map((day) => day.shipped_on)).toContain('2026-12-01');
  });

  test('a product moved to another category or unit moves every counted line of it', async () => {
    const [{ product_id: productId }] = await sql<{ product_id: number }>(
      `SELECT i.product_id FROM sales_order_items i JOIN sales_orders o ON o.id = i.order_id
        WHERE o.status IN ('confirmed', 'shipped', 'delivered', 'closed') GROUP BY i.product_id ORDER BY count(*) DESC LIMIT 1`,
    );
    const other = await ProductCategory.findOne({ where: {}, order: [['id', 'DESC']], rejectOnEmpty: true });
    await db.sequelize.query(`UPDATE products SET category_id = $2, unit = 'kg' WHERE id = $1`, { bind: [productId, other.id] });
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
  });

  test('customers regraded, moved, merged and deleted are counted where they now stand', async () => {
    const [one, two, three] = [await createCustomer(), await createCustomer(), await createCustomer()];
    const otherOwner = await demoUser('rep.liu@petrocrm.cn');
    await db.sequelize.query(`UPDATE customers SET grade = 'A', status = 'at_risk' WHERE id = $1`, { bind: [one.id] });
    await db.sequelize.query('UPDATE customers SET owner_id = $2, branch_id = $3 WHERE id = $1', { bind: [two.id, otherOwner.id, otherOwner.branch_id] });
    await db.sequelize.query('UPDATE customers SET merged_into_id = $2 WHERE id = $1', { bind: [three.id, one.id] });
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
    await db.sequelize.query('DELETE FROM customers WHERE id = $1', { bind: [two.id] });
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
  });

  test('an order deleted with its lines takes its figures out, and a truncation starts them again', async () => {
    const order = await createOrder(await createCustomer(), await createWarehouse(), [{ productId: (await createProduct()).id, quantity: '3', unitPrice: '6500.00' }], { status: 'delivered' });
    // The state rules refuse to delete a delivered order; the rollups must hold even for a writer they let through.
    await withoutStateRules(`DELETE FROM sales_orders WHERE id = ${order.id}`);
    expect(await SalesOrder.count({ where: { id: order.id } })).toBe(0);
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);

    const truncated = db.sequelize.transaction(async (transaction) => {
      await db.sequelize.query('TRUNCATE sales_order_items', { transaction });
      const [{ lines }] = await db.sequelize.query<{ lines: number }>('SELECT count(*)::int AS lines FROM sales_daily_category_revenue', { type: QueryTypes.SELECT, transaction });
      expect(lines).toBe(0);
      throw new Error('undo the truncation');
    });
    await expect(truncated).rejects.toThrow('undo the truncation');
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
  });

  test('rebuilt from scratch, as after a restore or a bulk load with triggers off, they are the same', async () => {
    const before = await sql('SELECT * FROM receivables_by_shipped_day ORDER BY branch_id, owner_id, shipped_on');
    expect(before.length).toBeGreaterThan(0);
    await db.sequelize.query('SELECT rebuild_sales_rollups(), rebuild_open_receivables(), rebuild_customer_counts()');
    expect(await keptFiguresDrift(db.sequelize)).toEqual([]);
    expect(await sql('SELECT * FROM receivables_by_shipped_day ORDER BY branch_id, owner_id, shipped_on')).toEqual(before);
  });
});
