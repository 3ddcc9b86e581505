import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import type { DashboardData } from '../../dashboards/dashboard-data.js';

/**
 * The dashboard's credit and target figures against SQL written here on its own terms: revenue as
 * the lines of orders neither draft nor cancelled, tons as the lines weighed in tons (kilograms
 * counted as thousandths), a target's actual as the orders of its representative, its team's
 * members or its branch in its month; receivables as what shipped orders still owe by Beijing days
 * since shipping; credit in use over every order of a customer. Over the demo rows plus our own.
 */
type Who = 'admin' | 'manager' | 'rep';
const EMAIL: Record<Who, string> = { admin: 'admin@petrocrm.cn', manager: 'manager.ec@petrocrm.cn', rep: 'rep.zhang@petrocrm.cn' };
const ZHANG = `(SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn')`;
const EC_AND_OUTLETS = `(SELECT id FROM branches WHERE code IN ('EC', 'GS-NJ01', 'T-EC'))`;
/** Who sees which orders, targets and customers, as literal conditions. */
const SCOPE: Record<Who, { orders: string; targets: string; customers: string }> = {
  admin: { orders: 'true', targets: 'true', customers: 'true' },
  manager: { orders: `o.branch_id IN ${EC_AND_OUTLETS}`, targets: `t.branch_id IN ${EC_AND_OUTLETS}`, customers: `c.branch_id IN ${EC_AND_OUTLETS}` },
  rep: { orders: `o.owner_id = ${ZHANG}`, targets: `t.user_id = ${ZHANG}`, customers: `c.owner_id = ${ZHANG}` },
};

