import { QueryTypes } from 'sequelize';
import { Customer } from '../../models/index.js';
import type { ReadScope } from '../../access/authorisation/data-scope.js';

export interface BranchLifetimeValue {
  branch_id: number;
  branch_code: string;
  branch_name: string;
  branch_kind: string;
  customers: number;
  margin_to_date: string;
  expected_margin: string;
  lifetime_value: string;
  /** Lifetime value per customer with any value, two decimals; null without customers. */
  average_lifetime_value: string | null;
}

/**
 * Customer lifetime value per branch, office and gas station (the outlets the gas-station theses
 * value one by one), from the stored values, as far as the caller's scope reaches.
 */
export async function lifetimeValueByBranch(scope: ReadScope, options: { branchId?: number | null } = {}): Promise<BranchLifetimeValue[]> {
  return Customer.sequelize!.query<BranchLifetimeValue>(
    `SELECT b.id AS branch_id, b.code AS branch_code, b.name AS branch_name, b.kind AS branch_kind,
            count(c.id)::int AS customers,
            coalesce(sum(c.margin_to_date), 0)::text AS margin_to_date,
            coalesce(sum(c.expected_margin), 0)::text AS expected_margin,
            coalesce(sum(c.lifetime_value), 0)::text AS lifetime_value,
            round(avg(c.lifetime_value), 2)::text AS average_lifetime_value
       FROM branches b
       LEFT JOIN customers c ON c.branch_id = b.id AND c.merged_into_id IS NULL AND ${scope.rowsOf('customers', 'c.id')}
      WHERE $1::int IS NULL OR b.id = $1 OR b.parent_id = $1
      GROUP BY b.id
      HAVING count(c.id) > 0
      ORDER BY sum(c.lifetime_value) DESC, b.code`,
    { bind: [options.branchId ?? null], type: QueryTypes.SELECT },
  );
}
