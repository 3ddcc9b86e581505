import { QueryTypes } from 'sequelize';
import { openDomainDatabase, type DomainDatabase } from '../../support/domain-database.js';
import { createCustomer, createOrder, createProduct, createWarehouse, demoBranch, demoUser } from '../../support/fixtures.js';
import { writeDefaultMatrix } from '../../support/default-matrix.js';
import { actorFor } from '../sales/workflow-test-kit.js';
import { receivablesAging } from '../../../src/domain/credit/receivables-aging.js';
import { creditWatchList } from '../../../src/domain/credit/credit-watch-list.js';
import { recordPayment } from '../../../src/domain/credit/record-payment.js';
import { businessToday } from '../../../src/clock/business-clock.js';
import { loadAccessProfile, type AccessProfile } from '../../../src/access/authorisation/access-profile.js';
import type { Customer } from '../../../src/models/index.js';

const DAY = 86_400_000;

/**
 * 应收账龄 and 信用预警 against SQL written here on its own terms: what a shipped order still owes,
 * by Beijing days since it shipped; a customer's credit in use over all its confirmed and later orders.
 */
describe('receivables aging and the credit watch list', () => {
  let db: DomainDatabase;
  let admin: AccessProfile;
  let zhang: AccessProfile;
  let southManager: AccessProfile;
  let aged: Customer;
  const today = businessToday();
  const sql = <T extends object>(query: string, bind: Record<string, unknown> = {}) => db.sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });

  beforeAll(async () => {
    db = await openDomainDatabase();
    await writeDefaultMatrix();
    const profile = async (email: string) => (await loadAccessProfile((await demoUser(email)).id))!;
    [admin, zhang, southManager] = await Promise.all(['admin@petrocrm.cn', 'rep.zhang@petrocrm.cn', 'manager.sc@petrocrm.cn'].map(profile));
    const finance = await actorFor('finance@petrocrm.cn');
    const [product, warehouse] = await Promise.all([createProduct(), createWarehouse()]);
    aged = await createCustomer({ name: '镇江测试账龄客户', owner_id: zhang.userId, credit_limit: '50000.00' });
    const shipped = (customer: Customer, amount: string, daysAgo: number, status: 'shipped' | 'delivered' | 'closed' = 'shipped') =>
      createOrder(customer, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: amount }], { status, shipped_at: new Date(Date.now() - daysAgo * DAY) });
    await shipped(aged, '10000.00', 10);
    const partly = await shipped(aged, '20000.00', 45, 'delivered');
    await recordPayment(finance, partly.id, { amount: '5000', receivedOn: today, method: 'bank_transfer' });
    await shipped(aged, '7000.00', 70, 'closed');
    await shipped(aged, '3000.00', 120);
    await createOrder(aged, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: '9000.00' }], { status: 'confirmed' });
    await createOrder(aged, warehouse, [{ productId: product.id, quantity: '1.000', unitPrice: '99999.00' }]);

    const near = await createCustomer({ name: '测试九成额度客户', credit_limit: '10000.00' });
    await shipped(near, '9500.00', 5);
    const below = await createCustomer({ name: '测试八成额度客户', credit_limit: '10000.00' });
    await shipped(below, '8000.00', 5);
    const noCredit = await createCustomer({ name: '测试无额度欠款客户', credit_limit: '0.00', branch_id: (await demoBranch('SC')).id });
    await shipped(noCredit, '1000.00', 5);
  });
  afterAll(() => db.close());

  /** What each customer owes on shipped orders, bucketed by age, written as plainly as it can be. */
  async function independentAging(ownerCondition = 'true'): Promise<Array<Record<string, unknown>>> {
    return sql(
      `WITH owed AS (
         SELECT o.customer_id, $today::date - (o.shipped_at AT TIME ZONE 'Asia/Shanghai')::date AS age,
                o.total_amount - (SELECT coalesce(sum(p.amount), 0) FROM payments p WHERE p.order_id = o.id) AS owed
           FROM sales_orders o WHERE o.status IN ('shipped', 'delivered', 'closed') AND ${ownerCondition})
       SELECT c.id, c.code || ' ' || c.name AS name,
              sum(owed) FILTER (WHERE age <= 30)::numeric(16,2)::text AS "days0to30",
              sum(owed) FILTER (WHERE age BETWEEN 31 AND 60)::numeric(16,2)::text AS "days31to60",
              sum(owed) FILTER (WHERE age BETWEEN 61 AND 90)::numeric(16,2)::text AS "days61to90",
              sum(owed) FILTER (WHERE age > 90)::numeric(16,2)::text AS "over90",
              sum(owed)::numeric(16,2)::text AS total
         FROM owed JOIN customers c ON c.id = owed.customer_id WHERE owed > 0 GROUP BY c.id ORDER BY sum(owed) DESC, c.id`,
      { today },
    );
  }
  const zeroIfNull = (row: Record<string, unknown>) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value ?? '0.00']));

  test('when receivables are aged per customer, then each lands in its bucket and every customer equals independent SQL', async () => {
    const rows = await receivablesAging('customer', { profile: admin, asOf: today });
    expect(rows.find((row) => row.id === aged.id)).toEqual({
      id: aged.id, name: `${aged.code} 镇江测试账龄客户`, days0to30: '10000.00', days31to60: '15000.00', days61to90: '7000.00', over90: '3000.00', total: '35000.00',
    });
    expect(rows).toEqual((await independentAging()).map(zeroIfNull));
  });

  test('when aged per branch or per representative, then the totals are the customers\' totals regrouped', async () => {
    const perCustomer = await receivablesAging('customer', { profile: admin, asOf: today });
    const total = (rows: Array<{ total: string }>) => rows.reduce((sum, row) => sum + Math.round(Number(row.total) * 100), 0);
    for (const grouping of ['branch', 'owner'] as const) expect(total(await receivablesAging(grouping, { profile: admin, asOf: today }))).toBe(total(perCustomer));
    const reps = await receivablesAging('owner', { profile: admin, asOf: today });
    const [zhangOwes] = await sql<{ total: string }>(
      `SELECT sum(o.total_amount - (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.order_id = o.id))::numeric(16,2)::text AS total
         FROM sales_orders o WHERE o.owner_id = $zhang AND o.status IN ('shipped', 'delivered', 'closed')`,
      { zhang: zhang.userId },
    );
    expect(reps.find((row) => row.id === zhang.userId)?.total).toBe(zhangOwes.total);
  });

  test('when a representative or another branch\'s manager looks, then only the receivables of their orders are there', async () => {
    const his = await receivablesAging('customer', { profile: zhang, asOf: today });
    expect(his.map((row) => row.id)).toContain(aged.id);
    expect(his).toEqual((await independentAging(`o.owner_id = ${zhang.userId}`)).map(zeroIfNull));
    expect((await receivablesAging('customer', { profile: southManager, asOf: today })).map((row) => row.id)).not.toContain(aged.id);
  });

  test('when customers use 90 % of their limit or owe without credit, then they are on the watch list, exactly as independent SQL finds them', async () => {
    const watch = await creditWatchList(admin);
    const watched = watch.shown;
    const byName = new Map(watched.map((row) => [row.name, row]));
    expect(byName.get('测试九成额度客户')).toMatchObject({ creditLimit: '10000.00', receivables: '9500.00', exposure: '9500.00', usagePct: '95.0', overLimit: false });
    expect(byName.get('测试无额度欠款客户')).toMatchObject({ creditLimit: '0.00', exposure: '1000.00', usagePct: null, overLimit: true });
    // 35 000 owed and 9 000 confirmed of 50 000: 88 %, and the draft of 99 999 counts for nothing yet.
    expect(byName.has('镇江测试账龄客户')).toBe(false);
    expect(byName.has('测试八成额度客户')).toBe(false);

    const expected = await sql<{ id: number }>(
      `SELECT c.id FROM customers c,
              LATERAL (SELECT coalesce(sum(o.total_amount - (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.order_id = o.id)), 0) AS used
                         FROM sales_orders o WHERE o.customer_id = c.id AND o.status IN ('confirmed', 'shipped', 'delivered', 'closed')) e
        WHERE e.used > 0 AND e.used >= 0.9 * c.credit_limit ORDER BY c.id`,
    );
    expect(watched.map((row) => row.customerId).sort((a, b) => a - b)).toEqual(expected.map((row) => row.id));
    expect(watch).toMatchObject({ customers: expected.length, overLimit: watched.filter((row) => row.overLimit).length });
    const south = (await creditWatchList(southManager)).shown.map((row) => row.name);
    expect(south).toContain('测试无额度欠款客户');
    expect(south).not.toContain('测试九成额度客户');
  });

  test('when more customers are watched than the screen lists, then it lists the highest uses and still counts them all', async () => {
    const all = await creditWatchList(admin);
    expect(all.shown.length).toBeGreaterThan(2);
    const firstTwo = await creditWatchList(admin, 2);
    expect(firstTwo).toEqual({ customers: all.customers, overLimit: all.overLimit, shown: all.shown.slice(0, 2) });
    // Highest use first: a customer owing without credit before all, then by share of the limit.
    const uses = all.shown.map((row) => (row.usagePct === null ? Infinity : Number(row.usagePct)));
    expect(uses).toEqual([...uses].sort((a, b) => b - a));
  });
});
