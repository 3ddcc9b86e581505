import type { Transaction } from 'sequelize';
import { SalesOrder } from '../../models/index.js';
import type { SALES_ORDER_STATUSES } from '../../models/sales-order.model.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';

export type SalesOrderStatus = (typeof SALES_ORDER_STATUSES)[number];

/**
 * Loads an order for a status change and holds its row until the transaction ends, so two clicks on
 * "ship" cannot both see it confirmed. The refusal key says which statuses the step needs.
 */
export async function lockOrderIn(
  orderId: number,
  allowed: readonly SalesOrderStatus[],
  refusal: string,
  transaction: Transaction,
): Promise<SalesOrder> {
  const order = await SalesOrder.findByPk(orderId, { transaction, lock: transaction.LOCK.UPDATE });
  if (!order) throw new BusinessRuleError('orderNotFound', { id: orderId });
  if (!allowed.includes(order.status)) throw new BusinessRuleError(refusal, { order: order.order_no });
  return order;
}
