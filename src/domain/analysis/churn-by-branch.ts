import { QueryTypes } from 'sequelize';
import { Customer } from '../../models/index.js';
import type { DataScope } from '../../access/authorisation/data-scope.js';
import { churnBase, churned, churnRatePercent, currentCustomer } from '../figures/business-figures.js';

export interface BranchChurn {
  branch_id: number;
  branch_code: string;
  branch_name: string;
  branch_kind: string;
  customers: number;
  prospect: number;
  active: number;
  at_risk: number;
  churned: number;
  /** The churn rate (src/domain/figures) in percent with one decimal, as the dashboard shows it; null without buyers. */
  churn_rate_pct: string | null;
  revenue_12m: string;
  /** Last 12 months' revenue of the customers now at risk: what the outlet stands to lose. */
  revenue_at_risk: string;
}

/**
 * Customer status per branch, office and gas station (the outlets the gas-station theses analyse
 * one by one), from the stored analysis. `branchIds` limits the rows (a dashboard filter or a row
 * scope); merged-away duplicates are not customers any more and are left out. Only the customers
 * in the caller's scope count, and only branches where the caller sees customers are listed,
 * unless they see every customer.
 */
export async function churnByBranch(scope: DataScope, options: { branchIds?: number[] } = {}): Promise<BranchChurn[]> {
  const reached = scope.rowsOf('customers', 'c.id');
  const churnedCount = `count(c.id) FILTER (WHERE ${churned('c')})`;
  return Customer.sequelize!.query<BranchChurn>(
    `SELECT b.id AS branch_id, b.code AS branch_code, b.name AS branch_name, b.kind AS branch_kind,
            count(c.id)::int AS customers,
            (count(c.id) FILTER (WHERE c.status = 'prospect'))::int AS prospect,
            (count(c.id) FILTER (WHERE c.status = 'active'))::int AS active,
            (count(c.id) FILTER (WHERE c.status = 'at_risk'))::int AS at_risk,
            (${churnedCount})::int AS churned,
            ${churnRatePercent(churnedCount, `count(c.id) FILTER (WHERE ${churnBase('c')})`)} AS churn_rate_pct,
            coalesce(sum(c.revenue_12m), 0)::text AS revenue_12m,
            coalesce(sum(c.revenue_12m) FILTER (WHERE c.status = 'at_risk'), 0)::text AS revenue_at_risk
       FROM branches b
       LEFT JOIN customers c ON c.branch_id = b.id AND ${currentCustomer('c')} AND ${reached}
      WHERE $1::int[] IS NULL OR b.id = ANY($1::int[])
      GROUP BY b.id
      ${reached === 'TRUE' ? '' : 'HAVING count(c.id) > 0'}
      ORDER BY b.code`,
    { bind: [options.branchIds ?? null], type: QueryTypes.SELECT },
  );
}
