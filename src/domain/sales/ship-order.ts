import { SalesOrder, type StockMovement } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { allocateBatchesFifo } from '../inventory/allocate-batches-fifo.js';
import { negateQuantity, summarizeQuantities } from '../inventory/quantity.js';
import { auditStockLevelChange, issueReservedStock } from '../inventory/stock-level-changes.js';
import { recordStockMovement } from '../inventory/record-stock-movement.js';
import { parseDispatch, type DispatchInput } from '../logistics/dispatch.js';
import { recordShipments } from '../logistics/record-shipments.js';
import type { OrderStepOutcome } from './confirm-order.js';
import { lockOrderIn } from './lock-order.js';
import { loadOrderLines, needsByProduct } from './order-lines.js';
import { updateOrderStatus } from './update-order-status.js';

/**
 * 发货: takes the reserved quantity of every line out of the warehouse (on hand and reserved both go
 * down) and writes a shipment to the stock ledger per line and batch, the batches taken first in,
 * first out, each with its transport document (on the conveyance the warehouse names, if it names
 * one); then the order is shipped. All of it or, on any refusal, none of it.
 */
export async function shipOrder(orderId: number, actor: Actor, dispatchInput?: DispatchInput): Promise<OrderStepOutcome> {
  const dispatch = dispatchInput && parseDispatch(dispatchInput);
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await lockOrderIn(orderId, ['confirmed'], 'orderNotConfirmed', transaction);
    const lines = await loadOrderLines(order.id, transaction);
    const movements: StockMovement[] = [];
    for (const need of needsByProduct(lines)) {
      const key = { productId: need.productId, warehouseId: order.warehouse_id };
      const level = await issueReservedStock(key, need.quantity, transaction);
      // Confirming reserved it; only a hand-edited level can lack it now.
      if (!level) throw new BusinessRuleError('reservationMissing', { order: order.order_no, product: need.productName });
      await auditStockLevelChange(actor, 'shipOrder', level, { onHand: negateQuantity(need.quantity), reserved: negateQuantity(need.quantity) }, { order_no: order.order_no }, transaction);
      for (const line of lines.filter((candidate) => candidate.productId === need.productId)) {
        for (const portion of await allocateBatchesFifo(key, line.quantity, transaction)) {
          movements.push(await recordStockMovement(
            actor,
            'shipOrder',
            {
              product_id: line.productId, warehouse_id: order.warehouse_id, kind: 'shipment', quantity: negateQuantity(portion.quantity),
              batch_no: portion.batchNo, order_id: order.id, reference: order.order_no, counterpart_warehouse_id: null, reason: null,
            },
            transaction,
          ));
        }
      }
    }
    await recordShipments(actor, order, movements, dispatch, transaction);
    await updateOrderStatus(actor, 'shipOrder', order, { status: 'shipped', shipped_at: new Date() }, transaction);
    return { order, summary: summarizeQuantities(lines) };
  });
}
