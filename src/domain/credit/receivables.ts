import { REVENUE_ORDER_STATUSES } from '../analysis/revenue.js';
import { BUSINESS_TIME_ZONE } from '../business-day.js';

/**
 * What a customer owes, defined once for the credit check, the watch list, the aging view and the
 * dashboard. An order counts from its confirmation (the same statuses as revenue): once shipped
 * (shipped, delivered, closed) its unpaid part is a receivable (应收账款) dated by the day it
 * shipped; confirmed but not yet shipped it is a commitment, confirmed and unpaid. Drafts and
 * cancelled orders owe nothing. Payments count against their own order only.
 */
export const RECEIVABLE_ORDER_STATUSES = ['shipped', 'delivered', 'closed'] as const;

const quoted = (values: readonly string[]) => values.map((value) => `'${value}'`).join(', ');

/**
 * One row per order that still owes something: id, order_no, customer_id, branch_id, owner_id,
 * status, total_amount, paid, outstanding and shipped_on (the Beijing day it shipped; the order
 * date for an order marked shipped without a time). `orders` is the orders table or a derived
 * table of it (a caller's row scope).
 */
export function outstandingOrdersSql(orders = 'sales_orders'): string {
  return `(SELECT o.id, o.order_no, o.customer_id, o.branch_id, o.owner_id, o.status, o.total_amount,
                  coalesce(p.paid, 0) AS paid, o.total_amount - coalesce(p.paid, 0) AS outstanding,
                  coalesce((o.shipped_at AT TIME ZONE '${BUSINESS_TIME_ZONE}')::date, o.order_date) AS shipped_on
             FROM ${orders} o
             LEFT JOIN LATERAL (SELECT sum(amount) AS paid FROM payments WHERE order_id = o.id) p ON true
            WHERE o.status IN (${quoted(REVENUE_ORDER_STATUSES)}) AND o.total_amount > coalesce(p.paid, 0))`;
}

/** The condition on an outstanding order (alias `r`) that makes it a receivable rather than a commitment. */
export const IS_RECEIVABLE = `r.status IN (${quoted(RECEIVABLE_ORDER_STATUSES)})`;

/**
 * The SELECT list of the four buckets (0–30, 31–60, 61–90 and over 90 days since shipping, as of
 * `$<asOf>`) and their total over receivables (alias `r`), as decimal text.
 */
export function agingColumns(asOfParameter: string): string {
  const age = `($${asOfParameter}::date - r.shipped_on)`;
  const bucket = (condition: string) => `coalesce(sum(r.outstanding) FILTER (WHERE ${IS_RECEIVABLE} AND ${condition}), 0)::numeric(16,2)::text`;
  return `${bucket(`${age} <= 30`)} AS "days0to30",
          ${bucket(`${age} BETWEEN 31 AND 60`)} AS "days31to60",
          ${bucket(`${age} BETWEEN 61 AND 90`)} AS "days61to90",
          ${bucket(`${age} > 90`)} AS "over90",
          coalesce(sum(r.outstanding) FILTER (WHERE ${IS_RECEIVABLE}), 0)::numeric(16,2)::text AS "total"`;
}
