import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { REVENUE_ORDER_STATUSES } from '../../src/domain/analysis/revenue.js';

export interface RollupDrift {
  rollup: 'sales_daily_revenue' | 'sales_daily_category_revenue' | 'open_receivables' | 'customer_balances' | 'customer_counts' | 'receivables_by_shipped_day';
  /** 'kept': a row the rollup holds that the orders do not give; 'expected': a row the orders give that the rollup lacks or holds otherwise. */
  side: 'kept' | 'expected';
  row: Record<string, unknown>;
}

const statuses = REVENUE_ORDER_STATUSES.map((status) => `'${status}'`).join(', ');

/**
 * Where the tables kept beside the orders and customers (the sales rollups, migration 0091; what
 * each order and each customer still owes, 0092; the counts of current customers, 0093; the
 * receivables per day shipped, 0094) differ from
 * the orders, their lines and payments and the customers, computed here independently of the
 * triggers and of the rebuild functions: empty means exact.
 */
export async function keptFiguresDrift(sequelize: Sequelize, transaction?: Transaction): Promise<RollupDrift[]> {
  // Each kept table beside what the independent SQL gives, both ways round.
  const compared: Array<[RollupDrift['rollup'], string, string]> = [
    ['sales_daily_revenue', 'kept_revenue', 'expected_revenue'],
    ['sales_daily_category_revenue', 'kept_category', 'expected_category'],
    ['open_receivables', 'kept_owed', 'expected_open'],
    ['customer_balances', 'kept_balance', 'expected_balance'],
    ['customer_counts', 'kept_count', 'expected_count'],
    ['receivables_by_shipped_day', 'kept_shipped_day', 'expected_shipped_day'],
  ];
  const differences = compared
    .flatMap(([rollup, kept, expected]) => [
      `SELECT '${rollup}'::text AS rollup, 'kept'::text AS side, to_jsonb(d) AS row FROM (SELECT * FROM ${kept} EXCEPT SELECT * FROM ${expected}) d`,
      `SELECT '${rollup}', 'expected', to_jsonb(d) FROM (SELECT * FROM ${expected} EXCEPT SELECT * FROM ${kept}) d`,
    ])
    .join('\n     UNION ALL\n     ');
  return sequelize.query<RollupDrift>(
    `WITH expected_revenue AS (
       SELECT order_date, branch_id, owner_id, count(*)::int AS orders, sum(total_amount)::numeric(16,2) AS revenue
         FROM sales_orders WHERE status IN (${statuses})
        GROUP BY order_date, branch_id, owner_id
     ), kept_revenue AS (
       SELECT order_date, branch_id, owner_id, orders, revenue FROM sales_daily_revenue
     ), expected_category AS (
       SELECT o.order_date, o.branch_id, o.owner_id, p.category_id, count(*)::int AS lines, sum(i.amount)::numeric(16,2) AS revenue,
              sum(CASE p.unit WHEN 'ton' THEN i.quantity WHEN 'kg' THEN i.quantity / 1000 ELSE 0 END) AS tons
         FROM sales_orders o JOIN sales_order_items i ON i.order_id = o.id JOIN products p ON p.id = i.product_id
        WHERE o.status IN (${statuses})
        GROUP BY o.order_date, o.branch_id, o.owner_id, p.category_id
     ), kept_category AS (
       SELECT order_date, branch_id, owner_id, category_id, lines, revenue, tons FROM sales_daily_category_revenue
     ), expected_owed AS (
       SELECT o.id AS order_id, o.customer_id, o.branch_id, o.owner_id, o.status, o.order_date, o.shipped_at,
              o.total_amount - coalesce((SELECT sum(p.amount) FROM payments p WHERE p.order_id = o.id), 0) AS outstanding
         FROM sales_orders o WHERE o.status IN (${statuses})
     ), expected_open AS (
       SELECT * FROM expected_owed WHERE outstanding > 0
     ), kept_owed AS (
       SELECT order_id, customer_id, branch_id, owner_id, status, order_date, shipped_at, outstanding FROM open_receivables
     ), expected_balance AS (
       SELECT customer_id, coalesce(sum(outstanding) FILTER (WHERE status IN ('shipped', 'delivered', 'closed')), 0)::numeric(16,2) AS receivables,
              coalesce(sum(outstanding) FILTER (WHERE status = 'confirmed'), 0)::numeric(16,2) AS confirmed_unpaid
         FROM expected_open GROUP BY customer_id
     ), kept_balance AS (
       SELECT customer_id, receivables, confirmed_unpaid FROM customer_balances
     ), expected_shipped_day AS (
       SELECT branch_id, owner_id, coalesce((shipped_at AT TIME ZONE 'Asia/Shanghai')::date, order_date) AS shipped_on,
              count(*)::int AS orders, sum(outstanding)::numeric(16,2) AS outstanding
         FROM expected_open WHERE status IN ('shipped', 'delivered', 'closed')
        GROUP BY 1, 2, 3
     ), kept_shipped_day AS (
       SELECT branch_id, owner_id, shipped_on, orders, outstanding FROM receivables_by_shipped_day
     ), expected_count AS (
       SELECT branch_id, owner_id, grade, status, count(*)::int AS customers FROM customers WHERE merged_into_id IS NULL
        GROUP BY branch_id, owner_id, grade, status
     ), kept_count AS (
       SELECT branch_id, owner_id, grade, status, customers FROM customer_counts
     )
     ${differences}`,
    { type: QueryTypes.SELECT, transaction },
  );
}
