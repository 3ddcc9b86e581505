import type { BranchChurn, CustomerMixRow } from '../dashboard-data.js';
import { churnBase, churned, churnRatePercent } from '../../src/domain/figures/business-figures.js';
import { customerCountRows, select, type DashboardQuery } from './dashboard-query.js';

/** Customers by grade (A/B/C, or not graded yet) and status, as they are now. */
export function customerMixOf(query: DashboardQuery): Promise<CustomerMixRow[]> {
  return select<CustomerMixRow>(
    query,
    `SELECT c.grade, c.status, sum(c.customers)::int AS customers
       FROM ${customerCountRows(query)} c
      GROUP BY c.grade, c.status
      ORDER BY c.grade NULLS LAST, c.status`,
  );
}

/** Per branch, office or outlet: the churn rate (src/domain/figures) as the customers stand now. */
export function churnByBranchOf(query: DashboardQuery): Promise<BranchChurn[]> {
  const churnedCount = `coalesce(sum(c.customers) FILTER (WHERE ${churned('c')}), 0)`;
  return select<BranchChurn>(
    query,
    `SELECT b.id AS "branchId", b.name AS "branchName", b.kind AS "branchKind",
            sum(c.customers)::int AS customers,
            (${churnedCount})::int AS churned,
            ${churnRatePercent(churnedCount, 'sum(c.customers)')} AS "churnRatePct"
       FROM ${customerCountRows(query)} c
       JOIN branches b ON b.id = c.branch_id
      WHERE ${churnBase('c')}
      GROUP BY b.id, b.name, b.kind
      ORDER BY b.id`,
  );
}
