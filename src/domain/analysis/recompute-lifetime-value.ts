import { QueryTypes, type Transaction } from 'sequelize';
import { Customer } from '../../models/index.js';
import { recordAudit } from '../../audit/audit-log.js';
import type { DataScope } from '../../access/authorisation/data-scope.js';
import { businessDayOf } from '../../clock/business-clock.js';
import { REVENUE_ORDER_STATUSES } from './revenue.js';
import { ANNUAL_DISCOUNT_RATE, MOST_ORDERS_PER_YEAR, RETENTION_BY_STATUS, RHYTHM_GAPS } from './lifetime-value-parameters.js';

export interface LifetimeValueOptions {
  asOf?: Date;
  transaction?: Transaction;
  /** Whose customers are rewritten: a manager's run their branch's; the nightly job passes SYSTEM_SCOPE. */
  scope: DataScope;
  /** Only these customers. Default: every customer not merged away. */
  customerIds?: number[];
}

/**
 * 客户终身价值, for every customer, in one SQL statement over the orders (revenue orders only, by
 * order date up to asOf), after the customer analysis has set each status:
 * - margin to date: Σ line amount − quantity × the product's cost price (lines of a product without
 *   a cost price add nothing: their margin is unknown, not zero-cost);
 * - order rhythm: orders a year from the mean gap between the customer's last orders (at most one a
 *   week; a single order counts as once a year);
 * - expected margin: the mean margin of an order in the last 12 months × orders a year, times the
 *   retention of the customer's churn state ÷ (1 + discount − retention);
 * - lifetime value: the two added.
 */
export async function recomputeLifetimeValues(options: LifetimeValueOptions): Promise<{ customers: number; total: string }> {
  const { asOf = new Date(), scope, customerIds } = options;
  const { actor } = scope;
  const sequelize = Customer.sequelize!;
  const run = async (transaction: Transaction) => {
    const [result] = await sequelize.query<{ customers: number; total: string }>(lifetimeValueSql(scope.rowsOf('customers', 'id')), {
      bind: {
        asOf: businessDayOf(asOf), statuses: REVENUE_ORDER_STATUSES, ids: customerIds ?? null, at: asOf,
        retention: JSON.stringify(RETENTION_BY_STATUS), discount: ANNUAL_DISCOUNT_RATE, gaps: RHYTHM_GAPS, most: MOST_ORDERS_PER_YEAR,
      },
      type: QueryTypes.SELECT,
      transaction,
    });
    await recordAudit(actor, { action: 'recomputeLifetimeValues', resource: 'customers', recordId: null, details: { asOf: asOf.toISOString(), ...result } }, transaction);
    return result;
  };
  return options.transaction ? run(options.transaction) : sequelize.transaction(run);
}

const lifetimeValueSql = (rewritable: string) => `
WITH population AS (
  SELECT id, status FROM customers WHERE merged_into_id IS NULL AND ($ids::int[] IS NULL OR id = ANY($ids::int[])) AND ${rewritable}
), orders AS (
  SELECT o.id, o.customer_id, o.order_date,
         coalesce(sum(i.amount - i.quantity * p.cost_price) FILTER (WHERE p.cost_price IS NOT NULL), 0) AS margin
    FROM sales_orders o
    JOIN population c ON c.id = o.customer_id
    JOIN sales_order_items i ON i.order_id = o.id
    JOIN products p ON p.id = i.product_id
   WHERE o.status = ANY($statuses::text[]) AND o.order_date <= $asOf::date
   GROUP BY o.id
), recent_gaps AS (
  SELECT customer_id, order_date - lag(order_date) OVER (PARTITION BY customer_id ORDER BY order_date, id) AS gap,
         row_number() OVER (PARTITION BY customer_id ORDER BY order_date DESC, id DESC) AS recency
    FROM orders
), rhythm AS (
  SELECT customer_id, least($most::numeric, 365.0 / greatest(avg(gap), 365.0 / $most::numeric)) AS per_year
    FROM recent_gaps WHERE gap IS NOT NULL AND recency <= $gaps::int GROUP BY customer_id
), facts AS (
  SELECT c.id, c.status,
         coalesce(sum(o.margin), 0) AS to_date,
         avg(o.margin) FILTER (WHERE o.order_date > $asOf::date - interval '12 months') AS recent_margin_per_order,
         coalesce(r.per_year, CASE WHEN count(o.id) > 0 THEN 1 ELSE 0 END) AS per_year
    FROM population c
    LEFT JOIN orders o ON o.customer_id = c.id
    LEFT JOIN rhythm r ON r.customer_id = c.id
   GROUP BY c.id, c.status, r.per_year
), valued AS (
  SELECT id, round(to_date, 2) AS to_date,
         round(coalesce(recent_margin_per_order, 0) * per_year * retention / (1 + $discount::numeric - retention), 2) AS expected
    FROM facts
    CROSS JOIN LATERAL (SELECT ($retention::jsonb ->> status)::numeric AS retention) r
), updated AS (
  UPDATE customers c
     SET margin_to_date = v.to_date, expected_margin = v.expected, lifetime_value = v.to_date + v.expected,
         lifetime_value_at = $at, updated_at = now()
    FROM valued v
   WHERE c.id = v.id
  RETURNING c.lifetime_value
)
SELECT count(*)::int AS customers, coalesce(sum(lifetime_value), 0)::text AS total FROM updated`;
