import type { Transaction } from 'sequelize';
import { findProductOrRefuse } from '../inventory/inventory-lookups.js';
import type { DraftOrderLine, ParsedOrderLine } from '../sales/order-line-input.js';
import { pricesInForce } from './price-in-force.js';
import { linePrice } from './price-order-line.js';

/**
 * The lines of a draft order priced as one line alone would be (price-order-line.ts): from the
 * price list in force for the customer on the order's day, or as entered where no list applies.
 * Each product must exist; a refusal names its line ('lines.1.unit_price').
 */
export async function priceDraftLines(lines: DraftOrderLine[], customerId: number, day: string, transaction: Transaction): Promise<ParsedOrderLine[]> {
  for (const [index, line] of lines.entries()) await findProductOrRefuse(line.productId, `lines.${index}.product_id`, transaction);
  const listed = await pricesInForce(customerId, day, [...new Set(lines.map((line) => line.productId))], transaction);
  return lines.map((line, index) => {
    const price = linePrice(listed.get(line.productId) ?? null, line.unitPrice, day, `lines.${index}.unit_price`);
    return { ...line, unitPrice: price.unitPrice, priceListVersionId: price.priceListVersionId };
  });
}
