import { isCalendarDay } from '../../clock/calendar-day.js';
import { registerListFilters, type SqlLiteral } from '../../db/list-filters.js';
import { churnBase, currentCustomer, openTicket, overdueTicket, ratedTicket, revenueOrder, type FigureFilter } from './business-figures.js';

/**
 * The lists behind the figures: `filters.figure=<name>` keeps exactly the rows a figure counts,
 * and customers lists leave merged-away duplicates out unless asked for them (filtering on
 * merged_into_id). Order lines take the order's filters too (revenue, days, branch) and a product
 * category with everything under it, so a category's bar opens the lines it sums.
 */
export function registerFigureFilters(): void {
  registerListFilters('sales_orders', { virtual: { figure: figure({ revenue: revenueOrder() }) } });
  registerListFilters('tickets', { virtual: { figure: figure({ open: openTicket(), overdue: overdueTicket(), rated: ratedTicket() }) } });
  registerListFilters('customers', {
    virtual: { figure: figure({ churnBase: churnBase() }) },
    defaults: [{ unless: 'merged_into_id', condition: currentCustomer() }],
  });
  registerListFilters('sales_order_items', {
    virtual: {
      figure: (value) => (value === 'revenue' ? `order_id IN (SELECT id FROM sales_orders WHERE ${revenueOrder()})` : null),
      order_date: orderDays,
      branch_id: (value, quote) => (isKey(value) ? `order_id IN (SELECT id FROM sales_orders WHERE branch_id = ${quote(String(value))}::int)` : null),
      category_id: (value, quote) => (isKey(value) ? `product_id IN (SELECT id FROM products WHERE category_id IN (${categoryTree(quote(String(value)))}))` : null),
    },
  });
}

function figure(conditions: Partial<Record<FigureFilter, string>>) {
  return (value: unknown) => (typeof value === 'string' && Object.hasOwn(conditions, value) ? conditions[value as FigureFilter]! : null);
}

/** Lines of orders dated within a range of days (both ends included). */
function orderDays(value: unknown, quote: SqlLiteral): string | null {
  const { from, to } = (value ?? {}) as { from?: unknown; to?: unknown };
  const ends = [from === undefined ? null : from, to === undefined ? null : to];
  if (ends.some((end) => end !== null && (typeof end !== 'string' || !isCalendarDay(end)))) return null;
  const bounds = [from ? `order_date >= ${quote(String(from))}::date` : null, to ? `order_date <= ${quote(String(to))}::date` : null].filter(Boolean);
  return bounds.length === 0 ? 'true' : `order_id IN (SELECT id FROM sales_orders WHERE ${bounds.join(' AND ')})`;
}

/** A category and every category under it, however deep. */
function categoryTree(id: string): string {
  return `WITH RECURSIVE tree AS (SELECT id FROM product_categories WHERE id = ${id}::int
                                  UNION ALL SELECT c.id FROM product_categories c JOIN tree ON c.parent_id = tree.id)
          SELECT id FROM tree`;
}

function isKey(value: unknown): boolean {
  return typeof value === 'string' && /^\d{1,9}$/.test(value);
}
