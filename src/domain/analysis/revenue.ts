import type { SALES_ORDER_STATUSES } from '../../models/sales-order.model.js';

/**
 * Orders that count as sales: confirmed and later, not drafts (not yet agreed) nor cancelled ones.
 * Revenue is their total_amount, dated by order_date. The dashboard uses the same rule.
 */
export const REVENUE_ORDER_STATUSES: readonly (typeof SALES_ORDER_STATUSES)[number][] = ['confirmed', 'shipped', 'delivered', 'closed'];
