import type { Transaction } from 'sequelize';
import { SalesOrder, Warehouse } from '../../models/index.js';
import type { Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { assertWithinCreditLimit } from '../credit/credit-check.js';
import { subtractQuantity, summarizeQuantities, type QuantitySummary } from '../inventory/quantity.js';
import { auditStockLevelChange, availableOf, readStockLevel, reserveStock, type StockLevelKey } from '../inventory/stock-level-changes.js';
import { lockOrderIn } from './lock-order.js';
import { loadOrderLines, needsByProduct, type OrderLine } from './order-lines.js';
import { updateOrderStatus } from './update-order-status.js';

export interface OrderStepOutcome {
  order: SalesOrder;
  summary: QuantitySummary;
}

/**
 * 确认订单: reserves every line's quantity in the order's warehouse, all lines or none. Each
 * reservation is a conditional update PostgreSQL checks on the locked row, so fifty orders confirmed
 * at once against ten tons end with exactly ten tons promised; a short line refuses the whole order,
 * naming the product and how much is missing.
 */
export async function confirmOrder(orderId: number, actor: Actor): Promise<OrderStepOutcome> {
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await lockOrderIn(orderId, ['draft'], 'orderNotDraft', transaction);
    const lines = await loadOrderLines(order.id, transaction);
    if (lines.length === 0) throw new BusinessRuleError('orderHasNoLines', { order: order.order_no });
    await assertWithinCreditLimit(order, actor, transaction);
    for (const need of needsByProduct(lines)) {
      const key = { productId: need.productId, warehouseId: order.warehouse_id };
      const level = await reserveStock(key, need.quantity, transaction);
      if (!level) throw await insufficientStock(need, key, transaction);
      await auditStockLevelChange(actor, 'confirmOrder', level, { reserved: need.quantity }, { order_no: order.order_no }, transaction);
    }
    await updateOrderStatus(actor, 'confirmOrder', order, { status: 'confirmed', confirmed_at: new Date() }, transaction);
    return { order, summary: summarizeQuantities(lines) };
  });
}

async function insufficientStock(need: Omit<OrderLine, 'id'>, key: StockLevelKey, transaction: Transaction): Promise<BusinessRuleError> {
  const available = availableOf(await readStockLevel(key, transaction));
  const warehouse = await Warehouse.findByPk(key.warehouseId, { transaction, rejectOnEmpty: true });
  return new BusinessRuleError('insufficientStock', {
    product: need.productName,
    warehouse: warehouse.name,
    available,
    requested: need.quantity,
    shortfall: subtractQuantity(need.quantity, available),
    unit: need.unit,
  });
}
