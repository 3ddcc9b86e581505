import request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import type { DashboardData } from '../../dashboards/dashboard-data.js';
import { dashboardLinks, type ListLink } from '../../dashboards/dashboard-links.js';
import { calendarMonth } from '../../src/clock/calendar-day.js';

/**
 * Every figure of GET /admin/api/dashboard against SQL written here independently of the handler:
 * scopes as literal conditions, revenue as "not draft, not cancelled" summed line by line in
 * correlated subqueries, category roots found walking up the tree, periods as Beijing calendar days.
 * It runs over the demo rows, whatever they are, plus rows this file inserts so that scopes, the
 * branch filter and the period visibly exclude something.
 */

type Who = 'admin' | 'manager' | 'rep';
const EMAIL: Record<Who, string> = { admin: 'admin@petrocrm.cn', manager: 'manager.ec@petrocrm.cn', rep: 'rep.zhang@petrocrm.cn' };
const ZHANG = `(SELECT id FROM users WHERE email = 'rep.zhang@petrocrm.cn')`;
const EC_AND_OUTLETS = `(SELECT id FROM branches WHERE code IN ('EC', 'GS-NJ01', 'T-EC', 'T-GS'))`;

/**
 * The rows each role may count, written per table as the lists' row scopes describe them; `null`
 * campaigns: the role may not list campaigns, so the figure is left out (and named in `refused`).
 */
const SCOPE: Record<Who, { owned: string; tickets: string; members: string; campaigns: string | null }> = {
  admin: { owned: 'true', tickets: 'true', members: 'true', campaigns: 'true' },
  manager: {
    campaigns: `(ca.owner_id IN (SELECT id FROM users WHERE branch_id IN ${EC_AND_OUTLETS})
                 OR EXISTS (SELECT 1 FROM campaign_members cm JOIN customers cc ON cc.id = cm.customer_id WHERE cm.campaign_id = ca.id AND cc.branch_id IN ${EC_AND_OUTLETS}))`,
    owned: `branch_id IN ${EC_AND_OUTLETS}`,
    tickets: `branch_id IN ${EC_AND_OUTLETS}`,
    members: `EXISTS (SELECT 1 FROM customers mc WHERE mc.id = customer_id AND mc.branch_id IN ${EC_AND_OUTLETS})`,
  },
  rep: {
    campaigns: null,
    owned: `owner_id = ${ZHANG}`,
    tickets: `(assignee_id = ${ZHANG} OR EXISTS (SELECT 1 FROM customers tc WHERE tc.id = customer_id AND tc.owner_id = ${ZHANG}))`,
    members: `EXISTS (SELECT 1 FROM customers mc WHERE mc.id = customer_id AND mc.owner_id = ${ZHANG})`,
  },
};

type CreditAndTargets = 'receivablesAging' | 'creditWatch' | 'targets';

type Range = {
  from: string;
  to: string;
};

