import type { SALES_ORDER_STATUSES } from '../../models/sales-order.model.js';

/**
 * Orders that count as sales: confirmed and later, not drafts (not yet agreed) nor cancelled ones.
 * Revenue is their total_amount, dated by order_date. The dashboard uses the same rule.
 */
export const REVENUE_ORDER_STATUSES: readonly (typeof SALES_ORDER_STATUSES)[number][] = ['confirmed', 'shipped', 'delivered', 'closed'];

/** The calendar day of a moment in the server's time zone, as PostgreSQL's DATE text. */
export function calendarDay(moment: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}
