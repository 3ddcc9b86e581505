import type { Transaction } from 'sequelize';
import { SalesOrderItem, type SalesOrder } from '../../models/index.js';
import type { AmendedLine } from '../../models/sales-order-amendment.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { findProductOrRefuse } from '../inventory/inventory-lookups.js';
import type { ParsedOrderLine } from './order-line-input.js';

export interface LineChanges {
  before: AmendedLine[];
  after: AmendedLine[];
  changed: boolean;
}

/**
 * Makes an order's lines the given ones: a line with an id is that line, changed where it differs;
 * one without is new; a line of the order left out is removed. Each change is audited. The caller
 * has locked the order and checked that its state lets its lines change (a draft, or a confirmed
 * order inside an amendment).
 */
export async function replaceOrderLines(order: SalesOrder, lines: ParsedOrderLine[], actor: Actor, action: string, transaction: Transaction): Promise<LineChanges> {
  const existing = await SalesOrderItem.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']], transaction });
  const before = existing.map(snapshot);
  const byId = new Map(existing.map((item) => [item.id, item]));
  let changed = false;
  for (const [index, line] of lines.entries()) {
    await findProductOrRefuse(line.productId, `lines.${index}.product_id`, transaction);
    const values: LineValues = { product_id: line.productId, quantity: line.quantity, unit_price: line.unitPrice, discount_pct: line.discountPct };
    if (line.priceListVersionId !== undefined) values.price_list_version_id = line.priceListVersionId;
    if (line.id === null) {
      const created = await SalesOrderItem.create({ order_id: order.id, ...values }, { transaction });
      await recordAudit(actor, { action, resource: 'sales_order_items', recordId: created.id, after: created.get({ plain: true }) }, transaction);
      changed = true;
      continue;
    }
    const item = byId.get(line.id);
    if (!item) throw new BusinessRuleError('orderLineNotOnOrder', { order: order.order_no }, `lines.${index}.id`);
    byId.delete(line.id);
    if (sameLine(item, values)) continue;
    const previous = item.get({ plain: true, clone: true });
    await item.update(values, { transaction });
    await item.reload({ transaction });
    await recordAudit(actor, { action, resource: 'sales_order_items', recordId: item.id, before: previous, after: item.get({ plain: true }) }, transaction);
    changed = true;
  }
  for (const removed of byId.values()) {
    const previous = removed.get({ plain: true, clone: true });
    await removed.destroy({ transaction });
    await recordAudit(actor, { action, resource: 'sales_order_items', recordId: removed.id, before: previous }, transaction);
    changed = true;
  }
  // Unchanged lines need no second read.
  const after = changed ? (await SalesOrderItem.findAll({ where: { order_id: order.id }, order: [['id', 'ASC']], transaction })).map(snapshot) : before;
  return { before, after, changed };
}

interface LineValues {
  product_id: number;
  quantity: string;
  unit_price: string;
  discount_pct: string;
  price_list_version_id?: number | null;
}

function sameLine(item: SalesOrderItem, values: LineValues): boolean {
  // Both sides are exact text with the column's decimals ('8500.00', '12.500'), as pg and the parsers write them.
  return item.product_id === values.product_id && item.quantity === values.quantity
    && item.unit_price === values.unit_price && item.discount_pct === values.discount_pct
    && (values.price_list_version_id === undefined || item.price_list_version_id === values.price_list_version_id);
}

function snapshot(item: SalesOrderItem): AmendedLine {
  return { id: item.id, product_id: item.product_id, quantity: item.quantity, unit_price: item.unit_price, discount_pct: item.discount_pct, amount: item.amount };
}
