import type { Sequelize, Transaction } from 'sequelize';

/*
 * Grade, status, 12-month revenue, last order and RFM scores of every customer, computed from the
 * orders in the database. A stand-in for the analysis service (src/domain/analysis): the demo load
 * calls only this function, so swapping it for the service is a one-line change.
 *
 * - Revenue: orders neither draft nor cancelled, dated within the last 12 months.
 * - Grade (ABC): customers by 12-month revenue, largest first; A while the running share of the
 *   total is ≤ 80 %, B while ≤ 95 %, C for the rest and for buyers without revenue this year.
 * - Status: prospect if it never ordered; churned 180 days after its last order, at_risk after 90.
 * - RFM: quintiles (1–5, 5 best) among customers that ever ordered, of the days since the last order,
 *   the number of orders and the revenue in the last 12 months.
 */
export async function analyseDemoCustomers(sequelize: Sequelize, transaction: Transaction, today: string): Promise<void> {
  await sequelize.query(
    `WITH sales AS (
       SELECT customer_id, order_date, total_amount
         FROM sales_orders
        WHERE status NOT IN ('draft', 'cancelled')
     ), per_customer AS (
       SELECT c.id,
              max(s.order_date) AS last_order_on,
              coalesce(sum(s.total_amount) FILTER (WHERE s.order_date > $1::date - interval '12 months'), 0) AS revenue_12m,
              count(s.order_date) FILTER (WHERE s.order_date > $1::date - interval '12 months') AS orders_12m
         FROM customers c
         LEFT JOIN sales s ON s.customer_id = c.id
        GROUP BY c.id
     ), buyers AS (
       SELECT id, last_order_on, revenue_12m,
              sum(revenue_12m) OVER (ORDER BY revenue_12m DESC, id) / nullif(sum(revenue_12m) OVER (), 0) AS running_share,
              ntile(5) OVER (ORDER BY last_order_on, id) AS recency_score,
              ntile(5) OVER (ORDER BY orders_12m, id) AS frequency_score,
              ntile(5) OVER (ORDER BY revenue_12m, id) AS monetary_score
         FROM per_customer
        WHERE last_order_on IS NOT NULL
     )
     UPDATE customers c
        SET revenue_12m = coalesce(b.revenue_12m, 0),
            last_order_on = b.last_order_on,
            grade = CASE WHEN b.id IS NULL THEN NULL
                         WHEN b.revenue_12m > 0 AND b.running_share <= 0.80 THEN 'A'
                         WHEN b.revenue_12m > 0 AND b.running_share <= 0.95 THEN 'B'
                         ELSE 'C' END,
            status = CASE WHEN b.id IS NULL THEN 'prospect'
                          WHEN $1::date - b.last_order_on >= 180 THEN 'churned'
                          WHEN $1::date - b.last_order_on >= 90 THEN 'at_risk'
                          ELSE 'active' END,
            recency_score = b.recency_score,
            frequency_score = b.frequency_score,
            monetary_score = b.monetary_score,
            analysed_at = now()
       FROM per_customer p
       LEFT JOIN buyers b ON b.id = p.id
      WHERE c.id = p.id`,
    { bind: [today], transaction },
  );
}
