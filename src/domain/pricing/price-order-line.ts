import type { Transaction } from 'sequelize';
import { SalesOrder } from '../../models/index.js';
import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { formatYuan, toFen } from '../money.js';
import { priceInForce, type PriceInForce } from './price-in-force.js';

export interface LinePrice {
  unitPrice: string;
  /** The version the price came from; null for a price entered where no list prices the product. */
  priceListVersionId: number | null;
}

const MONEY = /^\d{1,12}(\.\d{1,2})?$/;

/**
 * The price an order line of a draft order takes. Where a price list is in force for the order's
 * customer and date, the line's price is the list's: left blank it is filled in, entered it must be
 * the same (a price off the list is a discount, entered as such). Where none is, the price entered
 * is the price. Lines of an order past draft are not repriced here: a confirmed order keeps its
 * prices.
 */
export async function priceOrderLine(input: { orderId: number; productId: number; unitPrice: string | null }, transaction?: Transaction): Promise<LinePrice | null> {
  const order = await SalesOrder.findByPk(input.orderId, { transaction, attributes: ['id', 'customer_id', 'order_date', 'status'] });
  if (!order || order.status !== 'draft') return null;
  const listed = await priceInForce({ customerId: order.customer_id, productId: input.productId, day: order.order_date }, transaction);
  return linePrice(listed, input.unitPrice, order.order_date, 'unit_price');
}

/** The rule above for one line, given the list's price (or none) on the order's day; a refusal names `field`. */
export function linePrice(listed: PriceInForce | null, unitPrice: string | null, day: string, field: string): LinePrice {
  const entered = unitPrice?.trim() ?? '';
  if (listed) {
    if (entered !== '' && !(MONEY.test(entered) && toFen(entered) === toFen(listed.unitPrice))) {
      throw new BusinessRuleError(
        'linePriceFromList',
        { price: formatYuan(listed.unitPrice), list: `${listed.priceListCode} ${listed.priceListName}`, version: listed.versionNo, validFrom: listed.validFrom },
        field,
      );
    }
    return { unitPrice: listed.unitPrice, priceListVersionId: listed.versionId };
  }
  if (entered === '') throw new BusinessRuleError('linePriceRequired', { day }, field);
  return { unitPrice: entered, priceListVersionId: null };
}
