import type { SALES_ORDER_STATUSES } from '../../models/sales-order.model.js';
import type { StateTable } from './state-table.js';

type Status = (typeof SALES_ORDER_STATUSES)[number];

/**
 * 销售订单. A draft is the rep's to shape. From confirmation on, stock is reserved for its lines and
 * the customer holds a price: lines, customer, warehouse, date and prices are fixed, and a
 * correction is an amendment (amend-confirmed-order.ts: it re-reserves) or a cancellation and a new
 * order. What still changes is logistics: the planned delivery date and how it ships, until it
 * ships; the notes until it is closed.
 */
export const SALES_ORDER_STATES: StateTable<Status> = {
  resource: 'sales_orders',
  stateField: 'status',
  initialState: 'draft',
  workflowFields: ['total_amount', 'confirmed_at', 'shipped_at', 'delivered_at', 'cancelled_at', 'cancel_reason'],
  editable: {
    draft: 'all',
    confirmed: ['delivery_date', 'shipping_method', 'notes'],
    shipped: ['delivery_date', 'notes'],
    delivered: ['notes'],
    closed: [],
    cancelled: [],
  },
  deletable: ['draft'],
  children: { resource: 'sales_order_items', foreignKey: 'order_id', openIn: ['draft'] },
};

/** The steps the workflow actions take; the database refuses any other change of status. */
export const SALES_ORDER_STEPS: Record<Status, readonly Status[]> = {
  draft: ['confirmed', 'cancelled'],
  confirmed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['closed'],
  closed: [],
  cancelled: [],
};
