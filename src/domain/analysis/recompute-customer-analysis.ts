import { QueryTypes, type Transaction } from 'sequelize';
import { Customer } from '../../models/index.js';
import type { CUSTOMER_GRADES, CUSTOMER_STATUSES } from '../../models/customer.model.js';
import { recordAudit } from '../../audit/audit-log.js';
import type { DataScope } from '../../access/authorisation/data-scope.js';
import { churnThresholds, type ChurnThresholds } from './churn-thresholds.js';
import { REVENUE_ORDER_STATUSES } from './revenue.js';
import { businessDayOf } from '../../clock/business-clock.js';

type Grade = (typeof CUSTOMER_GRADES)[number];
type Status = (typeof CUSTOMER_STATUSES)[number];

export interface RecomputeOptions {
  /** The day the analysis is as of; orders after it are ignored. Default: now. */
  asOf?: Date;
  /** Run inside the caller's transaction (the demo-data loader); otherwise in one of its own. */
  transaction?: Transaction;
  /**
   * Whose customers are rewritten: a manager's run updates their branch's, the nightly job passes
   * SYSTEM_SCOPE. Grades still rank every customer, so a branch's A is the company's A.
   */
  scope: DataScope;
  thresholds?: ChurnThresholds;
  /** Analyse only these customers, ranked among themselves. Default: every customer not merged away. */
  customerIds?: number[];
}

export interface AnalysisCounts {
  analysed: number;
  /** How many customers changed status in this run. */
  statusChanged: number;
  byGrade: Record<Grade, number>;
  byStatus: Record<Status, number>;
}

/** Two runs at once (the schedule on two instances, or a click during it) take turns. */
const ANALYSIS_LOCK = 7210306;

/**
 * Grade, RFM and churn for every customer, in one SQL statement over the orders:
 * - revenue_12m: revenue in the 12 months up to asOf; grade by Pareto over it — A are the customers
 *   who together make the first 80 % of revenue (the one crossing the line included), B the next
 *   15 %, C the rest and every customer without revenue;
 * - RFM 1–5 by quintile among the customers who bought in those 12 months (last order date, number
 *   of orders, revenue): a customer's score grows with how many others it beats, so equal values
 *   share a score and the many one-order customers all score 1 on frequency. A customer whose last
 *   order is older scores 1, one who never ordered has none;
 * - status: a prospect stays one until its first order; otherwise the days since the last order
 *   (or since the customer was created, if it has none) decide active, at_risk or churned — so a
 *   churned customer who orders again is active.
 */
export async function recomputeCustomerAnalysis(options: RecomputeOptions): Promise<AnalysisCounts> {
  const { asOf = new Date(), scope, thresholds = churnThresholds(), customerIds } = options;
  const { actor } = scope;
  const sequelize = Customer.sequelize!;
  const run = async (transaction: Transaction): Promise<AnalysisCounts> => {
    await sequelize.query('SELECT pg_advisory_xact_lock($1)', { bind: [ANALYSIS_LOCK], transaction });
    const rows = await sequelize.query<{ grade: Grade; status: Status; customers: number; changed: number }>(analysisSql(scope.rowsOf('customers', 'c.id')), {
      bind: [businessDayOf(asOf), REVENUE_ORDER_STATUSES, thresholds.atRiskDays, thresholds.churnedDays, customerIds ?? null, asOf],
      type: QueryTypes.SELECT,
      transaction,
    });
    const counts = tally(rows);
    await recordAudit(
      actor,
      { action: 'recomputeAnalysis', resource: 'customers', recordId: null, details: { asOf: asOf.toISOString(), thresholds, ...(customerIds ? { customerIds } : {}), ...counts } },
      transaction,
    );
    return counts;
  };
  return options.transaction ? run(options.transaction) : sequelize.transaction(run);
}

function tally(rows: Array<{ grade: Grade; status: Status; customers: number; changed: number }>): AnalysisCounts {
  const counts: AnalysisCounts = {
    analysed: 0,
    statusChanged: 0,
    byGrade: { A: 0, B: 0, C: 0 },
    byStatus: { prospect: 0, active: 0, at_risk: 0, churned: 0 },
  };
  for (const row of rows) {
    counts.analysed += row.customers;
    counts.statusChanged += row.changed;
    counts.byGrade[row.grade] += row.customers;
    counts.byStatus[row.status] += row.customers;
  }
  return counts;
}

