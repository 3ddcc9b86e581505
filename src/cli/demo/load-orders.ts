import type { Transaction } from 'sequelize';
import type { SALES_ORDER_STATUSES } from '../../models/sales-order.model.js';
import { SalesOrder, SalesOrderItem } from '../../models/index.js';
import type { DemoClock } from './clock.js';
import { insertRowIds, insertRows } from './insert-rows.js';
import { centsToText, milliToText } from './money.js';
import type { DemoOrder } from './orders.js';

type Status = (typeof SALES_ORDER_STATUSES)[number];

/** The workflow's steps to each status, in order: an order is written as a draft with its lines, then walked there. */
const STEPS_TO: Record<Status, Status[]> = {
  draft: [],
  confirmed: ['confirmed'],
  shipped: ['confirmed', 'shipped'],
  delivered: ['confirmed', 'shipped', 'delivered'],
  closed: ['confirmed', 'shipped', 'delivered', 'closed'],
  cancelled: ['cancelled'],
};

/**
 * The orders and their lines, after the opportunities and contracts they point to. Totals are left to the database (a trigger sums the lines); order
 * numbers come from its sequence, oldest order first. A confirmed order's lines are frozen (the state rules), so each order
 * gets its lines as a draft and then takes the workflow's steps to where it stands.
 */
export async function loadOrders(transaction: Transaction, clock: DemoClock, orders: DemoOrder[]): Promise<void> {
  const inserted = await insertRows(
    SalesOrder,
    orders.map((order) => ({
      customer_id: order.customer.id,
      contract_id: order.contract?.id ?? null,
      opportunity_id: order.opportunity?.id ?? null,
      warehouse_id: order.warehouse.id,
      status: 'draft',
      order_date: clock.day(order.createdAt),
      delivery_date: order.status === 'cancelled' ? null : clock.day(order.deliveredAt ?? order.plannedDeliveryAt),
      shipping_method: order.shippingMethod,
      owner_id: order.customer.ownerId,
      branch_id: order.customer.branchId,
      confirmed_at: order.confirmedAt,
      shipped_at: order.shippedAt,
      delivered_at: order.deliveredAt,
      cancelled_at: order.cancelledAt,
      cancel_reason: order.cancelReason,
      notes: order.notes,
      created_at: order.createdAt,
      updated_at: order.lastChangeAt,
    })),
    transaction,
    ['id', 'order_no'],
  );
  orders.forEach((order, index) => {
    order.id = inserted[index].id;
    order.orderNo = inserted[index].order_no;
  });
  await insertRowIds(
    SalesOrderItem,
    orders.flatMap((order) => order.lines.map((line) => ({
      order_id: order.id,
      product_id: line.product.id,
      quantity: milliToText(line.quantityMilli),
      unit_price: centsToText(line.priceCents),
      discount_pct: (line.discountBasisPoints / 100).toFixed(2),
      created_at: order.createdAt,
      updated_at: order.createdAt,
    }))),
    transaction,
  );
  for (const step of ['confirmed', 'shipped', 'delivered', 'closed', 'cancelled'] as const) {
    const ids = orders.filter((order) => STEPS_TO[order.status].includes(step)).map((order) => order.id);
    if (ids.length > 0) await SalesOrder.update({ status: step }, { where: { id: ids }, transaction, hooks: false, silent: true });
  }
}
