import { QueryTypes, type Sequelize } from 'sequelize';
import { createSequelize } from '../../src/db/sequelize.js';
import { migrate } from '../../src/db/migrator.js';
import { initModels } from '../../src/models/index.js';
import { OPPORTUNITY_STAGES } from '../../src/models/opportunity.model.js';
import { TICKET_KINDS, TICKET_PRIORITIES, TICKET_STATUSES } from '../../src/models/ticket.model.js';
import { DEMO_USERS, loadDemoData } from '../../src/cli/demo/index.js';
import { isValidCreditCode } from '../../src/domain/customers/credit-code.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

const TABLES = [
  'branches', 'teams', 'users', 'product_categories', 'products', 'warehouses', 'stock_levels', 'stock_movements', 'customers', 'contacts',
  'opportunities', 'contracts', 'sales_orders', 'sales_order_items', 'tickets', 'customer_feedback', 'campaigns', 'campaign_members',
  'email_templates', 'email_messages', 'activities', 'audit_logs', 'batches', 'coa_lines', 'batch_stocks', 'shipments', 'contract_monthly_plans',
  'fuel_cards', 'fuel_card_limits', 'fuel_card_top_ups', 'fuel_card_transactions',
] as const;

interface LoadedDatabase {
  database: TestDatabase;
  sequelize: Sequelize;
  outcome: string;
}

async function freshDemoDatabase(): Promise<LoadedDatabase> {
  const database = await createTestDatabase('empty');
  const sequelize = createSequelize(database.url);
  initModels(sequelize);
  await migrate(sequelize);
  return { database, sequelize, outcome: await loadDemoData(sequelize) };
}