// $1 as-of day, $2 revenue statuses, $3 at-risk days, $4 churned days, $5 customer ids or null, $6 analysed at.
// The quintile of a customer among n buyers: 1 + ⌊5 × (buyers strictly below it) / n⌋, where
// rank() − 1 counts those below; integer arithmetic, so no floating-point edge moves a boundary.
// `rewritable` limits the UPDATE (c) to the caller's customers; everything before it reads all.
const analysisSql = (rewritable: string) => `
WITH population AS (
  SELECT id, status AS old_status, created_at
    FROM customers
   WHERE merged_into_id IS NULL AND ($5::int[] IS NULL OR id = ANY($5::int[]))
), orders AS (
  SELECT o.customer_id,
         max(o.order_date) AS last_order_on,
         count(*) FILTER (WHERE o.order_date > $1::date - interval '12 months') AS frequency,
         coalesce(sum(o.total_amount) FILTER (WHERE o.order_date > $1::date - interval '12 months'), 0) AS revenue
    FROM sales_orders o
    JOIN population p ON p.id = o.customer_id
   WHERE o.status = ANY($2::text[]) AND o.order_date <= $1::date
   GROUP BY o.customer_id
), facts AS (
  SELECT p.id, p.old_status, p.created_at, o.last_order_on,
         coalesce(o.frequency, 0) AS frequency, coalesce(o.revenue, 0) AS revenue
    FROM population p
    LEFT JOIN orders o ON o.customer_id = p.id
), pareto AS (
  SELECT id,
         sum(revenue) OVER () AS total,
         coalesce(sum(revenue) OVER (ORDER BY revenue DESC, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0) AS before
    FROM facts
), buyers AS (
  SELECT id,
         count(*) OVER () AS n,
         rank() OVER (ORDER BY last_order_on) - 1 AS recency_below,
         rank() OVER (ORDER BY frequency) - 1 AS frequency_below,
         rank() OVER (ORDER BY revenue) - 1 AS monetary_below
    FROM facts
   WHERE frequency > 0
), scored AS (
  SELECT f.id, f.old_status, f.revenue, f.last_order_on,
         CASE WHEN f.revenue <= 0 THEN 'C'
              WHEN p.before < 0.80 * p.total THEN 'A'
              WHEN p.before < 0.95 * p.total THEN 'B'
              ELSE 'C' END AS grade,
         CASE WHEN b.id IS NOT NULL THEN 1 + 5 * b.recency_below / b.n WHEN f.last_order_on IS NOT NULL THEN 1 END AS recency_score,
         CASE WHEN b.id IS NOT NULL THEN 1 + 5 * b.frequency_below / b.n WHEN f.last_order_on IS NOT NULL THEN 1 END AS frequency_score,
         CASE WHEN b.id IS NOT NULL THEN 1 + 5 * b.monetary_below / b.n WHEN f.last_order_on IS NOT NULL THEN 1 END AS monetary_score,
         CASE WHEN f.last_order_on IS NULL AND f.old_status = 'prospect' THEN 'prospect'
              WHEN $1::date - coalesce(f.last_order_on, f.created_at::date) >= $4 THEN 'churned'
              WHEN $1::date - coalesce(f.last_order_on, f.created_at::date) >= $3 THEN 'at_risk'
              ELSE 'active' END AS status
    FROM facts f
    JOIN pareto p ON p.id = f.id
    LEFT JOIN buyers b ON b.id = f.id
), updated AS (
  UPDATE customers c
     SET grade = s.grade, status = s.status,
         recency_score = s.recency_score, frequency_score = s.frequency_score, monetary_score = s.monetary_score,
         revenue_12m = s.revenue, last_order_on = s.last_order_on, analysed_at = $6, updated_at = now()
    FROM scored s
   WHERE c.id = s.id AND ${rewritable}
  RETURNING s.grade, s.status, s.old_status
)
SELECT grade, status, count(*)::int AS customers, (count(*) FILTER (WHERE status <> old_status))::int AS changed
  FROM updated
 GROUP BY grade, status`;
