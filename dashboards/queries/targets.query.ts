import type { TargetProgress } from '../dashboard-data.js';
import { monthEnd, monthStart } from '../dashboard-filters.js';
import { salesRollupRows, select, visibleRows, type DashboardQuery } from './dashboard-query.js';

/**
 * Sales targets of the months the period touches, against what was sold in those months: revenue
 * by the dashboard's one definition (confirmed and later orders, by order date, within the
 * employee's scope and the branch filter, here read from their daily rollups) and tons from the
 * same orders' lines (their rollup by category; tons as lineTonsSql counts them). A
 * representative's actual is the orders they own; a team's, the orders of its members; a branch's,
 * the orders of that branch. Summed per subject over the months that have a target.
 * The actuals are summed once (MATERIALIZED): inlined, the planner re-aggregated them for every
 * target (534 ms at 1 000 000 orders, 21 ms summed once).
 */
export function targetProgressOf(query: DashboardQuery): Promise<TargetProgress[]> {
  return select<TargetProgress>(
    query,
    `WITH sold AS (
       SELECT order_date, owner_id, branch_id, revenue, 0 AS tons FROM ${salesRollupRows(query, 'sales_daily_revenue', 'from', 'to')} orders
       UNION ALL
       SELECT order_date, owner_id, branch_id, 0, tons FROM ${salesRollupRows(query, 'sales_daily_category_revenue', 'from', 'to')} lines
     ), actual AS MATERIALIZED (
       SELECT date_trunc('month', sold.order_date)::date AS month, sold.owner_id, u.team_id, sold.branch_id,
              sum(sold.revenue) AS total_amount, sum(sold.tons) AS tons
         FROM sold
         LEFT JOIN users u ON u.id = sold.owner_id
        GROUP BY 1, 2, 3, 4
     ), targets AS (
       SELECT * FROM ${visibleRows(query, 'sales_targets')} t WHERE t.month BETWEEN $from::date AND $to::date
     )
     SELECT t.level, coalesce(t.user_id, t.team_id, t.branch_id) AS "subjectId",
            coalesce(u.name, tm.name, b.name) AS "subjectName", count(*)::int AS months,
            sum(t.target_revenue)::numeric(16,2)::text AS "targetRevenue", sum(a.revenue)::numeric(16,2)::text AS "actualRevenue",
            sum(t.target_tons)::numeric(16,3)::text AS "targetTons", sum(a.tons)::numeric(16,3)::text AS "actualTons"
       FROM targets t
       LEFT JOIN LATERAL (
         SELECT coalesce(sum(actual.total_amount), 0) AS revenue, coalesce(sum(actual.tons), 0) AS tons
           FROM actual
          WHERE actual.month = t.month
            AND CASE t.level WHEN 'rep' THEN actual.owner_id = t.user_id
                             WHEN 'team' THEN actual.team_id = t.team_id
                             ELSE actual.branch_id = t.branch_id END) a ON true
       LEFT JOIN users u ON t.level = 'rep' AND u.id = t.user_id
       LEFT JOIN teams tm ON t.level = 'team' AND tm.id = t.team_id
       LEFT JOIN branches b ON t.level = 'branch' AND b.id = t.branch_id
      GROUP BY t.level, 2, 3
      ORDER BY array_position(ARRAY['branch', 'team', 'rep']::varchar[], t.level), 3`,
    { from: monthStart(query.filters.from), to: monthEnd(query.filters.to) },
  );
}
