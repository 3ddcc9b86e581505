import { BusinessRuleError } from '../../errors/business-rule-error.js';
import { parseQuantity } from '../inventory/quantity.js';
import { parseDiscount, parseMoney } from './money.js';

/** A line as a form sends it; `id` names a line the order has, none a new one. */
export interface OrderLineInput {
  id?: unknown;
  productId?: unknown;
  quantity?: unknown;
  unitPrice?: unknown;
  discountPct?: unknown;
}

export interface ParsedOrderLine {
  id: number | null;
  productId: number;
  quantity: string;
  unitPrice: string;
  discountPct: string;
  /** The price list version the price came from (null: entered where no list applies); left out, the line keeps its own. */
  priceListVersionId?: number | null;
}

/** A draft's line before pricing: a blank price is the price list's, filled in by priceDraftLines. */
export type DraftOrderLine = Omit<ParsedOrderLine, 'unitPrice'> & { unitPrice: string | null };

/**
 * Reads the lines of an order form, every value exact or refused next to its field
 * ('lines.2.quantity'), so a screen with a row per line can mark the cell to fix.
 */
export function parseOrderLines(inputs: unknown): ParsedOrderLine[] {
  return readLines(inputs, (value, field) => parseMoney(value, field));
}

/** The lines of a draft order, whose prices may be left blank for the price list to fill in. */
export function parseDraftOrderLines(inputs: unknown): DraftOrderLine[] {
  return readLines(inputs, (value, field) => (isBlank(value) ? null : parseMoney(value, field)));
}

function readLines<Price>(inputs: unknown, readPrice: (value: unknown, field: string) => Price) {
  if (!Array.isArray(inputs)) throw new BusinessRuleError('orderLinesMissing', {}, 'lines');
  return inputs.map((input: OrderLineInput, index) => {
    const field = (name: string) => `lines.${index}.${name}`;
    return {
      id: optionalId(input.id, field('id')),
      productId: requiredId(input.productId, field('product_id')),
      quantity: parseQuantity(input.quantity, field('quantity')),
      unitPrice: readPrice(input.unitPrice, field('unit_price')),
      discountPct: parseDiscount(input.discountPct, field('discount_pct')),
    };
  });
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function optionalId(value: unknown, field: string): number | null {
  if (isBlank(value)) return null;
  return requiredId(value, field);
}

function requiredId(value: unknown, field: string): number {
  const id = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id <= 0) throw new BusinessRuleError('fieldRequired', {}, field);
  return id;
}
