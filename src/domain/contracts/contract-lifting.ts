import { QueryTypes } from 'sequelize';
import { Contract } from '../../models/index.js';
import { businessTimeZone } from '../../clock/business-clock.js';
import type { ReadScope } from '../../access/authorisation/data-scope.js';

/**
 * How a contract month stands: `under` the minimum when the month is over, `behind` it while the
 * month runs, `upcoming` before it starts, `over` the maximum, `within` the band, or `unplanned`
 * (lifted in a month without a plan).
 */
export type LiftingStatus = 'under' | 'behind' | 'upcoming' | 'within' | 'over' | 'unplanned';

export interface ContractMonthLifting {
  contract_id: number;
  contract_no: string;
  contract_title: string;
  customer_id: number;
  customer_name: string;
  unit: string;
  /** The first day of the month, 'YYYY-MM-01'. */
  month: string;
  min_quantity: string | null;
  planned_quantity: string | null;
  max_quantity: string | null;
  lifted_quantity: string;
  /** How much is missing to the minimum (0 when reached or without a plan). */
  shortfall: string;
  status: LiftingStatus;
}

export interface LiftingQuery {
  scope: ReadScope;
  /** Months from the one of `from` to the one of `to`, both days 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** The company's today: decides which months are over. */
  today: string;
  contractId?: number;
  /** Contracts of this branch only. */
  branchId?: number | null;
}

/**
 * 计划 vs 实提, per contract and month. Lifted is what left the warehouses for the contract's orders
 * (the shipments of the stock ledger) of the contract's product, or of every product sold in the
 * contract's unit when it names none, counted in the company's month of shipping. Drafts and
 * terminated contracts count as much as active ones: their plans were commitments too.
 */
export async function contractLifting(query: LiftingQuery): Promise<ContractMonthLifting[]> {
  const contractScope = query.scope.rowsOf('contracts', 'c.id');
  return Contract.sequelize!.query<ContractMonthLifting>(
    `WITH scoped AS (
       SELECT c.* FROM contracts c
        WHERE (${contractScope}) AND ($contract::int IS NULL OR c.id = $contract) AND ($branch::int IS NULL OR c.branch_id = $branch)
     ), lifted AS (
       SELECT o.contract_id, date_trunc('month', m.occurred_at AT TIME ZONE $zone)::date AS month, -sum(m.quantity) AS quantity
         FROM stock_movements m
         JOIN sales_orders o ON o.id = m.order_id
         JOIN scoped c ON c.id = o.contract_id
         JOIN products p ON p.id = m.product_id
        WHERE m.kind = 'shipment'
          AND (m.product_id = c.product_id OR (c.product_id IS NULL AND p.unit = c.unit))
          AND m.occurred_at >= (date_trunc('month', $from::date)::timestamp AT TIME ZONE $zone)
          AND m.occurred_at < ((date_trunc('month', $to::date) + interval '1 month')::timestamp AT TIME ZONE $zone)
        GROUP BY 1, 2
     ), months AS (
       SELECT contract_id, month FROM contract_monthly_plans
        WHERE contract_id IN (SELECT id FROM scoped) AND month BETWEEN date_trunc('month', $from::date)::date AND $to::date
       UNION
       SELECT contract_id, month FROM lifted
     )
     SELECT c.id AS contract_id, c.contract_no, c.title AS contract_title, c.customer_id, cu.name AS customer_name, c.unit,
            to_char(m.month, 'YYYY-MM-DD') AS month,
            p.min_quantity, p.planned_quantity, p.max_quantity,
            coalesce(l.quantity, 0)::numeric(14,3)::text AS lifted_quantity,
            greatest(coalesce(p.min_quantity - coalesce(l.quantity, 0), 0), 0)::numeric(14,3)::text AS shortfall,
            CASE WHEN p.id IS NULL THEN 'unplanned'
                 WHEN coalesce(l.quantity, 0) > p.max_quantity THEN 'over'
                 WHEN coalesce(l.quantity, 0) >= p.min_quantity THEN 'within'
                 WHEN m.month > date_trunc('month', $today::date) THEN 'upcoming'
                 WHEN m.month = date_trunc('month', $today::date) THEN 'behind'
                 ELSE 'under' END AS status
       FROM months m
       JOIN scoped c ON c.id = m.contract_id
       JOIN customers cu ON cu.id = c.customer_id
       LEFT JOIN contract_monthly_plans p ON p.contract_id = m.contract_id AND p.month = m.month
       LEFT JOIN lifted l ON l.contract_id = m.contract_id AND l.month = m.month
      ORDER BY c.contract_no, m.month`,
    {
      bind: { zone: businessTimeZone(), from: query.from, to: query.to, today: query.today, contract: query.contractId ?? null, branch: query.branchId ?? null },
      type: QueryTypes.SELECT,
    },
  );
}
