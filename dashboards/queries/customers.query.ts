import type { BranchChurn, CustomerMixRow } from '../dashboard-data.js';
import { select, visibleRows, type DashboardQuery } from './dashboard-query.js';

/** Customers by grade (A/B/C, or not graded yet) and status, as they are now. */
export function customerMixOf(query: DashboardQuery): Promise<CustomerMixRow[]> {
  return select<CustomerMixRow>(
    query,
    `SELECT c.grade, c.status, count(*)::int AS customers
       FROM ${visibleRows(query, 'customers')} c
      GROUP BY c.grade, c.status
      ORDER BY c.grade NULLS LAST, c.status`,
  );
}

/** Per branch, office or outlet: churned customers ÷ all its customers, as they are now. */
export function churnByBranchOf(query: DashboardQuery): Promise<BranchChurn[]> {
  return select<BranchChurn>(
    query,
    `SELECT b.id AS "branchId", b.name AS "branchName", b.kind AS "branchKind",
            count(*)::int AS customers,
            (count(*) FILTER (WHERE c.status = 'churned'))::int AS churned,
            round((count(*) FILTER (WHERE c.status = 'churned')) * 100.0 / count(*), 1)::text AS "churnRatePct"
       FROM ${visibleRows(query, 'customers')} c
       JOIN branches b ON b.id = c.branch_id
      GROUP BY b.id, b.name, b.kind
      ORDER BY b.id`,
  );
}
