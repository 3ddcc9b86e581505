import type { CategoryRevenue, CustomerRevenue, MonthlyCategoryRevenue, RepRevenue, TeamRevenue } from '../dashboard-data.js';
import { addMonths, monthStart, monthsBetween } from '../dashboard-filters.js';
import { periodBinds, revenueOrders, salesRollupRows, select, type DashboardQuery } from './dashboard-query.js';

/** Every category with the top-level category above it (the tree may be any depth). */
const CATEGORY_ROOTS = `
  WITH RECURSIVE category_root AS (
    SELECT id, id AS root_id FROM product_categories WHERE parent_id IS NULL
    UNION ALL
    SELECT child.id, parent.root_id FROM product_categories child JOIN category_root parent ON child.parent_id = parent.id)`;

/**
 * Monthly revenue by top-level category, over the period's months but never fewer than the 12
 * months up to the period's last one, so a short period still shows the trend it belongs to.
 * Splitting by category sums the order lines (here their daily rollup by category), whose total
 * is the order's total_amount.
 */
export async function monthlyRevenueOf(query: DashboardQuery): Promise<{ months: string[]; rows: MonthlyCategoryRevenue[] }> {
  const twelveMonthsBack = addMonths(monthStart(query.filters.to), -11);
  const from = query.filters.from < twelveMonthsBack ? monthStart(query.filters.from) : twelveMonthsBack;
  const rows = await select<MonthlyCategoryRevenue>(
    query,
    `${CATEGORY_ROOTS}
     SELECT to_char(sold.order_date, 'YYYY-MM') AS month, top.id AS "categoryId", top.name AS "categoryName",
            sum(sold.revenue)::numeric(16,2)::text AS revenue
       FROM ${salesRollupRows(query, 'sales_daily_category_revenue', 'from', 'to')} sold
       JOIN category_root r ON r.id = sold.category_id
       JOIN product_categories top ON top.id = r.root_id
      GROUP BY 1, top.id, top.name, top.sort_order
      ORDER BY 1, top.sort_order, top.id`,
    { from, to: query.filters.to },
  );
  return { months: monthsBetween(from, query.filters.to), rows };
}

/** Revenue in the period by the product's own category, largest first. */
export function revenueByCategoryOf(query: DashboardQuery): Promise<CategoryRevenue[]> {
  return select<CategoryRevenue>(
    query,
    `${CATEGORY_ROOTS}
     SELECT c.id AS "categoryId", c.name AS "categoryName", CASE WHEN top.id <> c.id THEN top.name END AS "parentName",
            sum(sold.revenue)::numeric(16,2)::text AS revenue
       FROM ${salesRollupRows(query, 'sales_daily_category_revenue', 'from', 'to')} sold
       JOIN product_categories c ON c.id = sold.category_id
       JOIN category_root r ON r.id = c.id
       JOIN product_categories top ON top.id = r.root_id
      GROUP BY c.id, c.name, top.id, top.name
      ORDER BY sum(sold.revenue) DESC, c.id`,
    periodBinds(query),
  );
}

export const TOP_CUSTOMERS = 10;

/**
 * The ten customers with the most revenue in the period (customer value): summed per customer
 * first, in customer order from the revenue orders' index by customer (migrations/0097), and only the ten named.
 */
export function topCustomersOf(query: DashboardQuery): Promise<CustomerRevenue[]> {
  return select<CustomerRevenue>(
    query,
    `SELECT c.id AS "customerId", c.name AS "customerName", top.revenue::numeric(16,2)::text AS revenue, top.orders
       FROM (SELECT o.customer_id, sum(o.total_amount) AS revenue, count(*)::int AS orders
               FROM ${revenueOrders(query, 'from', 'to')} o
              GROUP BY o.customer_id
              ORDER BY sum(o.total_amount) DESC, o.customer_id
              LIMIT ${TOP_CUSTOMERS}) top
       JOIN customers c ON c.id = top.customer_id
      ORDER BY top.revenue DESC, c.id`,
    periodBinds(query),
  );
}

/** A chart stays readable up to this many representatives; the rest are the long tail. */
export const TOP_REPRESENTATIVES = 15;

/** Revenue in the period per order owner (the sales representative), largest first. */
export function revenueByRepOf(query: DashboardQuery): Promise<RepRevenue[]> {
  return select<RepRevenue>(
    query,
    `SELECT u.id AS "userId", u.name AS "userName", sum(sold.revenue)::numeric(16,2)::text AS revenue, sum(sold.orders)::int AS orders
       FROM ${salesRollupRows(query, 'sales_daily_revenue', 'from', 'to')} sold
       LEFT JOIN users u ON u.id = sold.owner_id
      GROUP BY u.id, u.name
      ORDER BY sum(sold.revenue) DESC, u.id NULLS LAST
      LIMIT ${TOP_REPRESENTATIVES}`,
    periodBinds(query),
  );
}

/** Revenue in the period per team of the order's owner, largest first. */
export function revenueByTeamOf(query: DashboardQuery): Promise<TeamRevenue[]> {
  return select<TeamRevenue>(
    query,
    `SELECT t.id AS "teamId", t.name AS "teamName", sum(sold.revenue)::numeric(16,2)::text AS revenue
       FROM ${salesRollupRows(query, 'sales_daily_revenue', 'from', 'to')} sold
       LEFT JOIN users u ON u.id = sold.owner_id
       LEFT JOIN teams t ON t.id = u.team_id
      GROUP BY t.id, t.name
      ORDER BY sum(sold.revenue) DESC, t.id NULLS LAST`,
    periodBinds(query),
  );
}
