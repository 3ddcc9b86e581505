import type { ResourceWithOptions } from 'adminjs';
import { SalesOrder } from '../../src/models/index.js';
import { navigation } from '../navigation.js';
import { withBuiltInActions } from '../shared/built-in-actions.js';
import { businessCode, computedMoney, readOnly, type RelatedList, showWithRelatedLists, textarea, timestamps } from '../shared/presets.js';
import { salesOrderActions } from './sales-order.actions.js';
import { salesOrderCreditActions } from './sales-order-credit.actions.js';
import { salesOrderEntryActions } from './sales-order-entry.js';

/** An order's page lists its lines, then its total (kept equal to their sum by PostgreSQL), then what left on which conveyance. */
export const salesOrderRelatedLists: RelatedList[] = [
  {
    resourceId: 'sales_order_items', label: 'orderLines', foreignKey: 'order_id',
    params: { sortBy: 'id', direction: 'asc', perPage: '100' },
    columns: ['product_id', 'quantity', 'unit_price', 'discount_pct', 'amount'],
    footer: 'total_amount',
  },
  {
    resourceId: 'payments', label: 'orderPayments', foreignKey: 'order_id',
    params: { sortBy: 'received_on', direction: 'asc', perPage: '50' },
    columns: ['payment_no', 'received_on', 'amount', 'method', 'reference'],
  },
  {
    resourceId: 'credit_approvals', label: 'orderCreditApprovals', foreignKey: 'order_id',
    params: { sortBy: 'requested_at', direction: 'desc', perPage: '10' },
    columns: ['request_no', 'status', 'excess', 'requested_by_id', 'decided_by_id', 'decision_reason'],
  },
  {
    resourceId: 'shipments', label: 'orderShipments', foreignKey: 'order_id',
    params: { sortBy: 'shipped_at', direction: 'asc', perPage: '50' },
    columns: ['shipment_no', 'product_id', 'batch_id', 'transport_mode', 'vehicle_plate', 'seal_no', 'loaded_quantity', 'status'],
  },
];

/** The status moves only through the workflow actions (confirm, ship, deliver, cancel), which move stock. */
export const createSalesOrderResource = (): ResourceWithOptions => ({
  resource: SalesOrder,
  options: {
    navigation: navigation.sales,
    titleProperty: 'order_no',
    listProperties: ['order_no', 'customer_id', 'order_date', 'status', 'total_amount', 'warehouse_id', 'owner_id'],
    filterProperties: ['order_no', 'customer_id', 'status', 'order_date', 'delivery_date', 'warehouse_id', 'shipping_method', 'owner_id', 'branch_id', 'contract_id'],
    sort: { sortBy: 'order_date', direction: 'desc' },
    properties: {
      order_no: businessCode,
      status: readOnly,
      total_amount: computedMoney,
      confirmed_at: readOnly,
      shipped_at: readOnly,
      delivered_at: readOnly,
      cancelled_at: readOnly,
      cancel_reason: { ...textarea, ...readOnly },
      notes: textarea,
      ...timestamps,
    },
    actions: withBuiltInActions({ show: showWithRelatedLists(salesOrderRelatedLists), ...salesOrderEntryActions, ...salesOrderActions, ...salesOrderCreditActions }),
  },
});