describe('the dashboard\'s credit and target figures', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let today: string;
  let thisMonth: string;
  let testBranch: number;

  const rows = <T extends object>(sql: string, bind: Record<string, unknown> = {}) => sequelize.query<T>(sql, { bind, type: QueryTypes.SELECT });
  async function value<T>(sql: string, bind: Record<string, unknown> = {}): Promise<T> {
    return (await rows<{ value: T }>(sql, bind))[0].value;
  }

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    today = await value<string>(`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS value`);
    thisMonth = `${today.slice(0, 7)}-01`;
    // An office of our own under East China, so the branch filter can isolate this file's rows.
    testBranch = await value<number>(`INSERT INTO branches (code, name, kind, parent_id) SELECT 'T-EC', '测试华东代表处', 'office', id FROM branches WHERE code = 'EC' RETURNING id AS value`);
    const customer = await value<number>(
      `INSERT INTO customers (name, customer_type, region, branch_id, owner_id, status, credit_limit) VALUES ('测试目标客户', 'trader', '华东', $branch, ${ZHANG}, 'active', 100000) RETURNING id AS value`,
      { branch: testBranch },
    );
    const category = await value<number>(`INSERT INTO product_categories (code, name) VALUES ('T-CAT', '测试分类') RETURNING id AS value`);
    const resin = await value<number>(`INSERT INTO products (name, category_id, unit, list_price) VALUES ('测试树脂', $category, 'ton', 8000) RETURNING id AS value`, { category });
    const additive = await value<number>(`INSERT INTO products (name, category_id, unit, list_price) VALUES ('测试助剂', $category, 'kg', 30) RETURNING id AS value`, { category });
    const drum = await value<number>(`INSERT INTO products (name, category_id, unit, list_price) VALUES ('测试桶装油', $category, 'drum', 1200) RETURNING id AS value`, { category });
    const warehouse = await value<number>(`INSERT INTO warehouses (code, name, kind) VALUES ('T-W', '测试库', 'depot') RETURNING id AS value`);
    const STEPS: Record<string, string[]> = { draft: [], confirmed: ['confirmed'], shipped: ['confirmed', 'shipped'], delivered: ['confirmed', 'shipped', 'delivered'] };
    const order = async (status: string, day: string, lines: Array<[number, string, string]>, shippedDaysAgo?: number) => {
      const id = await value<number>(
        `INSERT INTO sales_orders (customer_id, warehouse_id, branch_id, owner_id, status, order_date, shipped_at)
         VALUES ($customer, $warehouse, $branch, ${ZHANG}, 'draft', $day, $shipped) RETURNING id AS value`,
        { customer, warehouse, branch: testBranch, day, shipped: shippedDaysAgo === undefined ? null : new Date(Date.now() - shippedDaysAgo * 86_400_000) },
      );
      for (const [product, quantity, price] of lines) {
        await sequelize.query('INSERT INTO sales_order_items (order_id, product_id, quantity, unit_price) VALUES ($1, $2, $3, $4)', { bind: [id, product, quantity, price] });
      }
      // Lines are a draft's; the order then moves through its states as a workflow would (the state rules refuse lines of a confirmed order).
      for (const step of STEPS[status]) await sequelize.query('UPDATE sales_orders SET status = $1 WHERE id = $2', { bind: [step, id] });
      return id;
    };
    await order('confirmed', today, [[resin, '12.500', '8000.00'], [additive, '500.000', '30.00'], [drum, '4.000', '1200.00']]);
    const shipped = await order('shipped', thisMonth, [[resin, '5.000', '8100.00']], 2);
    await order('delivered', thisMonth, [[resin, '2.000', '7900.00']], 95);
    await order('draft', today, [[resin, '99.000', '8000.00']]);
    await sequelize.query(`INSERT INTO payments (order_id, customer_id, amount, received_on, method) VALUES ($1, $2, 10000, $3, 'bank_transfer')`, { bind: [shipped, customer, today] });
    await sequelize.query(
      `INSERT INTO sales_targets (month, level, user_id, team_id, branch_id, target_tons, target_revenue)
       VALUES ($month, 'branch', NULL, NULL, $branch, 30, 200000), ($last, 'branch', NULL, NULL, $branch, 10, 50000)`,
      { bind: { month: thisMonth, last: await value<string>(`SELECT to_char($m::date - interval '1 month', 'YYYY-MM-DD') AS value`, { m: thisMonth }), branch: testBranch } },
    );
  }, 120_000);
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  async function dashboard(who: Who, query: Record<string, string | number>): Promise<DashboardData> {
    const agent = await loginAs(origin(running.url), EMAIL[who]);
    const response = await agent.get('/admin/api/dashboard').query(query);
    expect(response.status).toBe(200);
    return response.body as DashboardData;
  }

  async function expectedTargets(who: Who, data: DashboardData, branch: number | null): Promise<DashboardData['targets']> {
    const scope = SCOPE[who];
    const sold = `FROM sales_orders o JOIN sales_order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
                 WHERE o.status NOT IN ('draft', 'cancelled') AND to_char(o.order_date, 'YYYY-MM') = to_char(t.month, 'YYYY-MM') AND ${scope.orders}
                   ${branch === null ? '' : `AND o.branch_id = ${branch}`}
                   AND CASE t.level WHEN 'rep' THEN o.owner_id = t.user_id
                                    WHEN 'team' THEN (SELECT u.team_id FROM users u WHERE u.id = o.owner_id) = t.team_id
                                    ELSE o.branch_id = t.branch_id END`;
    return rows<DashboardData['targets'][number]>(
      `WITH per_target AS (
         SELECT t.level, coalesce(t.user_id, t.team_id, t.branch_id) AS subject, t.target_revenue, t.target_tons,
                (SELECT coalesce(sum(i.amount), 0) ${sold}) AS revenue,
                (SELECT coalesce(sum(CASE p.unit WHEN 'ton' THEN i.quantity WHEN 'kg' THEN i.quantity / 1000 ELSE 0 END), 0) ${sold}) AS tons
           FROM sales_targets t
          WHERE ${scope.targets} AND t.month >= date_trunc('month', $from::date) AND t.month <= $to::date ${branch === null ? '' : `AND t.branch_id = ${branch}`})
       SELECT level, subject AS "subjectId",
              CASE level WHEN 'rep' THEN (SELECT name FROM users WHERE id = subject) WHEN 'team' THEN (SELECT name FROM teams WHERE id = subject)
                         ELSE (SELECT name FROM branches WHERE id = subject) END AS "subjectName",
              count(*)::int AS months,
              sum(target_revenue)::numeric(16,2)::text AS "targetRevenue", sum(revenue)::numeric(16,2)::text AS "actualRevenue",
              sum(target_tons)::numeric(16,3)::text AS "targetTons", sum(tons)::numeric(16,3)::text AS "actualTons"
         FROM per_target GROUP BY level, subject
        ORDER BY CASE level WHEN 'branch' THEN 0 WHEN 'team' THEN 1 ELSE 2 END, 3`,
      { from: data.filters.from, to: data.filters.to },
    );
  }

  async function expectedAging(who: Who, branch: number | null): Promise<DashboardData['receivablesAging']> {
    return rows(
      `WITH owed AS (
         SELECT o.branch_id, $today::date - (o.shipped_at AT TIME ZONE 'Asia/Shanghai')::date AS age,
                o.total_amount - (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.order_id = o.id) AS owed
           FROM sales_orders o WHERE o.status IN ('shipped', 'delivered', 'closed') AND ${SCOPE[who].orders} ${branch === null ? '' : `AND o.branch_id = ${branch}`})
       SELECT b.id AS "branchId", b.name AS "branchName",
              coalesce(sum(owed) FILTER (WHERE age <= 30), 0)::numeric(16,2)::text AS "days0to30",
              coalesce(sum(owed) FILTER (WHERE age BETWEEN 31 AND 60), 0)::numeric(16,2)::text AS "days31to60",
              coalesce(sum(owed) FILTER (WHERE age BETWEEN 61 AND 90), 0)::numeric(16,2)::text AS "days61to90",
              coalesce(sum(owed) FILTER (WHERE age > 90), 0)::numeric(16,2)::text AS "over90",
              sum(owed)::numeric(16,2)::text AS total
         FROM owed JOIN branches b ON b.id = owed.branch_id WHERE owed > 0 GROUP BY b.id ORDER BY sum(owed) DESC, b.id`,
      { today },
    );
  }

  async function expectedWatch(who: Who, branch: number | null): Promise<DashboardData['creditWatch']> {
    const watched = await rows<{ customerId: number; customerName: string; creditLimit: string; exposure: string; usagePct: string | null }>(
      `SELECT c.id AS "customerId", c.name AS "customerName", c.credit_limit::text AS "creditLimit", e.used::numeric(16,2)::text AS exposure,
              CASE WHEN c.credit_limit > 0 THEN round(100 * e.used / c.credit_limit, 1)::text END AS "usagePct"
         FROM customers c,
              LATERAL (SELECT coalesce(sum(o.total_amount - (SELECT coalesce(sum(amount), 0) FROM payments p WHERE p.order_id = o.id)), 0) AS used
                         FROM sales_orders o WHERE o.customer_id = c.id AND o.status IN ('confirmed', 'shipped', 'delivered', 'closed')) e
        WHERE e.used > 0 AND e.used >= 0.9 * c.credit_limit AND ${SCOPE[who].customers} ${branch === null ? '' : `AND c.branch_id = ${branch}`}
        ORDER BY c.credit_limit = 0 DESC, e.used / nullif(c.credit_limit, 0) DESC NULLS LAST, c.id`,
    );
    return {
      customers: watched.length,
      overLimit: watched.filter((row) => Number(row.exposure) > Number(row.creditLimit)).length,
      top: watched.slice(0, 8),
    };
  }

  test.each<[Who, Record<string, string | number>]>([
    ['admin', { period: '12m' }], ['admin', { period: 'month' }], ['manager', { period: '3m' }], ['rep', { period: '12m' }], ['rep', { period: 'month' }],
  ])('for the %s over %j, target against actual, aging and the watch list equal the independent SQL', async (who, query) => {
    const data = await dashboard(who, query);
    expect(data.targets.length).toBeGreaterThan(0);
    expect(data.targets).toEqual(await expectedTargets(who, data, null));
    expect(data.receivablesAging).toEqual(await expectedAging(who, null));
    expect(data.creditWatch).toEqual(await expectedWatch(who, null));
  });

  test('when filtered to our office, then its branch target is met by exactly its orders: revenue, and tons with kilograms counted and drums not', async () => {
    for (const who of ['admin', 'manager'] as const) {
      const data = await dashboard(who, { period: '3m', branch: testBranch });
      expect(data.targets).toEqual(await expectedTargets(who, data, testBranch));
      expect(data.receivablesAging).toEqual(await expectedAging(who, testBranch));
      expect(data.creditWatch).toEqual(await expectedWatch(who, testBranch));
    }
    const data = await dashboard('admin', { period: 'month', branch: testBranch });
    // 12.5 t × 8000 + 500 kg × 30 + 4 drums × 1200 + 5 t × 8100 + 2 t × 7900; 12.5 + 0.5 + 5 + 2 tons.
    expect(data.targets).toEqual([{
      level: 'branch', subjectId: testBranch, subjectName: '测试华东代表处', months: 1,
      targetRevenue: '200000.00', actualRevenue: '176100.00', targetTons: '30.000', actualTons: '20.000',
    }]);
    // Shipped two days ago, 40 500 less 10 000 paid; the delivered order shipped 95 days ago.
    expect(data.receivablesAging).toEqual([{ branchId: testBranch, branchName: '测试华东代表处', days0to30: '30500.00', days31to60: '0.00', days61to90: '0.00', over90: '15800.00', total: '46300.00' }]);
  });
});
