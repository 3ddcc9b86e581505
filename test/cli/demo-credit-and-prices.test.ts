import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../support/domain-database.js';
import { assertWithinCreditLimit } from '../../src/domain/credit/credit-check.js';
import { pricesInForce } from '../../src/domain/pricing/price-in-force.js';
import { businessToday } from '../../src/clock/business-clock.js';
import { SalesOrder } from '../../src/models/index.js';

/**
 * The demo company's credit, prices and targets hold together the way the rules would have made
 * them: receipts within order totals, every notice's versions its base plus its changes, a list
 * for every customer, targets for whoever sells, approvals on orders really over their limits.
 */
describe('the demo company\'s credit, prices and targets', () => {
  let db: DomainDatabase;
  const count = async (sql: string, bind: unknown[] = []) => Number((await db.sequelize.query<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) AS counted`, { bind, type: QueryTypes.SELECT }))[0].n);

  beforeAll(async () => {
    db = await openDomainDatabase();
  });
  afterAll(() => db.close());

  test('payments never pass an order\'s total, never touch drafts or cancelled orders, never come from the future, and leave receivables of every age', async () => {
    expect(await count('SELECT 1 FROM payments')).toBeGreaterThan(1000);
    expect(await count(`SELECT 1 FROM sales_orders o JOIN payments p ON p.order_id = o.id GROUP BY o.id, o.total_amount HAVING sum(p.amount) > o.total_amount`)).toBe(0);
    expect(await count(`SELECT 1 FROM payments p JOIN sales_orders o ON o.id = p.order_id WHERE o.status IN ('draft', 'cancelled') OR p.customer_id <> o.customer_id`)).toBe(0);
    expect(await count('SELECT 1 FROM payments WHERE received_on > $1::date', [businessToday()])).toBe(0);
    const ages = await db.sequelize.query<{ bucket: string }>(
      `SELECT DISTINCT CASE WHEN age <= 30 THEN '0-30' WHEN age <= 60 THEN '31-60' WHEN age <= 90 THEN '61-90' ELSE '90+' END AS bucket
         FROM (SELECT $1::date - (o.shipped_at AT TIME ZONE 'Asia/Shanghai')::date AS age FROM sales_orders o
                WHERE o.status IN ('shipped', 'delivered', 'closed') AND o.total_amount > (SELECT coalesce(sum(amount), 0) FROM payments WHERE order_id = o.id)) owed`,
      { bind: [businessToday()], type: QueryTypes.SELECT },
    );
    expect(ages.map((row) => row.bucket).sort()).toEqual(['0-30', '31-60', '61-90', '90+']);
  });

  test('every issued notice made versions that are their base\'s prices plus its changes, a product\'s own line before its category\'s', async () => {
    expect(await count(`SELECT 1 FROM price_adjustment_notices WHERE status = 'issued'`)).toBeGreaterThanOrEqual(6);
    expect(await count(`SELECT 1 FROM price_adjustment_notices WHERE status = 'draft'`)).toBeGreaterThanOrEqual(1);
    const wrong = await count(`
      SELECT 1 FROM price_list_versions v
        JOIN price_list_items now ON now.version_id = v.id
        JOIN price_list_items was ON was.version_id = v.based_on_id AND was.product_id = now.product_id
        JOIN products p ON p.id = now.product_id JOIN product_categories c ON c.id = p.category_id
       WHERE v.notice_id IS NOT NULL
         AND now.unit_price <> was.unit_price + coalesce(
               (SELECT change_per_unit FROM price_adjustment_lines l WHERE l.notice_id = v.notice_id AND l.product_id = p.id),
               (SELECT change_per_unit FROM price_adjustment_lines l WHERE l.notice_id = v.notice_id AND l.category_id = c.id),
               (SELECT change_per_unit FROM price_adjustment_lines l WHERE l.notice_id = v.notice_id AND l.category_id = c.parent_id), 0)`);
    expect(wrong).toBe(0);
    expect(await count(`SELECT 1 FROM price_list_versions WHERE status <> 'published'`)).toBe(0);
    expect(await count(`SELECT 1 FROM price_list_versions v JOIN price_list_versions before ON before.id = v.based_on_id WHERE before.valid_from >= v.valid_from OR before.version_no >= v.version_no`)).toBe(0);
  });

  test('every customer finds a price today for what it last bought, from its region\'s and channel\'s list', async () => {
    const customers = await db.sequelize.query<{ id: number; product_id: number }>(
      `SELECT DISTINCT ON (o.customer_id) o.customer_id AS id, i.product_id FROM sales_orders o JOIN sales_order_items i ON i.order_id = o.id
         JOIN products p ON p.id = i.product_id WHERE p.active ORDER BY o.customer_id, o.order_date DESC, i.id`,
      { type: QueryTypes.SELECT },
    );
    const missing = [];
    for (const customer of customers) if (!(await pricesInForce(customer.id, businessToday(), [customer.product_id])).has(customer.product_id)) missing.push(customer.id);
    expect(customers.length).toBeGreaterThan(200);
    expect(missing).toEqual([]);
  });

  test('every representative, team and branch that sold has a target for each of the last six months, this one and the next', async () => {
    expect(await count(`
      SELECT 1 FROM (SELECT DISTINCT owner_id FROM sales_orders o JOIN users u ON u.id = o.owner_id JOIN roles r ON r.id = u.role_id
                      WHERE r.code = 'sales_rep' AND o.status IN ('confirmed', 'shipped', 'delivered', 'closed')
                        AND o.order_date >= date_trunc('month', $1::date) - interval '6 months' AND o.order_date < date_trunc('month', $1::date)) sellers
       WHERE (SELECT count(*) FROM sales_targets t WHERE t.level = 'rep' AND t.user_id = sellers.owner_id) <> 8`, [businessToday()])).toBe(0);
    expect(await count(`SELECT 1 FROM sales_targets WHERE level = 'team'`)).toBeGreaterThan(0);
    expect(await count(`SELECT 1 FROM sales_targets WHERE level = 'branch'`)).toBeGreaterThan(0);
  });

  test('credit approvals wait on, grant or refuse orders truly over their customers\' limits, and the granted one may be confirmed', async () => {
    const approvals = await db.sequelize.query<{ status: string; order_id: number; excess: string }>(
      `SELECT a.status, a.order_id, a.excess::text FROM credit_approvals a JOIN sales_orders o ON o.id = a.order_id WHERE o.status = 'draft' ORDER BY a.id`,
      { type: QueryTypes.SELECT },
    );
    expect(approvals.map((approval) => approval.status)).toEqual(['pending', 'approved', 'rejected']);
    expect(approvals.every((approval) => Number(approval.excess) > 0)).toBe(true);
    const granted = await SalesOrder.findByPk(approvals[1].order_id, { rejectOnEmpty: true });
    const refused = await SalesOrder.findByPk(approvals[2].order_id, { rejectOnEmpty: true });
    const check = (order: SalesOrder) =>
      db.sequelize.transaction(async (transaction) => {
        await assertWithinCreditLimit(order, { id: null, email: 'system' }, transaction);
        throw new Error('checked');
      });
    await expect(check(granted)).rejects.toThrow('checked');
    await expect(check(refused)).rejects.toMatchObject({ code: 'creditLimitExceeded' });
  });
});