describe('the demo company', () => {
  let demo: LoadedDatabase;
  const rows = <T extends object>(sql: string) => demo.sequelize.query<T>(sql, { type: QueryTypes.SELECT });
  const count = async (sql: string) => Number((await rows<{ n: string }>(`SELECT count(*) AS n FROM (${sql}) AS counted`))[0].n);
  const counts = async () => Object.fromEntries(await Promise.all(TABLES.map(async (table) => [table, await count(`SELECT 1 FROM ${table}`)] as const)));

  beforeAll(async () => {
    demo = await freshDemoDatabase();
  }, 120_000);
  afterAll(async () => {
    await demo.sequelize.close();
    await demo.database.drop();
  });

  test('when loaded into an empty database, then every table holds a company’s worth of rows', async () => {
    expect(demo.outcome).toBe('loaded');
    const n = await counts();
        // The audit log holds the first customer analysis and the first lifetime values.
    expect(n).toMatchObject({ branches: 6, teams: 5, users: 14, product_categories: 11, products: 40, warehouses: 4, customers: 300, campaigns: 8, email_templates: 3, audit_logs: 2 });
    const ranges: Partial<Record<(typeof TABLES)[number], [number, number]>> = {
      contacts: [300, 900], sales_orders: [2500, 4000], opportunities: [110, 130], contracts: [35, 45], tickets: [140, 160],
      customer_feedback: [90, 110], activities: [1400, 1600], stock_levels: [60, 160],
    };
    const outOfRange = Object.entries(ranges).filter(([table, [low, high]]) => n[table] < low || n[table] > high);
    expect(outOfRange.map(([table]) => `${table}: ${n[table]}`)).toEqual([]);
    expect(n.sales_order_items).toBeGreaterThan(n.sales_orders);
    expect(n.sales_order_items).toBeLessThanOrEqual(3 * n.sales_orders);
    expect(n.stock_movements).toBeGreaterThan(n.sales_orders);
    expect(n.campaign_members).toBeGreaterThan(50);
    const emailStatuses = await rows<{ status: string }>('SELECT DISTINCT status FROM email_messages ORDER BY status');
    expect(emailStatuses.map((row) => row.status)).toEqual(['failed', 'queued', 'sent']);
    expect(await count(`SELECT 1 FROM email_messages WHERE status = 'failed' AND last_error IS NULL`)).toBe(0);
  });

  test('when loaded a second time, then it adds nothing to any table', async () => {
    const before = await counts();
    expect(await loadDemoData(demo.sequelize)).toBe('already-loaded');
    expect(await counts()).toEqual(before);
  });

  test('every stock level is the sum of its movements, reserves exactly the confirmed orders and never went below zero', async () => {
    expect(await count(`
      SELECT 1 FROM stock_levels l
      FULL JOIN (SELECT product_id, warehouse_id, sum(quantity) AS total FROM stock_movements GROUP BY 1, 2) m USING (product_id, warehouse_id)
      WHERE l.on_hand IS DISTINCT FROM m.total`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM stock_levels l
      LEFT JOIN (SELECT o.warehouse_id, i.product_id, sum(i.quantity) AS total FROM sales_orders o JOIN sales_order_items i ON i.order_id = o.id
                 WHERE o.status = 'confirmed' GROUP BY 1, 2) r USING (product_id, warehouse_id)
      WHERE l.reserved <> coalesce(r.total, 0)`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM (SELECT sum(quantity) OVER (PARTITION BY product_id, warehouse_id ORDER BY occurred_at, id) AS balance FROM stock_movements) b
      WHERE balance < 0`)).toBe(0);
    expect(await count('SELECT 1 FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE l.on_hand < p.safety_stock')).toBeGreaterThanOrEqual(3);
    // Every shipped order left the warehouse in full, with the batches it took; nothing else shipped.
    expect(await count(`
      SELECT 1 FROM (SELECT o.id, i.product_id, sum(i.quantity) AS ordered FROM sales_orders o JOIN sales_order_items i ON i.order_id = o.id
                     WHERE o.status IN ('shipped', 'delivered', 'closed') GROUP BY 1, 2) l
      FULL JOIN (SELECT order_id AS id, product_id, -sum(quantity) AS shipped FROM stock_movements WHERE kind = 'shipment' GROUP BY 1, 2) s USING (id, product_id)
      WHERE l.ordered IS DISTINCT FROM s.shipped`)).toBe(0);
    expect(await count(`SELECT 1 FROM stock_movements WHERE kind IN ('receipt', 'shipment') AND batch_no IS NULL`)).toBe(0);
    const [transfers] = await rows<{ out: string; in: string; adjustments: string }>(`
      SELECT -sum(quantity) FILTER (WHERE kind = 'transfer_out') AS out, sum(quantity) FILTER (WHERE kind = 'transfer_in') AS in,
             count(*) FILTER (WHERE kind = 'adjustment') AS adjustments FROM stock_movements`);
    expect(Number(transfers.out)).toBeGreaterThan(0);
    expect(transfers.in).toBe(transfers.out);
    expect(Number(transfers.adjustments)).toBeGreaterThan(0);
  });

  test('every batch holds what its movements add up to, every shipment movement has its transport document, and certificates judge their batches', async () => {
    expect(await count(`
      SELECT 1 FROM batch_stocks s
      FULL JOIN (SELECT batch_id, warehouse_id, sum(quantity) AS total FROM stock_movements WHERE batch_id IS NOT NULL GROUP BY 1, 2) m USING (batch_id, warehouse_id)
      WHERE s.on_hand IS DISTINCT FROM m.total`)).toBe(0);
    // On hand is the batches' stock plus whatever the ledger holds without a batch.
    expect(await count(`
      SELECT 1 FROM stock_levels l
      LEFT JOIN (SELECT b.product_id, s.warehouse_id, sum(s.on_hand) AS batched FROM batch_stocks s JOIN batches b ON b.id = s.batch_id GROUP BY 1, 2) s USING (product_id, warehouse_id)
      LEFT JOIN (SELECT product_id, warehouse_id, sum(quantity) AS unbatched FROM stock_movements WHERE batch_id IS NULL GROUP BY 1, 2) u USING (product_id, warehouse_id)
      WHERE l.on_hand <> coalesce(s.batched, 0) + coalesce(u.unbatched, 0)`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM stock_movements m FULL JOIN shipments s ON s.stock_movement_id = m.id
      WHERE (m.kind = 'shipment' OR s.id IS NOT NULL) AND (s.id IS NULL OR m.id IS NULL OR s.loaded_quantity <> -m.quantity OR s.order_id <> m.order_id OR s.batch_id IS DISTINCT FROM m.batch_id)`)).toBe(0);
    expect(await count(`SELECT 1 FROM shipments WHERE status = 'received' AND loss_within_tolerance`)).toBeGreaterThan(100);
    expect(await count(`SELECT 1 FROM shipments WHERE status = 'received' AND NOT loss_within_tolerance`)).toBeGreaterThan(5);
    expect(await count(`SELECT 1 FROM shipments WHERE status = 'in_transit'`)).toBeGreaterThan(0);
    const statuses = await rows<{ quality_status: string }>('SELECT DISTINCT quality_status FROM batches ORDER BY 1');
    expect(statuses.map((row) => row.quality_status)).toEqual(['failed', 'passed', 'pending']);
    expect(await count(`SELECT 1 FROM batches b WHERE quality_status = 'passed' AND plant IS NULL`)).toBe(0);
    // Some complaints are about a batch whose certificate shows it out of spec.
    expect(await count(`SELECT 1 FROM tickets t JOIN batches b ON b.product_id = t.product_id AND b.batch_no = t.batch_no WHERE t.kind = 'quality_complaint' AND b.quality_status = 'failed'`)).toBeGreaterThan(0);
  });

  test('term contracts carry their monthly band and a plan for every month; some months fell short of the minimum', async () => {
    expect(await count(`SELECT 1 FROM contracts c JOIN products p ON p.id = c.product_id WHERE p.unit = 'ton' AND c.monthly_min_quantity IS NULL`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM contracts c
       WHERE c.monthly_min_quantity IS NOT NULL
         AND (SELECT count(*) FROM contract_monthly_plans p WHERE p.contract_id = c.id) <> (extract(year FROM age(c.end_date + 1, c.start_date)) * 12 + extract(month FROM age(c.end_date + 1, c.start_date)))`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM contract_monthly_plans p JOIN contracts c ON c.id = p.contract_id
       WHERE p.month < date_trunc('month', current_date)
         AND coalesce((SELECT -sum(m.quantity) FROM stock_movements m JOIN sales_orders o ON o.id = m.order_id
                        WHERE o.contract_id = c.id AND m.product_id = c.product_id AND m.kind = 'shipment'
                          AND date_trunc('month', m.occurred_at AT TIME ZONE 'Asia/Shanghai') = p.month), 0) < p.min_quantity`)).toBeGreaterThan(0);
  });

  test('fleet fuel cards: every balance is its top-ups less its fuellings, no fuelling passed a limit, and some fleets drifted away', async () => {
    expect(await count('SELECT 1 FROM fuel_cards WHERE kind = \'master\'')).toBeGreaterThan(10);
    expect(await count(`
      SELECT 1 FROM fuel_cards c WHERE kind = 'master' AND balance <>
        coalesce((SELECT sum(amount) FROM fuel_card_top_ups u WHERE u.card_id = c.id), 0) - coalesce((SELECT sum(amount) FROM fuel_card_transactions t WHERE t.master_card_id = c.id), 0)`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM (SELECT card_id, product_id, business_day, sum(liters) AS liters FROM fuel_card_transactions GROUP BY 1, 2, 3) d
      JOIN fuel_card_limits l ON l.card_id = d.card_id AND l.product_id = d.product_id WHERE d.liters > l.daily_liters`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM fuel_card_transactions t WHERE EXISTS (SELECT 1 FROM fuel_card_limits l WHERE l.card_id = t.card_id)
         AND NOT EXISTS (SELECT 1 FROM fuel_card_limits l WHERE l.card_id = t.card_id AND l.product_id = t.product_id)`)).toBe(0);
    expect(await count(`SELECT 1 FROM fuel_card_transactions t JOIN branches b ON b.id = t.station_id WHERE b.kind <> 'gas_station'`)).toBe(0);
    expect(await count(`
      SELECT 1 FROM (SELECT customer_id, max(business_day) AS last FROM fuel_card_transactions GROUP BY 1) f WHERE f.last < current_date - 90`)).toBeGreaterThan(0);
  });

  test('every customer carries a lifetime value: margin to date plus expected margin, none expected of a churned one', async () => {
    expect(await count('SELECT 1 FROM customers WHERE lifetime_value_at IS NULL AND merged_into_id IS NULL')).toBe(0);
    expect(await count(`SELECT 1 FROM customers WHERE status IN ('churned', 'prospect') AND expected_margin <> 0`)).toBe(0);
    expect(await count(`SELECT 1 FROM customers WHERE status = 'active' AND expected_margin > 0`)).toBeGreaterThan(50);
  });

  test('the pipeline and the service desk show every stage, kind, priority and status', async () => {
    const values = async (sql: string) => (await rows<{ value: string }>(sql)).map((row) => row.value).sort();
    expect(await values('SELECT DISTINCT stage AS value FROM opportunities')).toEqual([...OPPORTUNITY_STAGES].sort());
    expect(await values('SELECT DISTINCT kind AS value FROM tickets')).toEqual([...TICKET_KINDS].sort());
    expect(await values('SELECT DISTINCT status AS value FROM tickets')).toEqual([...TICKET_STATUSES].sort());
    expect(await values('SELECT DISTINCT priority AS value FROM tickets')).toEqual([...TICKET_PRIORITIES].sort());
    // Each won deal is the opportunity behind an order of the same customer.
    expect(await count(`SELECT 1 FROM opportunities p WHERE stage = 'won' AND NOT EXISTS (
      SELECT 1 FROM sales_orders o WHERE o.opportunity_id = p.id AND o.customer_id = p.customer_id)`)).toBe(0);
    // A quality complaint names a batch of that product that was shipped to that customer.
    expect(await count(`SELECT 1 FROM tickets t WHERE kind = 'quality_complaint' AND NOT EXISTS (
      SELECT 1 FROM stock_movements m JOIN sales_orders o ON o.id = m.order_id
       WHERE m.kind = 'shipment' AND m.batch_no = t.batch_no AND m.product_id = t.product_id AND o.customer_id = t.customer_id AND m.occurred_at < t.created_at)`)).toBe(0);
    expect(await count(`SELECT 1 FROM tickets WHERE status IN ('new', 'assigned', 'in_progress', 'escalated') AND sla_due_at < now()`)).toBeGreaterThan(0);
    expect(await count(`SELECT 1 FROM tickets WHERE status = 'closed' AND (satisfaction IS NULL OR feedback IS NULL)`)).toBe(0);
  });

  test('every branch has customers, each owned by someone of that branch or the branch above it', async () => {
    expect(await count(`SELECT 1 FROM branches b WHERE kind <> 'headquarters' AND NOT EXISTS (SELECT 1 FROM customers c WHERE c.branch_id = b.id)`)).toBe(0);
    expect(await count(`SELECT 1 FROM customers c JOIN users u ON u.id = c.owner_id JOIN branches b ON b.id = c.branch_id
                        WHERE u.branch_id <> b.id AND u.branch_id IS DISTINCT FROM b.parent_id`)).toBe(0);
  });

  test('every demo sales rep owns customers and, like every service agent, has open tasks', async () => {
    const lacking: string[] = [];
    for (const user of DEMO_USERS.filter((candidate) => candidate.role === 'sales_rep' || candidate.role === 'service_agent')) {
      const [owned] = await rows<{ customers: string; tasks: string }>(`
        SELECT (SELECT count(*) FROM customers c WHERE c.owner_id = u.id) AS customers,
               (SELECT count(*) FROM activities a WHERE a.assignee_id = u.id AND a.kind = 'task' AND NOT a.done) AS tasks
          FROM users u WHERE u.email = '${user.email}'`);
      if (user.role === 'sales_rep' && Number(owned.customers) === 0) lacking.push(`${user.email} owns no customers`);
      if (Number(owned.tasks) === 0) lacking.push(`${user.email} has no open tasks`);
    }
    expect(lacking).toEqual([]);
  });

  test('customers carry valid, unique credit codes and a grade and status that follow from their orders', async () => {
    const codes = await rows<{ credit_code: string }>('SELECT credit_code FROM customers');
    expect(codes.filter((row) => !isValidCreditCode(row.credit_code))).toEqual([]);
    expect(new Set(codes.map((row) => row.credit_code)).size).toBe(codes.length);
    const statuses = await rows<{ status: string; n: string }>('SELECT status, count(*) AS n FROM customers GROUP BY status');
    expect(statuses.map((row) => row.status).sort()).toEqual(['active', 'at_risk', 'churned', 'prospect']);
    expect(await count(`SELECT 1 FROM customers c WHERE status = 'prospect'
                        AND EXISTS (SELECT 1 FROM sales_orders o WHERE o.customer_id = c.id AND o.status NOT IN ('draft', 'cancelled'))`)).toBe(0);
    const grades = await rows<{ grade: string }>(`SELECT DISTINCT grade FROM customers WHERE grade IS NOT NULL ORDER BY grade`);
    expect(grades.map((row) => row.grade)).toEqual(['A', 'B', 'C']);
    expect(await count(`SELECT 1 FROM sales_orders WHERE order_date >= date_trunc('month', current_date)`)).toBeGreaterThan(0);
  });

  test('when loaded into another fresh database, then customers and order totals are the same', async () => {
    const other = await freshDemoDatabase();
    try {
      const snapshot = async (sequelize: Sequelize) => ({
        customers: await sequelize.query('SELECT code, name, credit_code FROM customers ORDER BY code', { type: QueryTypes.SELECT }),
        orders: await sequelize.query('SELECT order_no, total_amount FROM sales_orders ORDER BY order_no', { type: QueryTypes.SELECT }),
      });
      expect(await snapshot(other.sequelize)).toEqual(await snapshot(demo.sequelize));
    } finally {
      await other.sequelize.close();
      await other.database.drop();
      initModels(demo.sequelize);
    }
  }, 120_000);
});
