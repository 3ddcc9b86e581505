import type { Kpis } from '../dashboard-data.js';
import { calendarMonth } from '../dashboard-filters.js';
import { openTicket, overdueTicket, ratedTicket } from '../../src/domain/figures/business-figures.js';
import { customerCountRows, dayEnds, dayStarts, salesRollupRows, select, visibleRows, type DashboardQuery } from './dashboard-query.js';

const closedInPeriod = `t.closed_at >= ${dayStarts('from')} AND t.closed_at < ${dayEnds('to')}`;

/**
 * The cards. Revenue and orders compare calendar months (this one and the one before) whatever the
 * period, tickets and customers at risk are counted as they are now, and satisfaction is the average
 * rating of the tickets closed in the period.
 */
export async function kpisOf(query: DashboardQuery): Promise<Kpis> {
  const thisMonth = calendarMonth(query.today);
  const lastMonth = calendarMonth(query.today, -1);
  const sales = select<{ revenueThisMonth: string; revenueLastMonth: string; revenueChangePct: string | null; ordersThisMonth: number }>(
    query,
    `SELECT this_month::text AS "revenueThisMonth", last_month::text AS "revenueLastMonth",
            CASE WHEN last_month > 0 THEN round((this_month - last_month) * 100 / last_month, 1)::text END AS "revenueChangePct",
            orders AS "ordersThisMonth"
       FROM (SELECT COALESCE(sum(sold.revenue) FILTER (WHERE sold.order_date >= $thisFrom::date), 0)::numeric(16,2) AS this_month,
                    COALESCE(sum(sold.revenue) FILTER (WHERE sold.order_date <= $lastTo::date), 0)::numeric(16,2) AS last_month,
                    COALESCE(sum(sold.orders) FILTER (WHERE sold.order_date >= $thisFrom::date), 0)::int AS orders
               FROM ${salesRollupRows(query, 'sales_daily_revenue', 'lastFrom', 'thisTo')} sold) AS months`,
    { thisFrom: thisMonth.from, thisTo: thisMonth.to, lastFrom: lastMonth.from, lastTo: lastMonth.to },
  );
  const tickets = select<{ openTickets: number; overdueTickets: number; averageSatisfaction: string | null; ratedTickets: number }>(
    query,
    `SELECT (count(*) FILTER (WHERE ${openTicket('t')}))::int AS "openTickets",
            (count(*) FILTER (WHERE ${overdueTicket('t')}))::int AS "overdueTickets",
            round(avg(t.satisfaction) FILTER (WHERE ${closedInPeriod}), 2)::text AS "averageSatisfaction",
            (count(*) FILTER (WHERE ${ratedTicket('t')} AND ${closedInPeriod}))::int AS "ratedTickets"
       FROM ${visibleRows(query, 'tickets')} t`,
    { from: query.filters.from, to: query.filters.to },
  );
  const customers = select<{ customersAtRisk: number }>(
    query,
    `SELECT coalesce(sum(c.customers), 0)::int AS "customersAtRisk" FROM ${customerCountRows(query)} c WHERE c.status = 'at_risk'`,
  );
  const [[salesRow], [ticketsRow], [customersRow]] = await Promise.all([sales, tickets, customers]);
  return { thisMonth, lastMonth, ...salesRow, ...ticketsRow, ...customersRow };
}

/**
 * The next instant the overdue card changes with no write: the earliest SLA still ahead among the
 * visible open tickets (overdueTicket compares it with now()); null when none is ahead.
 */
export async function nextTicketOverdueAt(query: DashboardQuery): Promise<string | null> {
  const [row] = await select<{ at: string | null }>(
    query,
    `SELECT min(t.sla_due_at)::text AS at FROM ${visibleRows(query, 'tickets')} t WHERE ${openTicket('t')} AND t.sla_due_at >= now()`,
  );
  return row.at;
}
