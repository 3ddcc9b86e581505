import type { BranchAging, CreditWatch } from '../dashboard-data.js';
import { agingColumns, receivablesByShippedDaySql } from '../../src/domain/credit/receivables.js';
import { highestUsesSql, usagePctSql, watchCountsSql, watchOrder } from '../../src/domain/credit/credit-watch-list.js';
import { select, visibleOrdersCondition, visibleRows, type DashboardQuery } from './dashboard-query.js';

/**
 * Receivables of the visible orders per branch by age (0–30, 31–60, 61–90, over 90 days since
 * shipping), as the aging view of 收款记录 computes them, from the receivables' sums per day shipped. As of today: the period filter does not
 * apply, the branch filter does.
 */
export function receivablesAgingOf(query: DashboardQuery): Promise<BranchAging[]> {
  return select<BranchAging>(
    query,
    `SELECT b.id AS "branchId", b.name AS "branchName", ${agingColumns('today')}
       FROM ${receivablesByShippedDaySql(visibleOrdersCondition(query))} r
       JOIN branches b ON b.id = r.branch_id
      GROUP BY b.id, b.name
      ORDER BY sum(r.outstanding) DESC, b.id`,
    { today: query.today },
  );
}

export const WATCHED_SHOWN = 8;

/** The credit watch list of the visible customers: how many, how many over the limit, the highest uses first. */
export async function creditWatchOf(query: DashboardQuery): Promise<CreditWatch> {
  const customers = visibleRows(query, 'customers');
  // Two passes over every visible customer's balance, side by side: one after the other they were the
  // last ~400 ms of the page at 100 000 customers.
  const counts = select<{ customers: number; overLimit: number }>(query, watchCountsSql(customers));
  const top = select<CreditWatch['top'][number]>(
    query,
    `SELECT w.id AS "customerId", c.name AS "customerName", w.credit_limit::text AS "creditLimit", w.exposure::text AS exposure,
            ${usagePctSql('w')} AS "usagePct"
       FROM ${highestUsesSql(customers, WATCHED_SHOWN)} w
       JOIN customers c ON c.id = w.id
      ORDER BY ${watchOrder('w')}`,
  );
  const [[watchCounts], topRows] = await Promise.all([counts, top]);
  return { ...watchCounts, top: topRows };
}
