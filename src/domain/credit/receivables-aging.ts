import { QueryTypes } from 'sequelize';
import { SalesOrder } from '../../models/index.js';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { rowScopeCondition } from '../../access/authorisation/row-scopes.js';
import { businessToday } from '../../clock/business-clock.js';
import { agingColumns, IS_RECEIVABLE, outstandingOrdersSql, receivablesByShippedDaySql } from './receivables.js';

export const AGING_GROUPINGS = ['customer', 'branch', 'owner'] as const;
export type AgingGrouping = (typeof AGING_GROUPINGS)[number];

/** Receivables of one customer, branch or representative by age; amounts are decimal text in yuan. */
export interface AgingRow {
  /** The customer's, branch's or representative's id; null for orders nobody owns. */
  id: number | null;
  name: string | null;
  days0to30: string;
  days31to60: string;
  days61to90: string;
  over90: string;
  total: string;
}

/**
 * Per customer, the receivable orders themselves; per branch or representative, their sums per day
 * shipped kept by owner and branch (a few thousand rows rather than every open order). Both carry
 * the orders' owner_id and branch_id, so the orders' row scope reads the same on either.
 */
const perOrder = (orderScope: string | null) => `(SELECT * FROM ${outstandingOrdersSql(orderScope)} r WHERE ${IS_RECEIVABLE})`;
const perShippedDay = receivablesByShippedDaySql;

const GROUPS: Record<AgingGrouping, { receivables: (orderScope: string | null) => string; select: string; join: string; groupBy: string }> = {
  customer: { receivables: perOrder, select: `c.id, c.code || ' ' || c.name AS name`, join: 'JOIN customers c ON c.id = r.customer_id', groupBy: 'c.id' },
  branch: { receivables: perShippedDay, select: 'b.id, b.name', join: 'JOIN branches b ON b.id = r.branch_id', groupBy: 'b.id' },
  owner: { receivables: perShippedDay, select: 'u.id, u.name', join: 'LEFT JOIN users u ON u.id = r.owner_id', groupBy: 'u.id' },
};

/**
 * 应收账龄: what is owed on shipped orders, by days since shipping (0–30, 31–60, 61–90, over 90), per
 * customer, branch or representative (the order's owner), largest total first. Only the orders the
 * employee may see count, as in their order list.
 */
export async function receivablesAging(grouping: AgingGrouping, options: { profile: AccessProfile; asOf?: string }): Promise<AgingRow[]> {
  const group = GROUPS[grouping];
  return SalesOrder.sequelize!.query<AgingRow>(
    `SELECT ${group.select}, ${agingColumns('asOf')}
       FROM ${group.receivables(rowScopeCondition(options.profile, 'sales_orders'))} r ${group.join}
      GROUP BY ${group.groupBy}
      ORDER BY sum(r.outstanding) DESC, ${group.groupBy} NULLS LAST`,
    { bind: { asOf: options.asOf ?? businessToday() }, type: QueryTypes.SELECT },
  );
}
