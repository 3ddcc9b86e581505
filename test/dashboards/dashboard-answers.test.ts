import pg from 'pg';
import type request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import type { DashboardData } from '../../dashboards/dashboard-data.js';

/**
 * The statistics page serves an answer again while nothing could change it (src/db/snapshot-memo.ts).
 * What a manager would check: a change committed elsewhere (another instance, psql) and a ticket
 * whose SLA passes with nobody writing are both in the next answer, and one employee's answer is
 * never another's. Each figure here is compared with SQL written in this file.
 */
describe('the dashboard answers as of the moment it is asked', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  /** Another connection to the same database: another instance of the app, or psql. */
  let elsewhere: pg.Client;
  let admin: request.Agent;
  let rep: request.Agent;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    elsewhere = new pg.Client(database.url);
    await elsewhere.connect();
    admin = await loginAs(origin(running.url), 'admin@petrocrm.cn');
    rep = await loginAs(origin(running.url), 'rep.zhang@petrocrm.cn');
  });
  afterAll(async () => {
    await elsewhere.end();
    await running.stop();
    await database.drop();
  });

  async function dashboard(agent: request.Agent): Promise<DashboardData> {
    const response = await agent.get('/admin/api/dashboard').query({ period: 'month' });
    expect(response.status).toBe(200);
    return response.body as DashboardData;
  }
  async function value<T>(sql: string, parameters: unknown[] = []): Promise<T> {
    return (await elsewhere.query<{ value: T }>(sql, parameters)).rows[0].value;
  }
  const BEIJING_MONTH = `date_trunc('month', (now() AT TIME ZONE 'Asia/Shanghai')::date)::date`;
  const revenueThisMonth = (scope = 'true') =>
    value<string>(
      `SELECT coalesce(sum(total_amount), 0)::numeric(16,2)::text AS value FROM sales_orders
        WHERE status NOT IN ('draft', 'cancelled') AND order_date >= ${BEIJING_MONTH} AND ${scope}`,
    );
  const overdueTickets = () =>
    value<number>(`SELECT count(*)::int AS value FROM tickets WHERE status IN ('new', 'assigned', 'in_progress', 'escalated') AND sla_due_at < now()`);

  it('includes an order confirmed through another connection in the very next answer', async () => {
    const before = await dashboard(admin);
    expect(before.kpis.revenueThisMonth).toBe(await revenueThisMonth());
    expect(await dashboard(admin)).toEqual(before);

    const { rows: [customer] } = await elsewhere.query<{ id: number; branch_id: number; owner_id: number }>(
      'SELECT id, branch_id, owner_id FROM customers WHERE merged_into_id IS NULL ORDER BY id LIMIT 1',
    );
    const warehouse = await value<number>('SELECT id AS value FROM warehouses ORDER BY id LIMIT 1');
    const product = await value<number>(`SELECT id AS value FROM products WHERE unit = 'ton' ORDER BY id LIMIT 1`);
    const order = await value<number>(
      `INSERT INTO sales_orders (customer_id, warehouse_id, branch_id, owner_id, status, order_date)
       VALUES ($1, $2, $3, $4, 'draft', (now() AT TIME ZONE 'Asia/Shanghai')::date) RETURNING id AS value`,
      [customer.id, warehouse, customer.branch_id, customer.owner_id],
    );
    await elsewhere.query(`INSERT INTO sales_order_items (order_id, product_id, quantity, unit_price, discount_pct) VALUES ($1, $2, '2.000', '4321.50', '0')`, [order, product]);
    await elsewhere.query(`UPDATE sales_orders SET status = 'confirmed' WHERE id = $1`, [order]);

    const after = await dashboard(admin);
    expect(after.kpis.revenueThisMonth).toBe(await revenueThisMonth());
    expect(Number(after.kpis.revenueThisMonth) - Number(before.kpis.revenueThisMonth)).toBeCloseTo(8643, 2);
    expect(after.kpis.ordersThisMonth).toBe(before.kpis.ordersThisMonth + 1);
  });

  it('counts a ticket as overdue once its SLA passes, though nobody wrote anything', async () => {
    const { rows: [customer] } = await elsewhere.query<{ id: number; branch_id: number }>('SELECT id, branch_id FROM customers WHERE merged_into_id IS NULL ORDER BY id LIMIT 1');
    const due = await value<string>(
      `INSERT INTO tickets (subject, kind, status, priority, customer_id, branch_id, sla_due_at)
       VALUES ('SLA 即将到期', 'complaint', 'new', 'normal', $1, $2, now() + interval '1.5 seconds') RETURNING sla_due_at::text AS value`,
      [customer.id, customer.branch_id],
    );
    const before = await dashboard(admin);
    expect(before.kpis.overdueTickets).toBe(await overdueTickets());

    // Waits for the database's clock, the one overdueTicket compares with, to pass the SLA.
    while (!(await value<boolean>('SELECT now() > $1::timestamptz AS value', [due]))) await new Promise((resolve) => setTimeout(resolve, 200));

    const after = await dashboard(admin);
    expect(after.kpis.overdueTickets).toBe(await overdueTickets());
    expect(after.kpis.overdueTickets).toBe(before.kpis.overdueTickets + 1);
  });

  it("never gives one employee's answer to another asking for the same period", async () => {
    const everyone = await dashboard(admin);
    const own = await dashboard(rep);
    const zhang = `owner_id = (SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn')`;
    expect(own.scope).toBe('own');
    expect(own.kpis.revenueThisMonth).toBe(await revenueThisMonth(zhang));
    expect(everyone.kpis.revenueThisMonth).toBe(await revenueThisMonth());
    expect(own.kpis.revenueThisMonth).not.toBe(everyone.kpis.revenueThisMonth);
    expect((await dashboard(admin)).kpis.revenueThisMonth).toBe(everyone.kpis.revenueThisMonth);
  });
});
