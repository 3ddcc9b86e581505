import { QueryTypes, type Transaction } from 'sequelize';
import { Customer, Opportunity, Product, SalesOrder, SalesOrderItem, type Warehouse } from '../../models/index.js';
import { recordAudit, type Actor } from '../../audit/audit-log.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { chooseOrderWarehouse } from './choose-order-warehouse.js';
import { lockOpenOpportunity } from './opportunity-pipeline.js';
import { updateOpportunity } from './update-opportunity.js';

export interface WonOpportunity {
  opportunity: Opportunity;
  order: SalesOrder;
  product: Product;
  warehouse: Warehouse;
}

/**
 * 赢单: the opportunity is won and becomes a draft order for its customer: one line with the
 * opportunity's product and quantity, priced so the line comes to the opportunity's amount (the list
 * price when no amount was agreed), shipping from the warehouse chooseOrderWarehouse picks.
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

    const order = await SalesOrder.create(
      {
        customer_id: customer.id, warehouse_id: warehouse.id, branch_id: opportunity.branch_id,
        owner_id: opportunity.owner_id ?? customer.owner_id, opportunity_id: opportunity.id, contract_id: null,
        delivery_date: null, shipping_method: null, confirmed_at: null, shipped_at: null, delivered_at: null,
        cancelled_at: null, cancel_reason: null, notes: opportunity.title,
      },
      { transaction },
    );
    const item = await SalesOrderItem.create(
      { order_id: order.id, product_id: product.id, quantity, unit_price: await unitPrice(opportunity.amount, quantity, product, transaction) },
      { transaction },
    );
    // The total is the trigger's sum of the line; read it back with the generated order number.
    await order.reload({ transaction });
    await recordAudit(actor, { action: 'markOpportunityWon', resource: 'sales_orders', recordId: order.id, after: order.get({ plain: true }), details: { opportunity_id: opportunity.id } }, transaction);
    await recordAudit(actor, { action: 'markOpportunityWon', resource: 'sales_order_items', recordId: item.id, after: item.get({ plain: true }) }, transaction);
    await updateOpportunity(actor, 'markOpportunityWon', opportunity, { stage: 'won', closed_at: new Date() }, transaction, { order_no: order.order_no });
    return { opportunity, order, product, warehouse };
  });
}

/** Amount ÷ quantity to the fen, by PostgreSQL's exact NUMERIC division. */
async function unitPrice(amount: string, quantity: string, product: Product, transaction: Transaction): Promise<string> {
  // A sign test only: the division itself stays in NUMERIC.
  if (!(Number(amount) > 0)) return product.list_price;
  const [row] = await Opportunity.sequelize!.query<{ price: string }>('SELECT round($1::numeric / $2::numeric, 2) AS price', {
    bind: [amount, quantity],
    type: QueryTypes.SELECT,
    transaction,
  });
  return row.price;
}
