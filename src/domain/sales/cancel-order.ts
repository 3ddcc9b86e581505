import { SalesOrder } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { negateQuantity, summarizeQuantities, type QuantitySummary } from '../inventory/quantity.js';
import { auditStockLevelChange, releaseReservedStock } from '../inventory/stock-level-changes.js';
import { lockOrderIn } from './lock-order.js';
import { loadOrderLines, needsByProduct } from './order-lines.js';
import { requireText } from './required-input.js';
import { updateOrderStatus } from './update-order-status.js';

export interface CancelledOrder {
  order: SalesOrder;
  /** What went back to available stock; null when the order was a draft and had reserved nothing. */
  released: QuantitySummary | null;
}

/**
 * 取消订单: a draft or confirmed order is cancelled with its reason; a confirmed one gives its
 * reservations back to the warehouse. Once goods left, cancelling is no longer the way (a return is).
 */
export async function cancelOrder(orderId: number, reasonInput: string | null | undefined, actor: Actor): Promise<CancelledOrder> {
  const reason = requireText(reasonInput, 'cancel_reason');
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await lockOrderIn(orderId, ['draft', 'confirmed'], 'orderNotCancellable', transaction);
    let released: QuantitySummary | null = null;
    if (order.status === 'confirmed') {
      const lines = await loadOrderLines(order.id, transaction);
      for (const need of needsByProduct(lines)) {
        const level = await releaseReservedStock({ productId: need.productId, warehouseId: order.warehouse_id }, need.quantity, transaction);
        if (!level) throw new BusinessRuleError('reservationMissing', { order: order.order_no, product: need.productName });
        await auditStockLevelChange(actor, 'cancelOrder', level, { reserved: negateQuantity(need.quantity) }, { order_no: order.order_no }, transaction);
      }
      released = summarizeQuantities(lines);
    }
    await updateOrderStatus(actor, 'cancelOrder', order, { status: 'cancelled', cancelled_at: new Date(), cancel_reason: reason }, transaction, { reason });
    return { order, released };
  });
}
