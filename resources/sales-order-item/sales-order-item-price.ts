import type { ResourceOptions } from 'adminjs';
import { priceOrderLine } from '../../src/domain/pricing/price-order-line.js';
import { postedOrCurrent, ruleBefore } from '../shared/field-refusal.js';

/**
 * A line of a draft order takes its price from the price list in force for the order's customer
 * and date (src/domain/pricing/price-order-line.ts), and remembers which version it came from.
 */
const takeListPrice = ruleBefore(async (request, context) => {
  const orderId = Number(postedOrCurrent(request, context, 'order_id'));
  const productId = Number(postedOrCurrent(request, context, 'product_id'));
  // Without an order and a product there is nothing to price; the form's own checks say what is missing.
  if (!Number.isSafeInteger(orderId) || orderId <= 0 || !Number.isSafeInteger(productId) || productId <= 0) return;
  const price = await priceOrderLine({ orderId, productId, unitPrice: postedOrCurrent(request, context, 'unit_price') });
  if (!price) return;
  return { ...request, payload: { ...request.payload, unit_price: price.unitPrice, price_list_version_id: price.priceListVersionId ?? '' } };
});

export const salesOrderItemPriceActions: NonNullable<ResourceOptions['actions']> = {
  new: { before: takeListPrice },
  edit: { before: takeListPrice },
};
