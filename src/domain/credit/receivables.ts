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
 * One row per order that still owes something: id, customer_id, branch_id, owner_id, status,
 * outstanding (its total less its payments) and shipped_on (the business day it shipped, in
 * BUSINESS_TIME_ZONE; the order date for an order marked shipped without a time:
 * receivable_shipped_on(), migrations/0094, kept on the configured zone by receivable-day.ts). Read
 * from open_receivables, which triggers keep equal to the orders and their payments
 * (migrations/0092). `orderScope` is a condition on the orders' own columns (a caller's row scope,
 * a branch), or null for every order.
 */
export function outstandingOrdersSql(orderScope: string | null = null): string {
  return `(SELECT r.order_id AS id, r.customer_id, r.branch_id, r.owner_id, r.status, r.outstanding,
                  receivable_shipped_on(r.shipped_at, r.order_date) AS shipped_on
             FROM open_receivables r${orderScope ? ` WHERE ${orderScope}` : ''})`;
}

/**
 * The receivables (and only they: no commitments) summed per branch, owner and day shipped, with
 * branch_id, owner_id, shipped_on and outstanding as outstandingOrdersSql names them: what the
 * aging per branch or per representative reads, kept from open_receivables by triggers
 * (migrations/0094). `orderScope` is a condition on the orders' owner_id and branch_id, or null.
 */
export function receivablesByShippedDaySql(orderScope: string | null = null): string {
  return `(SELECT branch_id, owner_id, shipped_on, outstanding FROM receivables_by_shipped_day${orderScope ? ` WHERE ${orderScope}` : ''})`;
}

/** The condition on an outstanding order (alias `r`) that makes it a receivable rather than a commitment. */
export const IS_RECEIVABLE = `r.status IN (${quoted(RECEIVABLE_ORDER_STATUSES)})`;

/**
 * The SELECT list of the four buckets (0–30, 31–60, 61–90 and over 90 days since shipping, as of
 * `$<asOf>`) and their total over receivables (alias `r`, with shipped_on and outstanding; the
 * caller leaves commitments out), as decimal text.
 */
export function agingColumns(asOfParameter: string): string {
  const age = `($${asOfParameter}::date - r.shipped_on)`;
  const bucket = (condition: string) => `coalesce(sum(r.outstanding) FILTER (WHERE ${condition}), 0)::numeric(16,2)::text`;
  return `${bucket(`${age} <= 30`)} AS "days0to30",
          ${bucket(`${age} BETWEEN 31 AND 60`)} AS "days31to60",
          ${bucket(`${age} BETWEEN 61 AND 90`)} AS "days61to90",
          ${bucket(`${age} > 90`)} AS "over90",
          coalesce(sum(r.outstanding), 0)::numeric(16,2)::text AS "total"`;
}
