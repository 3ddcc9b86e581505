import type { Transaction } from 'sequelize';
import { Contract, Customer, SalesOrder, Warehouse } from '../../models/index.js';
import { SHIPPING_METHODS } from '../../models/sales-order.model.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { businessToday } from '../../clock/business-clock.js';
import { dayProblem } from '../../db/strict-values.js';
import { SALES_ORDER_STATES } from '../state-rules/sales-order-states.js';
import { assertChildrenOpen } from '../state-rules/state-table.js';
import { priceDraftLines } from '../pricing/price-draft-lines.js';
import { parseDraftOrderLines } from './order-line-input.js';
import { replaceOrderLines } from './replace-order-lines.js';
import { optionalText } from './required-input.js';

/** An order's header and lines as one screen sends them; ids arrive as text or numbers. */
export interface DraftOrderInput {
  customerId?: unknown;
  warehouseId?: unknown;
  orderDate?: unknown;
  deliveryDate?: unknown;
  shippingMethod?: unknown;
  contractId?: unknown;
  notes?: unknown;
  lines?: unknown;
}

type Header = Pick<SalesOrder, 'customer_id' | 'warehouse_id' | 'order_date' | 'delivery_date' | 'shipping_method' | 'contract_id' | 'notes' | 'branch_id'>;

/**
 * 保存草稿订单: an order's header and all its lines saved together, in one transaction — a new
 * order (owned by whoever saves it, in its customer's branch, dated today on the business clock
 * unless a date is given) or a draft changed. Each line's price is the price list's in force for
 * the customer on the order's date (left blank, it is filled in; another is refused), or the one
 * entered where no list applies. Every value is exact or refused next to its field
 * ('customer_id', 'lines.1.unit_price'); an order that is no longer a draft is refused as a whole
 * (its correction is amendConfirmedOrder). The caller checks that the customer, warehouse and
 * contract are inside the employee's scope.
 */
export async function saveDraftOrder(orderId: number | null, input: DraftOrderInput, actor: Actor): Promise<SalesOrder> {
  const drafted = parseDraftOrderLines(input.lines ?? []);
  return SalesOrder.sequelize!.transaction(async (transaction) => {
    const existing = orderId === null ? null : await SalesOrder.findByPk(orderId, { transaction, lock: transaction.LOCK.UPDATE });
    if (orderId !== null && !existing) throw new BusinessRuleError('orderNotFound', { id: orderId });
    if (existing) assertChildrenOpen(SALES_ORDER_STATES, existing.status, 'lines');
    const header = await headerOf(input, existing, transaction);
    const before = existing?.get({ plain: true, clone: true });
    const lines = await priceDraftLines(drafted, header.customer_id, header.order_date, transaction);
    const order = existing ? await existing.update(header, { transaction }) : await SalesOrder.create({ ...header, owner_id: actor.id }, { transaction });
    const { changed } = await replaceOrderLines(order, lines, actor, 'saveDraftOrder', transaction);
    // The lines' triggers rewrite the order's total, and an UPDATE does not return the row; a new
    // order's INSERT does, as its triggers left it (they write only the rollups).
    if (changed || existing) await order.reload({ transaction });
    await recordAudit(actor, { action: 'saveDraftOrder', resource: 'sales_orders', recordId: order.id, before, after: order.get({ plain: true }) }, transaction);
    return order;
  });
}

async function headerOf(input: DraftOrderInput, existing: SalesOrder | null, transaction: Transaction): Promise<Header> {
  const customerId = idOf(input.customerId, 'customer_id') ?? existing?.customer_id;
  const warehouseId = idOf(input.warehouseId, 'warehouse_id') ?? existing?.warehouse_id;
  if (customerId === undefined) throw new BusinessRuleError('fieldRequired', {}, 'customer_id');
  if (warehouseId === undefined) throw new BusinessRuleError('fieldRequired', {}, 'warehouse_id');
  const customer = await Customer.findByPk(customerId, { transaction });
  if (!customer) throw new BusinessRuleError('referenceNotFound', {}, 'customer_id');
  if (customer.merged_into_id !== null) throw new BusinessRuleError('customerMergedAway', { customer: customer.name }, 'customer_id');
  const warehouse = await Warehouse.findByPk(warehouseId, { transaction });
  if (!warehouse) throw new BusinessRuleError('referenceNotFound', {}, 'warehouse_id');
  if (!warehouse.active) throw new BusinessRuleError('warehouseInactive', { warehouse: warehouse.name }, 'warehouse_id');
  const contractId = input.contractId === undefined ? (existing?.contract_id ?? null) : (idOf(input.contractId, 'contract_id') ?? null);
  if (contractId !== null) {
    const contract = await Contract.findByPk(contractId, { transaction });
    if (!contract || contract.customer_id !== customer.id) throw new BusinessRuleError('contractOfOtherCustomer', {}, 'contract_id');
  }
  return {
    customer_id: customer.id,
    branch_id: customer.branch_id,
    warehouse_id: warehouse.id,
    contract_id: contractId,
    order_date: dayOf(input.orderDate, 'order_date') ?? existing?.order_date ?? businessToday(),
    delivery_date: input.deliveryDate === undefined ? (existing?.delivery_date ?? null) : dayOf(input.deliveryDate, 'delivery_date'),
    shipping_method: input.shippingMethod === undefined ? (existing?.shipping_method ?? null) : shippingMethodOf(input.shippingMethod),
    notes: input.notes === undefined ? (existing?.notes ?? null) : optionalText(typeof input.notes === 'string' ? input.notes : '', 'notes', 10_000),
  };
}

function idOf(value: unknown, field: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const id = Number(value);
  if (!Number.isSafeInteger(id) || id <= 0) throw new BusinessRuleError('fieldInvalid', {}, field);
  return id;
}

/** A day as typed, refused when it does not exist (2026-02-30 stays an error, never 2 March). */
function dayOf(value: unknown, field: string): string | null {
  if (value === undefined || value === null || value === '') return null;
  const text = String(value).trim();
  const problem = dayProblem(text);
  if (problem) throw new BusinessRuleError(problem, {}, field);
  return text;
}

function shippingMethodOf(value: unknown): SalesOrder['shipping_method'] {
  if (value === null || value === '') return null;
  const method = SHIPPING_METHODS.find((candidate) => candidate === value);
  if (!method) throw new BusinessRuleError('notAChoice', {}, 'shipping_method');
  return method;
}
