import { QueryTypes, type Sequelize, type Transaction } from 'sequelize';
import { SalesTarget } from '../../models/index.js';
import { REVENUE_ORDER_STATUSES } from '../../domain/analysis/revenue.js';
import { lineTonsSql } from '../../domain/inventory/quantity.js';
import type { DemoClock } from './clock.js';
import { insertRows } from './insert-rows.js';
import type { DemoRandom } from './random.js';

interface Base {
  level: 'rep' | 'team' | 'branch';
  subject: number;
  branch: number;
  revenue: number;
  tons: number;
}

/**
 * Monthly targets of every representative, team and branch that sells, for the last six months,
 * this one and the next, set the way a manager sets them: last half-year's monthly average, raised
 * or lowered a little month by month. Some are met, some are not.
 */
export async function loadSalesTargets(sequelize: Sequelize, transaction: Transaction, random: DemoRandom, clock: DemoClock): Promise<void> {
  const thisMonth = `${clock.dayFromToday(0).slice(0, 7)}-01`;
  const bases = await sequelize.query<Base>(
    `WITH sold AS (
       SELECT o.owner_id, u.team_id, o.branch_id, o.total_amount,
              (SELECT coalesce(sum(${lineTonsSql('line', 'p')}), 0) FROM sales_order_items line JOIN products p ON p.id = line.product_id WHERE line.order_id = o.id) AS tons
         FROM sales_orders o LEFT JOIN users u ON u.id = o.owner_id
        WHERE o.status = ANY($statuses::varchar[]) AND o.order_date >= $from::date - interval '6 months' AND o.order_date < $from::date)
     SELECT 'rep' AS level, s.owner_id AS subject, u.branch_id AS branch, sum(s.total_amount) / 6 AS revenue, sum(s.tons) / 6 AS tons
       FROM sold s JOIN users u ON u.id = s.owner_id JOIN roles r ON r.id = u.role_id WHERE r.code = 'sales_rep' GROUP BY s.owner_id, u.branch_id
     UNION ALL
     SELECT 'team', s.team_id, t.branch_id, sum(s.total_amount) / 6, sum(s.tons) / 6 FROM sold s JOIN teams t ON t.id = s.team_id GROUP BY s.team_id, t.branch_id
     UNION ALL
     SELECT 'branch', branch_id, branch_id, sum(total_amount) / 6, sum(tons) / 6 FROM sold GROUP BY branch_id
     ORDER BY 1, 2`,
    { bind: { statuses: REVENUE_ORDER_STATUSES, from: thisMonth }, type: QueryTypes.SELECT, transaction },
  );
  const rows = bases.flatMap((base) =>
    Array.from({ length: 8 }, (_unused, index) => {
      const month = addMonths(thisMonth, index - 6);
      const factor = random.between(0.9, 1.25);
      return {
        month, level: base.level, user_id: base.level === 'rep' ? base.subject : null, team_id: base.level === 'team' ? base.subject : null,
        branch_id: base.branch,
        target_revenue: (Math.max(1, Math.round((Number(base.revenue) * factor) / 10_000)) * 10_000).toFixed(2),
        target_tons: (Math.max(1, Math.round(Number(base.tons) * factor))).toFixed(3),
        notes: null,
      };
    }),
  );
  await insertRows(SalesTarget, rows, transaction);
}

function addMonths(firstDay: string, months: number): string {
  const date = new Date(`${firstDay}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}