describe('the dashboard API', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let base: string;
  let sequelize: Sequelize;
  let today: string;
  const ids: Record<string, number> = {};

  async function rows<Row extends object>(sql: string, bind: Record<string, unknown> = {}): Promise<Row[]> {
    return sequelize.query<Row>(sql, { bind, type: QueryTypes.SELECT });
  }
  async function value<T>(sql: string, bind: Record<string, unknown> = {}): Promise<T> {
    const [row] = await rows<{ value: T }>(sql, bind);
    return row.value;
  }
  async function insert(table: string, row: Record<string, unknown>): Promise<number> {
    const columns = Object.keys(row);
    const [inserted] = await rows<{ id: number }>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((column) => `$${column}`).join(', ')}) RETURNING id`,
      row,
    );
    return inserted.id;
  }
  /** A day relative to the first of this month in Beijing, e.g. monthDay(-5, 10) is the 10th five months ago. */
  async function monthDay(months: number, day = 1): Promise<string> {
    return value<string>(`SELECT to_char(date_trunc('month', $today::date) + make_interval(months => $months) + make_interval(days => $day - 1), 'YYYY-MM-DD') AS value`, {
      today,
      months,
      day,
    });
  }

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    base = origin(running.url);
    sequelize = running.database.sequelize;
    today = await value<string>(`SELECT to_char((now() AT TIME ZONE 'Asia/Shanghai')::date, 'YYYY-MM-DD') AS value`);
    await insertOwnRows();
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  async function insertOwnRows(): Promise<void> {
    for (const code of ['HQ', 'EC', 'SC', 'GS-NJ01']) ids[code] = await value<number>(`SELECT id AS value FROM branches WHERE code = $code`, { code });
    // Outlets of our own under the demo branches, so a branch filter can isolate this file's rows.
    ids.TEC = await insert('branches', { code: 'T-EC', name: '测试华东代表处', kind: 'office', parent_id: ids.EC });
    ids.TGS = await insert('branches', { code: 'T-GS', name: '测试江北加油站', kind: 'gas_station', parent_id: ids.EC });
    ids.TSC = await insert('branches', { code: 'T-SC', name: '测试华南代表处', kind: 'office', parent_id: ids.SC });
    for (const [key, email] of Object.entries({ zhang: 'rep.zhang@petrocrm.cn', liu: 'rep.liu@petrocrm.cn', huang: 'rep.huang@petrocrm.cn', sun: 'rep.sun@petrocrm.cn', service: 'service@petrocrm.cn' })) {
      ids[key] = await value<number>(`SELECT id AS value FROM users WHERE email = $email`, { email });
    }
    ids.resin = await insert('product_categories', { code: 'T-RESIN', name: '测试树脂', parent_id: null, sort_order: 90 });
    ids.pe = await insert('product_categories', { code: 'T-PE', name: '测试聚乙烯', parent_id: ids.resin });
    ids.lldpe = await insert('product_categories', { code: 'T-LLDPE', name: '测试线性低密度', parent_id: ids.pe });
    ids.oil = await insert('product_categories', { code: 'T-OIL', name: '测试成品油', parent_id: null, sort_order: 91 });
    ids.pePellet = await insert('products', { name: '测试 LLDPE 7042', category_id: ids.lldpe, unit: 'ton', list_price: '8500.00', safety_stock: '50.000' });
    ids.diesel = await insert('products', { name: '测试 0# 柴油', category_id: ids.oil, unit: 'ton', list_price: '7000.00', safety_stock: '100.000' });
    ids.lube = await insert('products', { name: '测试润滑油', category_id: ids.oil, unit: 'drum', list_price: '1234.56', safety_stock: '10.000' });
    ids.whEC = await insert('warehouses', { code: 'T-WEC', name: '测试华东库', kind: 'depot', branch_id: ids.EC });
    ids.whSC = await insert('warehouses', { code: 'T-WSC', name: '测试华南库', kind: 'transit', branch_id: ids.SC });
    await insert('stock_levels', { product_id: ids.pePellet, warehouse_id: ids.whEC, on_hand: '30.500', reserved: '0' });
    await insert('stock_levels', { product_id: ids.diesel, warehouse_id: ids.whEC, on_hand: '500.000', reserved: '20.000' });
    await insert('stock_levels', { product_id: ids.lube, warehouse_id: ids.whSC, on_hand: '5.000', reserved: '0' });

    const customer = (name: string, branch: string, owner: string, status: string, grade: string | null) =>
      insert('customers', { name, customer_type: 'distributor', region: '华东', branch_id: ids[branch], owner_id: ids[owner], status, grade });
    ids.cEC1 = await customer('测试华东客户甲', 'TEC', 'zhang', 'active', 'A');
    ids.cEC2 = await customer('测试华东客户乙', 'TEC', 'liu', 'at_risk', 'B');
    ids.cNJ = await customer('测试江北加油站客户', 'TGS', 'sun', 'churned', 'C');
    ids.cSC = await customer('测试华南客户', 'TSC', 'huang', 'at_risk', null);

    // Written as a draft with its lines, then walked through the workflow's steps: the state rules
    // freeze a confirmed order's lines, in the database too.
    const steps: Record<string, string[]> = {
      draft: [], confirmed: ['confirmed'], shipped: ['confirmed', 'shipped'], delivered: ['confirmed', 'shipped', 'delivered'],
      closed: ['confirmed', 'shipped', 'delivered', 'closed'], cancelled: ['cancelled'],
    };
    const order = async (customerKey: string, branch: string, owner: string | null, status: string, orderDate: string, lines: [number, string, string, string][]) => {
      const id = await insert('sales_orders', {
        customer_id: ids[customerKey], warehouse_id: ids.whEC, branch_id: ids[branch], owner_id: owner ? ids[owner] : null, status: 'draft', order_date: orderDate,
      });
      for (const [productId, quantity, unitPrice, discountPct] of lines) {
        await insert('sales_order_items', { order_id: id, product_id: productId, quantity, unit_price: unitPrice, discount_pct: discountPct });
      }
      for (const step of steps[status]) await sequelize.query('UPDATE sales_orders SET status = $1 WHERE id = $2', { bind: [step, id] });
      return id;
    };
    const thisMonth = await monthDay(0, 1);
    const lastMonth = await monthDay(-1, 15);
    const fiveMonthsAgo = await monthDay(-5, 10);
    const thirteenMonthsAgo = await monthDay(-13, 20);
    await order('cEC1', 'TEC', 'zhang', 'confirmed', thisMonth, [[ids.pePellet, '10.000', '8500.00', '2.00'], [ids.diesel, '5.000', '7000.00', '0']]);
    await order('cEC2', 'TEC', 'liu', 'shipped', lastMonth, [[ids.diesel, '20.000', '7100.00', '0']]);
    await order('cSC', 'TSC', 'huang', 'delivered', thisMonth, [[ids.pePellet, '3.000', '8600.00', '0']]);
    await order('cEC1', 'TEC', 'zhang', 'draft', thisMonth, [[ids.diesel, '99.000', '7000.00', '0']]);
    await order('cEC1', 'TEC', 'zhang', 'cancelled', thisMonth, [[ids.diesel, '77.000', '7000.00', '0']]);
    await order('cNJ', 'TGS', 'sun', 'closed', fiveMonthsAgo, [[ids.lube, '4.000', '1234.56', '3.50']]);
    await order('cEC1', 'TEC', 'zhang', 'delivered', thirteenMonthsAgo, [[ids.diesel, '8.000', '6900.00', '0']]);
    await order('cEC1', 'TEC', null, 'confirmed', thisMonth, [[ids.pePellet, '1.500', '8450.00', '0']]);

    const ticket = (row: Record<string, unknown>) => insert('tickets', { subject: '测试工单', priority: 'normal', ...row });
    await ticket({ kind: 'complaint', status: 'new', customer_id: ids.cEC1, branch_id: ids.TEC, assignee_id: ids.service, sla_due_at: new Date(Date.now() - 3600_000) });
    await ticket({ kind: 'consultation', status: 'in_progress', customer_id: ids.cSC, branch_id: ids.TSC, assignee_id: ids.service, sla_due_at: new Date(Date.now() + 86_400_000) });
    await sequelize.query(
      `INSERT INTO tickets (subject, kind, status, customer_id, branch_id, product_id, batch_no, resolution, created_at, resolved_at, closed_at, satisfaction)
       VALUES ('测试质量投诉', 'quality_complaint', 'closed', $1, $2, $3, 'B-001', '已更换', now() - interval '30 hours', now() - interval '2 hours', now(), 4)`,
      { bind: [ids.cEC2, ids.TEC, ids.pePellet] },
    );
    await sequelize.query(
      `INSERT INTO tickets (subject, kind, status, customer_id, branch_id, resolution, created_at, resolved_at, sla_due_at)
       VALUES ('测试售后', 'after_sales', 'resolved', $1, $2, '已处理', $3::date + time '09:00', $3::date + time '21:30', $3::date + time '12:00')`,
      { bind: [ids.cNJ, ids.TGS, fiveMonthsAgo] },
    );
    await sequelize.query(
      `INSERT INTO tickets (subject, kind, status, customer_id, branch_id, resolution, created_at, resolved_at, closed_at, satisfaction)
       VALUES ('测试维修', 'repair', 'closed', $1, $2, '已修复', $3::date + time '08:00', $3::date + time '10:15', $3::date + time '18:00', 5)`,
      { bind: [ids.cEC1, ids.TEC, fiveMonthsAgo] },
    );
    await ticket({ kind: 'after_sales', status: 'assigned', customer_id: ids.cSC, branch_id: ids.TSC, assignee_id: ids.zhang, sla_due_at: new Date(Date.now() - 60_000) });

    const opportunity = (row: Record<string, unknown>) => insert('opportunities', { title: '测试商机', ...row });
    await opportunity({ customer_id: ids.cEC1, owner_id: ids.zhang, branch_id: ids.TEC, stage: 'lead', amount: '100000.00', probability: 10 });
    await opportunity({ customer_id: ids.cEC2, owner_id: ids.liu, branch_id: ids.TEC, stage: 'negotiation', amount: '250000.00', probability: 70 });
    await opportunity({ customer_id: ids.cSC, owner_id: ids.huang, branch_id: ids.TSC, stage: 'proposal', amount: '80000.55', probability: 35 });
    await opportunity({ customer_id: ids.cEC1, owner_id: ids.zhang, branch_id: ids.TEC, stage: 'won', amount: '120000.00', probability: 100, closed_at: new Date() });
    await opportunity({ customer_id: ids.cEC1, owner_id: ids.zhang, branch_id: ids.TEC, stage: 'lost', amount: '33333.33', probability: 0, lost_reason: '价格', closed_at: new Date(`${fiveMonthsAgo}T12:00:00+08:00`) });

    ids.campaign = await insert('campaigns', { name: '测试春季促销', kind: 'promotion', status: 'active', start_date: await monthDay(-1, 1), end_date: await monthDay(1, 28) });
    ids.oldCampaign = await insert('campaigns', { name: '测试往年活动', kind: 'email', status: 'active', start_date: await monthDay(-30, 1), end_date: await monthDay(-29, 1) });
    for (const [customerKey, status] of [['cEC1', 'converted'], ['cEC2', 'responded'], ['cSC', 'sent'], ['cNJ', 'targeted']]) {
      await insert('campaign_members', { campaign_id: ids.campaign, customer_id: ids[customerKey], status });
      await insert('campaign_members', { campaign_id: ids.oldCampaign, customer_id: ids[customerKey], status: customerKey === 'cSC' ? 'failed' : 'sent' });
    }
    // Members join a running campaign; it ends afterwards.
    await sequelize.query(`UPDATE campaigns SET status = 'completed' WHERE id = $1`, { bind: [ids.oldCampaign] });
  }

  async function dashboard(who: Who, query: Record<string, string | number>): Promise<DashboardData> {
    const agent = await loginAs(base, EMAIL[who]);
    const response = await agent.get('/admin/api/dashboard').query(query);
    expect(response.status).toBe(200);
    return response.body as DashboardData;
  }

  /** The period the handler should resolve, computed here from Beijing's calendar. */
  async function expectedRange(query: Record<string, string | number>): Promise<Range> {
    if (query.period === 'custom') return { from: String(query.from), to: String(query.to) };
    const months = { month: 1, '3m': 3, '12m': 12 }[String(query.period)]!;
    const [range] = await rows<Range>(
      `SELECT to_char(date_trunc('month', $today::date) - make_interval(months => $back), 'YYYY-MM-DD') AS "from",
              to_char(date_trunc('month', $today::date) + interval '1 month' - interval '1 day', 'YYYY-MM-DD') AS "to"`,
      { today, back: months - 1 },
    );
    return range;
  }

  /**
   * Everything the page shows, recomputed here; credit and targets in test/dashboards/credit-and-targets.test.ts,
   * the petroleum figures in petroleum-figures.test.ts.
   */
  async function independently(who: Who, range: Range, branchId: number | null): Promise<Omit<DashboardData, 'filters' | 'today' | 'scope' | 'petroleum' | CreditAndTargets>> {
    const scope = SCOPE[who];
    const branch = branchId === null ? 'true' : `branch_id = ${branchId}`;
    const memberBranch = branchId === null ? 'true' : `EXISTS (SELECT 1 FROM customers bc WHERE bc.id = customer_id AND bc.branch_id = ${branchId})`;
    // Orders that are revenue, with their value summed from their lines rather than read from total_amount.
    const sold = (from: string, to: string) =>
      `(SELECT so.*, COALESCE((SELECT sum(line.amount) FROM sales_order_items line WHERE line.order_id = so.id), 0) AS line_total
          FROM sales_orders so
         WHERE so.status NOT IN ('draft', 'cancelled') AND so.order_date >= '${from}' AND so.order_date <= '${to}'
           AND ${scope.owned} AND ${branch})`;
    const visibleTickets = `(SELECT * FROM tickets WHERE ${scope.tickets} AND ${branch})`;
    // A customer merged into another counts nowhere.
    const visibleCustomers = `(SELECT * FROM customers WHERE ${scope.owned} AND ${branch} AND merged_into_id IS NULL)`;
    const beijingDay = (column: string) => `(${column} AT TIME ZONE 'Asia/Shanghai')::date`;

    const month = { from: await monthDay(0, 1), to: await value<string>(`SELECT to_char(date_trunc('month', $today::date) + interval '1 month - 1 day', 'YYYY-MM-DD') AS value`, { today }) };
    const previous = { from: await monthDay(-1, 1), to: await value<string>(`SELECT to_char(date_trunc('month', $today::date) - interval '1 day', 'YYYY-MM-DD') AS value`, { today }) };
    const revenueThisMonth = await value<string>(`SELECT COALESCE(sum(line_total), 0)::numeric(16,2)::text AS value FROM ${sold(month.from, month.to)} o`);
    const revenueLastMonth = await value<string>(`SELECT COALESCE(sum(line_total), 0)::numeric(16,2)::text AS value FROM ${sold(previous.from, previous.to)} o`);
    const kpis = {
      thisMonth: month,
      lastMonth: previous,
      revenueThisMonth,
      revenueLastMonth,
      revenueChangePct: await value<string | null>(`SELECT CASE WHEN $last::numeric <> 0 THEN round(($this::numeric / $last::numeric - 1) * 100, 1)::text END AS value`, {
        this: revenueThisMonth,
        last: revenueLastMonth,
      }),
      ordersThisMonth: await value<number>(`SELECT count(*)::int AS value FROM ${sold(month.from, month.to)} o`),
      openTickets: await value<number>(`SELECT count(*)::int AS value FROM ${visibleTickets} t WHERE status NOT IN ('resolved', 'closed')`),
      overdueTickets: await value<number>(`SELECT count(*)::int AS value FROM ${visibleTickets} t WHERE status NOT IN ('resolved', 'closed') AND sla_due_at < now()`),
      customersAtRisk: await value<number>(`SELECT count(*)::int AS value FROM ${visibleCustomers} c WHERE status = 'at_risk'`),
      averageSatisfaction: await value<string | null>(
        `SELECT round(sum(satisfaction)::numeric / NULLIF(count(satisfaction), 0), 2)::text AS value FROM ${visibleTickets} t
          WHERE ${beijingDay('closed_at')} BETWEEN '${range.from}' AND '${range.to}'`,
      ),
      ratedTickets: await value<number>(
        `SELECT count(*)::int AS value FROM ${visibleTickets} t WHERE satisfaction IS NOT NULL AND ${beijingDay('closed_at')} BETWEEN '${range.from}' AND '${range.to}'`,
      ),
    };

    // Walking up from every category to the one without a parent.
    const roots = `WITH RECURSIVE chain AS (
                     SELECT id AS start, id AS node, parent_id FROM product_categories
                     UNION ALL SELECT chain.start, up.id, up.parent_id FROM chain JOIN product_categories up ON up.id = chain.parent_id)`;
    const trendFrom = await value<string>(
      `SELECT to_char(LEAST($from::date, date_trunc('month', $to::date) - interval '11 months'), 'YYYY-MM-01') AS value`,
      range,
    );
    const months = await rows<{ month: string }>(
      `SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series($from::date, $to::date, interval '1 month') AS m ORDER BY m`,
      { from: trendFrom, to: range.to },
    );
    const monthlyRows = await rows<{ month: string; categoryId: number; categoryName: string; revenue: string; sortOrder: number }>(
      `${roots}
       SELECT to_char(o.order_date, 'YYYY-MM') AS month, root.id AS "categoryId", root.name AS "categoryName",
              sum(round(line.quantity * line.unit_price * (100 - line.discount_pct) / 100, 2))::numeric(16,2)::text AS revenue, root.sort_order AS "sortOrder"
         FROM ${sold(trendFrom, range.to)} o
         JOIN sales_order_items line ON line.order_id = o.id
         JOIN products p ON p.id = line.product_id
         JOIN chain ON chain.start = p.category_id AND chain.parent_id IS NULL
         JOIN product_categories root ON root.id = chain.node
        GROUP BY 1, root.id
        ORDER BY 1, root.sort_order, root.id`,
    );
    const revenueByCategory = await rows(
      `${roots}
       SELECT * FROM (
       SELECT c.id AS "categoryId", c.name AS "categoryName", NULLIF(root.name, c.name) AS "parentName",
              (SELECT sum(line.amount) FROM sales_order_items line JOIN ${sold(range.from, range.to)} o ON o.id = line.order_id
                 JOIN products p ON p.id = line.product_id WHERE p.category_id = c.id)::numeric(16,2)::text AS revenue
         FROM product_categories c
         JOIN chain ON chain.start = c.id AND chain.parent_id IS NULL
         JOIN product_categories root ON root.id = chain.node
        WHERE EXISTS (SELECT 1 FROM sales_order_items line JOIN ${sold(range.from, range.to)} o ON o.id = line.order_id
                        JOIN products p ON p.id = line.product_id WHERE p.category_id = c.id)) per_category
        ORDER BY revenue::numeric DESC, "categoryId"`,
    );
    const topCustomers = await rows(
      `SELECT * FROM (
         SELECT c.id AS "customerId", c.name AS "customerName",
                (SELECT sum(o.line_total) FROM ${sold(range.from, range.to)} o WHERE o.customer_id = c.id)::numeric(16,2)::text AS revenue,
                (SELECT count(*) FROM ${sold(range.from, range.to)} o WHERE o.customer_id = c.id)::int AS orders
           FROM customers c) per_customer
        WHERE orders > 0
        ORDER BY revenue::numeric DESC, "customerId"
        LIMIT 10`,
    );
    const customerMix = await rows(
      `SELECT DISTINCT c.grade, c.status, (SELECT count(*) FROM ${visibleCustomers} same WHERE same.grade IS NOT DISTINCT FROM c.grade AND same.status = c.status)::int AS customers
         FROM ${visibleCustomers} c
        ORDER BY c.grade NULLS LAST, c.status`,
    );
    const churnByBranch = await rows(
      `SELECT * FROM (
         SELECT b.id AS "branchId", b.name AS "branchName", b.kind AS "branchKind",
                (SELECT count(*) FROM ${visibleCustomers} c WHERE c.branch_id = b.id AND c.status <> 'prospect')::int AS customers,
                (SELECT count(*) FROM ${visibleCustomers} c WHERE c.branch_id = b.id AND c.status = 'churned')::int AS churned
           FROM branches b) per_branch
        WHERE customers > 0 ORDER BY "branchId"`,
    );
    const churnRates = await Promise.all(
      churnByBranch.map((row) => value<string>(`SELECT round($churned::numeric / $customers * 100, 1)::text AS value`, row as { churned: number; customers: number })),
    );
    const visibleOpportunities = `(SELECT * FROM opportunities WHERE ${scope.owned} AND ${branch}
                                    AND (stage IN ('lead', 'qualified', 'proposal', 'negotiation') OR ${beijingDay('closed_at')} BETWEEN '${range.from}' AND '${range.to}'))`;
    const funnel = await rows(
      `SELECT s.stage,
              (SELECT count(*) FROM ${visibleOpportunities} o WHERE o.stage = s.stage)::int AS opportunities,
              COALESCE((SELECT sum(amount) FROM ${visibleOpportunities} o WHERE o.stage = s.stage), 0)::numeric(16,2)::text AS amount,
              COALESCE((SELECT round(sum(amount * probability) / 100, 2) FROM ${visibleOpportunities} o WHERE o.stage = s.stage), 0)::numeric(16,2)::text AS "weightedAmount"
         FROM unnest(ARRAY['lead', 'qualified', 'proposal', 'negotiation', 'won', 'lost']) WITH ORDINALITY AS s (stage, position)
        ORDER BY s.position`,
    );
    const ticketsInPeriod = `(SELECT * FROM ${visibleTickets} t WHERE ${beijingDay('created_at')} BETWEEN '${range.from}' AND '${range.to}')`;
    const byKindAndStatus = await rows(
      `SELECT kind, status, count(*)::int AS tickets FROM ${ticketsInPeriod} t GROUP BY kind, status ORDER BY kind, status`,
    );
    const resolution = await rows(
      `SELECT k.kind,
              (SELECT count(*) FROM ${ticketsInPeriod} t WHERE t.kind = k.kind AND t.resolved_at IS NOT NULL)::int AS "resolvedTickets",
              (SELECT round(sum(extract(epoch FROM t.resolved_at - t.created_at)) / count(*) / 3600, 1)
                 FROM ${ticketsInPeriod} t WHERE t.kind = k.kind AND t.resolved_at IS NOT NULL)::text AS "averageResolutionHours"
         FROM unnest(ARRAY['consultation', 'complaint', 'quality_complaint', 'after_sales', 'repair']) WITH ORDINALITY AS k (kind, position)
        ORDER BY k.position`,
    );
    const stock = await rows(
      `SELECT w.id AS "warehouseId", w.name AS "warehouseName",
              (SELECT count(*) FROM stock_levels l WHERE l.warehouse_id = w.id)::int AS products,
              (SELECT count(*) FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE l.warehouse_id = w.id AND l.on_hand < p.safety_stock)::int AS "belowSafety",
              COALESCE((SELECT sum(l.on_hand) FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE l.warehouse_id = w.id AND p.unit = 'ton'), 0)::numeric(16,3)::text AS "onHandTons",
              COALESCE((SELECT sum(p.safety_stock) FROM stock_levels l JOIN products p ON p.id = l.product_id WHERE l.warehouse_id = w.id AND p.unit = 'ton'), 0)::numeric(16,3)::text AS "safetyStockTons"
         FROM warehouses w WHERE w.active AND ${branch} ORDER BY w.id`,
    );
    const revenueByRep = await rows(
      `SELECT * FROM (
         SELECT u.id AS "userId", u.name AS "userName",
                (SELECT sum(o.line_total) FROM ${sold(range.from, range.to)} o WHERE o.owner_id = u.id)::numeric(16,2)::text AS revenue,
                (SELECT count(*) FROM ${sold(range.from, range.to)} o WHERE o.owner_id = u.id)::int AS orders
           FROM users u
         UNION ALL
         SELECT NULL, NULL, (SELECT sum(o.line_total) FROM ${sold(range.from, range.to)} o WHERE o.owner_id IS NULL)::numeric(16,2)::text,
                (SELECT count(*) FROM ${sold(range.from, range.to)} o WHERE o.owner_id IS NULL)::int) per_rep
        WHERE orders > 0
        ORDER BY revenue::numeric DESC, "userId" NULLS LAST
        LIMIT 15`,
    );
    const revenueByTeam = await rows(
      `SELECT * FROM (
         SELECT t.id AS "teamId", t.name AS "teamName",
                (SELECT sum(o.line_total) FROM ${sold(range.from, range.to)} o JOIN users u ON u.id = o.owner_id WHERE u.team_id = t.id)::numeric(16,2)::text AS revenue
           FROM teams t
         UNION ALL
         SELECT NULL, NULL, (SELECT sum(o.line_total) FROM ${sold(range.from, range.to)} o LEFT JOIN users u ON u.id = o.owner_id WHERE u.team_id IS NULL)::numeric(16,2)::text) per_team
        WHERE revenue IS NOT NULL
        ORDER BY revenue::numeric DESC, "teamId" NULLS LAST`,
    );
    const visibleMembers = `(SELECT * FROM campaign_members WHERE ${scope.members} AND ${memberBranch})`;
    const campaigns = await rows(
      `SELECT ca.id AS "campaignId", ca.name AS "campaignName",
              (SELECT count(*) FROM ${visibleMembers} m WHERE m.campaign_id = ca.id)::int AS members,
              (SELECT count(*) FROM ${visibleMembers} m WHERE m.campaign_id = ca.id AND m.status = 'targeted')::int AS targeted,
              (SELECT count(*) FROM ${visibleMembers} m WHERE m.campaign_id = ca.id AND m.status = 'queued')::int AS queued,
              (SELECT count(*) FROM ${visibleMembers} m WHERE m.campaign_id = ca.id AND m.status = 'sent')::int AS sent,
              (SELECT count(*) FROM ${visibleMembers} m WHERE m.campaign_id = ca.id AND m.status = 'failed')::int AS failed,
              (SELECT count(*) FROM ${visibleMembers} m WHERE m.campaign_id = ca.id AND m.status = 'responded')::int AS responded,
              (SELECT count(*) FROM ${visibleMembers} m WHERE m.campaign_id = ca.id AND m.status = 'converted')::int AS converted
         FROM campaigns ca
        WHERE daterange(ca.start_date, ca.end_date, '[]') && daterange('${range.from}', '${range.to}', '[]')
          AND EXISTS (SELECT 1 FROM ${visibleMembers} m WHERE m.campaign_id = ca.id) AND ${scope.campaigns ?? 'false'}
        ORDER BY ca.start_date DESC, ca.id DESC
        LIMIT 10`,
    );
    const conversion = await Promise.all(
      campaigns.map((row) => value<string>(`SELECT round($converted::numeric / $members * 100, 1)::text AS value`, row as { converted: number; members: number })),
    );
    const visibleBranches = who === 'manager' ? `WHERE id IN ${EC_AND_OUTLETS}` : '';

    return {
      refused: scope.campaigns === null ? ['campaigns'] : [],
      branches: await rows(`SELECT id, code, name, kind FROM branches ${visibleBranches} ORDER BY id`),
      kpis,
      monthlyRevenue: { months: months.map((row) => row.month), rows: monthlyRows.map(({ sortOrder: _sortOrder, ...row }) => row) },
      revenueByCategory: revenueByCategory as DashboardData['revenueByCategory'],
      topCustomers: topCustomers as DashboardData['topCustomers'],
      customerMix: customerMix as DashboardData['customerMix'],
      churnByBranch: churnByBranch.map((row, index) => ({ ...(row), churnRatePct: churnRates[index] })) as DashboardData['churnByBranch'],
      funnel: funnel as DashboardData['funnel'],
      tickets: { byKindAndStatus: byKindAndStatus as DashboardData['tickets']['byKindAndStatus'], resolution: resolution as DashboardData['tickets']['resolution'] },
      stock: stock as DashboardData['stock'],
      revenueByRep: revenueByRep as DashboardData['revenueByRep'],
      revenueByTeam: revenueByTeam as DashboardData['revenueByTeam'],
      campaigns: campaigns.map((row, index) => ({ ...(row), conversionRatePct: conversion[index] })) as DashboardData['campaigns'],
    };
  }

  const CASES: [Who, Record<string, string | number>][] = [
    ['admin', { period: 'month' }],
    ['admin', { period: '12m' }],
    ['manager', { period: 'month' }],
    ['manager', { period: '3m' }],
    ['rep', { period: '12m' }],
    ['rep', { period: 'month' }],
  ];

  test.each(CASES)('for the %s over %j, every figure equals the independent SQL', async (who, query) => {
    const data = await dashboard(who, query);
    const range = await expectedRange(query);
    expect(data.today).toBe(today);
    expect(data.filters).toEqual({ period: query.period, ...range, branchId: null });
    expect(data.scope).toBe({ admin: 'all', manager: 'branch', rep: 'own' }[who]);
    const { filters: _filters, today: _today, scope: _scope, receivablesAging: _aging, creditWatch: _watch, targets: _targets, petroleum: _petroleum, ...figures } = data;
    expect(figures).toEqual(await independently(who, range, null));
  });

  test('a custom period and a branch filter give the figures of that range and branch only', async () => {
    const from = await monthDay(-6, 1);
    const to = await monthDay(-3, 0);
    for (const [who, branch] of [['admin', ids.TGS], ['manager', ids.TGS], ['admin', ids['GS-NJ01']], ['rep', ids.TEC]] as const) {
      const data = await dashboard(who, { period: 'custom', from, to, branch });
      expect(data.filters).toEqual({ period: 'custom', from, to, branchId: branch });
      const { filters: _filters, today: _today, scope: _scope, receivablesAging: _aging, creditWatch: _watch, targets: _targets, petroleum: _petroleum, ...figures } = data;
      expect(figures).toEqual(await independently(who, { from, to }, branch));
    }
    // Our outlet's only revenue in the range: the closed order five months ago, 4 drums × 1234.56 less 3.5 %.
    const outlet = await dashboard('manager', { period: 'custom', from, to, branch: ids.TGS });
    expect(outlet.topCustomers).toEqual([{ customerId: ids.cNJ, customerName: '测试江北加油站客户', revenue: '4765.40', orders: 1 }]);
  });

  test('the scopes bite: a manager never sees another branch, a representative only their own', async () => {
    const manager = await dashboard('manager', { period: 'month', branch: ids.TEC });
    expect(manager.branches.map((branch) => branch.code).sort()).toEqual(['EC', 'GS-NJ01', 'T-EC', 'T-GS']);
    expect(manager.topCustomers.map((row) => row.customerId)).toEqual([ids.cEC1]);
    const managerWide = await dashboard('manager', { period: '12m' });
    expect(managerWide.churnByBranch.map((row) => row.branchId)).not.toContain(ids.SC);
    expect(managerWide.churnByBranch.map((row) => row.branchId)).not.toContain(ids.TSC);

    // Asking for another branch through the filter gives nothing rather than that branch.
    const elsewhere = await dashboard('manager', { period: '12m', branch: ids.TSC });
    expect(elsewhere.topCustomers).toEqual([]);
    expect(elsewhere.kpis.revenueThisMonth).toBe('0.00');
    expect(elsewhere.kpis.customersAtRisk).toBe(0);
    expect(elsewhere.kpis.openTickets).toBe(0);
    expect(elsewhere.churnByBranch).toEqual([]);
    const admin = await dashboard('admin', { period: '12m', branch: ids.TSC });
    expect(admin.topCustomers.map((row) => row.customerId)).toEqual([ids.cSC]);
    expect(admin.kpis.customersAtRisk).toBe(1);

    const rep = await dashboard('rep', { period: '12m' });
    expect(rep.revenueByRep.map((row) => row.userId)).toEqual([ids.zhang]);
    // In the other branch he sees only the ticket assigned to him, not his colleague's customer or orders.
    const repElsewhere = await dashboard('rep', { period: '12m', branch: ids.TSC });
    expect(repElsewhere.tickets.byKindAndStatus).toEqual([{ kind: 'after_sales', status: 'assigned', tickets: 1 }]);
    expect(repElsewhere.topCustomers).toEqual([]);
    expect(repElsewhere.kpis.overdueTickets).toBe(1);
  });

  test('money comes as exact decimal strings, and draft or cancelled orders are never revenue', async () => {
    const data = await dashboard('admin', { period: 'month', branch: ids.TEC });
    // This file's customer: 10 t × 8500 less 2 % + 5 t × 7000, plus 1.5 t × 8450 nobody owns;
    // neither the draft (99 t) nor the cancelled order (77 t).
    expect(data.topCustomers).toEqual([{ customerId: ids.cEC1, customerName: '测试华东客户甲', revenue: '130975.00', orders: 2 }]);
    expect(data.kpis.revenueThisMonth).toBe('130975.00');
    expect(data.revenueByRep).toEqual([
      { userId: ids.zhang, userName: '张伟', revenue: '118300.00', orders: 1 },
      { userId: null, userName: null, revenue: '12675.00', orders: 1 },
    ]);
  });

  test('when a chart element is clicked, then its list holds exactly the rows behind the figure, by the same definition', async () => {
    const agent = await loginAs(base, EMAIL.admin);
    const data = await dashboard('admin', { period: '12m', branch: ids.TEC });
    const listed = async (link: ListLink) => {
      const response = await agent.get(`/admin/api/resources/${link.resourceId}/actions/list${link.search}&perPage=500`);
      expect(response.status).toBe(200);
      return response.body as { meta: { total: number }; records: Array<{ params: Record<string, string> }> };
    };
    const total = async (link: ListLink) => (await listed(link)).meta.total;
    const sum = async (link: ListLink, field: string) => {
      const cents = (await listed(link)).records.reduce((all, record) => all + BigInt(record.params[field].replace('.', '')), 0n);
      return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
    };

    // Revenue: the orders of the card and of each customer and representative, and the lines of a category's bar.
    await expect(total(dashboardLinks.revenueOrders(data.kpis.thisMonth, ids.TEC))).resolves.toBe(data.kpis.ordersThisMonth);
    await expect(sum(dashboardLinks.revenueOrders(data.kpis.thisMonth, ids.TEC), 'total_amount')).resolves.toBe(data.kpis.revenueThisMonth);
    for (const row of data.topCustomers) {
      await expect(sum(dashboardLinks.revenueOrdersOfCustomer(row.customerId, data.filters), 'total_amount')).resolves.toBe(row.revenue);
    }
    for (const row of data.revenueByRep.filter((rep) => rep.userId !== null)) {
      await expect(total(dashboardLinks.revenueOrdersOfOwner(row.userId!, data.filters, ids.TEC))).resolves.toBe(row.orders);
    }
    for (const row of data.monthlyRevenue.rows) {
      const month = { from: `${row.month}-01`, to: calendarMonth(`${row.month}-01`).to };
      await expect(sum(dashboardLinks.revenueLinesOfCategory(row.categoryId, month, ids.TEC), 'amount')).resolves.toBe(row.revenue);
    }
    // Tickets: open, overdue, and the rated ones the satisfaction averages.
    await expect(total(dashboardLinks.openTickets(ids.TEC))).resolves.toBe(data.kpis.openTickets);
    await expect(total(dashboardLinks.overdueTickets(ids.TEC))).resolves.toBe(data.kpis.overdueTickets);
    await expect(total(dashboardLinks.ratedTickets(data.filters, ids.TEC))).resolves.toBe(data.kpis.ratedTickets);
    for (const row of data.churnByBranch) {
      await expect(total(dashboardLinks.customers({ status: 'churned', branchId: row.branchId }))).resolves.toBe(row.churned);
    }
    await expect(total(dashboardLinks.customers({ status: 'at_risk', branchId: ids.TEC }))).resolves.toBe(data.kpis.customersAtRisk);
    for (const row of data.customerMix.filter((mix) => mix.grade !== null)) {
      await expect(total(dashboardLinks.customers({ grade: row.grade, status: row.status, branchId: ids.TEC }))).resolves.toBe(row.customers);
    }
    for (const row of data.tickets.byKindAndStatus) {
      await expect(total(dashboardLinks.tickets(row.kind, row.status, data.filters, ids.TEC))).resolves.toBe(row.tickets);
    }
    for (const row of data.funnel.filter((stage) => stage.opportunities > 0)) {
      const closedIn = ['won', 'lost'].includes(row.stage) ? data.filters : null;
      await expect(total(dashboardLinks.opportunities(row.stage, closedIn, ids.TEC))).resolves.toBe(row.opportunities);
    }
    const everywhere = await dashboard('admin', { period: 'month' });
    const campaign = everywhere.campaigns.find((row) => row.campaignId === ids.campaign)!;
    await expect(total(dashboardLinks.campaignMembers(ids.campaign, 'converted'))).resolves.toBe(campaign.converted);
    const warehouse = everywhere.stock.find((row) => row.warehouseId === ids.whEC)!;
    await expect(total(dashboardLinks.stock(ids.whEC))).resolves.toBe(warehouse.products);
  });

  test('when nobody is logged in, then the dashboard API answers 401', async () => {
    const response = await request(base).get('/admin/api/dashboard').query({ period: 'month' });
    expect(response.status).toBe(401);
  });

  test('when the filters make no sense, then 400 with a message in the employee’s language', async () => {
    const agent = await loginAs(base, EMAIL.manager);
    const badPeriod = await agent.get('/admin/api/dashboard').query({ period: 'week' });
    expect(badPeriod.status).toBe(400);
    expect(badPeriod.body.error.message).toContain('期间');
    const backwards = await agent.get('/admin/api/dashboard').query({ period: 'custom', from: '2026-03-01', to: '2026-01-01' });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.problem).toBe('fromAfterTo');
    const branch = await agent.get('/admin/api/dashboard').query({ branch: 'EC; DROP TABLE x' });
    expect(branch.status).toBe(400);
  });
});
