import type { Transaction } from 'sequelize';
import { Product, SalesOrder, SalesOrderAmendment, Warehouse } from '../../models/index.js';
import type { AmendedLine } from '../../models/sales-order-amendment.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { compareQuantities, negateQuantity, subtractQuantity, summarizeQuantities, sumQuantities, type QuantitySummary } from '../inventory/quantity.js';
import { auditStockLevelChange, availableOf, readStockLevel, releaseReservedStock, reserveStock } from '../inventory/stock-level-changes.js';
import { lockOrderIn } from './lock-order.js';
import { parseOrderLines, type ParsedOrderLine } from './order-line-input.js';
import { replaceOrderLines } from './replace-order-lines.js';
import { requireText } from './required-input.js';

export interface AmendedOrder {
  order: SalesOrder;
  amendment: SalesOrderAmendment;
  summary: QuantitySummary;
}

/**
 * 修改已确认订单: the explicit way to correct a confirmed order (a wrong quantity, a price agreed
 * again, a line added or dropped) without cancelling it. In one transaction: the amendment is
 * written down with its reason and the lines before, the lines become the given ones, and the
 * reservation follows exactly — each product's reserved stock moves by the difference, in product
 * order, refused as a whole when the warehouse cannot cover an increase. Nothing is left reserved
 * for a line that no longer asks for it, and nothing is shipped that was not reserved.
 */
export async function amendConfirmedOrder(orderId: number, input: { lines: unknown; reason: unknown }, actor: Actor): Promise<AmendedOrder> {
  const reason = requireText(typeof input.reason === 'string' ? input.reason : undefined, 'reason');
  const lines = parseOrderLines(input.lines);
  if (lines.length === 0) throw new BusinessRuleError('amendmentWithoutLines', {}, 'lines');
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const order = await lockOrderIn(orderId, ['confirmed'], 'orderNotAmendable', transaction);
    const amendment = await SalesOrderAmendment.create(
      { order_id: order.id, reason, total_before: order.total_amount, lines_before: [], amended_by_id: actor.id },
      { transaction },
    );
    const changes = await replaceOrderLines(order, lines, actor, 'amendOrder', transaction);
    if (!changes.changed) throw new BusinessRuleError('amendmentChangesNothing', { order: order.order_no }, 'lines');
    await followReservation(order, changes.before, changes.after, lines, actor, transaction);

    const before = order.get({ plain: true, clone: true });
    await order.reload({ transaction });
    await amendment.update({ lines_before: changes.before, lines_after: changes.after, total_after: order.total_amount }, { transaction });
    await recordAudit(
      actor,
      { action: 'amendOrder', resource: 'sales_orders', recordId: order.id, before, after: order.get({ plain: true }), details: { reason, amendment_id: amendment.id } },
      transaction,
    );
    const products = await Product.findAll({ where: { id: [...new Set(changes.after.map((line) => line.product_id))] }, transaction });
    const unitOf = new Map(products.map((product) => [product.id, product.unit]));
    return { order, amendment, summary: summarizeQuantities(changes.after.map((line) => ({ quantity: line.quantity, unit: unitOf.get(line.product_id)! }))) };
  });
}

/** Moves each product's reservation in the order's warehouse by what its lines now ask more or less. */
async function followReservation(
  order: SalesOrder, before: AmendedLine[], after: AmendedLine[], lines: ParsedOrderLine[], actor: Actor, transaction: Transaction,
): Promise<void> {
  const products = [...new Set([...before, ...after].map((line) => line.product_id))].sort((a, b) => a - b);
  const total = (rows: AmendedLine[], productId: number) => sumQuantities(rows.filter((line) => line.product_id === productId).map((line) => line.quantity));
  for (const productId of products) {
    const difference = subtractQuantity(total(after, productId), total(before, productId));
    const direction = compareQuantities(difference, '0');
    if (direction === 0) continue;
    const key = { productId, warehouseId: order.warehouse_id };
    const level = direction > 0 ? await reserveStock(key, difference, transaction) : await releaseReservedStock(key, negateQuantity(difference), transaction);
    if (!level && direction > 0) throw await shortOf(order, productId, difference, lines, transaction);
    if (!level) throw new BusinessRuleError('reservationMissing', { order: order.order_no, product: String(productId) });
    await auditStockLevelChange(actor, 'amendOrder', level, { reserved: difference }, { order_no: order.order_no }, transaction);
  }
}

async function shortOf(order: SalesOrder, productId: number, more: string, lines: ParsedOrderLine[], transaction: Transaction): Promise<BusinessRuleError> {
  const product = await Product.findByPk(productId, { transaction, rejectOnEmpty: true });
  const warehouse = await Warehouse.findByPk(order.warehouse_id, { transaction, rejectOnEmpty: true });
  const available = availableOf(await readStockLevel({ productId, warehouseId: order.warehouse_id }, transaction));
  const index = lines.findIndex((line) => line.productId === productId);
  return new BusinessRuleError(
    'amendmentShortOfStock',
    { product: product.name, warehouse: warehouse.name, available, more, shortfall: subtractQuantity(more, available), unit: product.unit },
    `lines.${index}.quantity`,
  );
}
