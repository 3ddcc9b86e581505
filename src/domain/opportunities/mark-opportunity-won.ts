import { Customer, Opportunity, Product, SalesOrder, SalesOrderItem, type Warehouse } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { chooseOrderWarehouse } from './choose-order-warehouse.js';
import { exactOrderLines, type PricedQuantity } from './exact-order-lines.js';
import { lockOpenOpportunity } from './opportunity-pipeline.js';
import { updateOpportunity } from './update-opportunity.js';

export interface WonOpportunity {
  opportunity: Opportunity;
  order: SalesOrder;
  product: Product;
  warehouse: Warehouse;
}

/**
 * 赢单: the opportunity is won and becomes a draft order for its customer, shipping from the
 * warehouse chooseOrderWarehouse picks: the opportunity's product and quantity, priced so the order
 * total is the opportunity's amount exactly (split over two adjacent prices when one price per
 * unit cannot make it), or at the list price when no amount was agreed.
 */
export async function markOpportunityWon(opportunityId: number, actor: Actor): Promise<WonOpportunity> {
  return Opportunity.sequelize!.transaction(async (transaction) => {
    const opportunity = await lockOpenOpportunity(opportunityId, transaction);
    if (opportunity.product_id === null) throw new BusinessRuleError('opportunityNeedsProduct', { opportunity: opportunity.title }, 'product_id');
    if (opportunity.quantity === null) throw new BusinessRuleError('opportunityNeedsQuantity', { opportunity: opportunity.title }, 'quantity');
    const quantity = opportunity.quantity;
    const customer = await Customer.findByPk(opportunity.customer_id, { transaction, rejectOnEmpty: true });
    const product = await Product.findByPk(opportunity.product_id, { transaction, rejectOnEmpty: true });
    const warehouse = await chooseOrderWarehouse(customer, product.id, quantity, transaction);
    if (!warehouse) throw new BusinessRuleError('noActiveWarehouse');
    const lines = linesOf(opportunity, product);

    const order = await SalesOrder.create(
      {
        customer_id: customer.id, warehouse_id: warehouse.id, branch_id: opportunity.branch_id,
        owner_id: opportunity.owner_id ?? customer.owner_id, opportunity_id: opportunity.id, contract_id: null,
        delivery_date: null, shipping_method: null, confirmed_at: null, shipped_at: null, delivered_at: null,
        cancelled_at: null, cancel_reason: null, notes: opportunity.title,
      },
      { transaction },
    );
    for (const line of lines) {
      const item = await SalesOrderItem.create({ order_id: order.id, product_id: product.id, quantity: line.quantity, unit_price: line.unitPrice }, { transaction });
      await recordAudit(actor, { action: 'markOpportunityWon', resource: 'sales_order_items', recordId: item.id, after: item.get({ plain: true }) }, transaction);
    }
    // The total is the trigger's sum of the lines; read it back with the generated order number.
    await order.reload({ transaction });
    await recordAudit(actor, { action: 'markOpportunityWon', resource: 'sales_orders', recordId: order.id, after: order.get({ plain: true }), details: { opportunity_id: opportunity.id } }, transaction);
    await updateOpportunity(actor, 'markOpportunityWon', opportunity, { stage: 'won', closed_at: new Date() }, transaction, { order_no: order.order_no });
    return { opportunity, order, product, warehouse };
  });
}

/** The lines that make the agreed amount exactly; the list price when none was agreed. */
function linesOf(opportunity: Opportunity, product: Product): PricedQuantity[] {
  const quantity = opportunity.quantity!;
  // A sign test only: the amount itself stays exact text.
  if (!(Number(opportunity.amount) > 0)) return [{ quantity, unitPrice: product.list_price }];
  const lines = exactOrderLines(opportunity.amount, quantity);
  if (!lines) throw new BusinessRuleError('wonAmountNotExact', { amount: opportunity.amount, quantity }, 'amount');
  return lines;
}
