import { BusinessRuleError } from '../../errors/business-rule-error.js';
import type { UNITS } from '../../models/product.model.js';

/**
 * Quantities are NUMERIC(14,3): exact thousandths, carried as strings like '58.000' the way pg
 * returns them. Arithmetic goes through BigInt thousandths so no float ever rounds a ton away.
 */
const QUANTITY_PATTERN = /^([+-])?(\d{1,11})(?:\.(\d{1,3}))?$/;

export type Unit = (typeof UNITS)[number];

const UNIT_SYMBOLS: Record<Unit, string> = { ton: 't', kg: 'kg', liter: 'L', barrel: 'bbl', drum: 'drum' };

/** A short, language-neutral unit symbol for messages ("缺 2.000 t"). */
export function unitSymbol(unit: Unit): string {
  return UNIT_SYMBOLS[unit];
}

export function toThousandths(quantity: string): bigint {
  const match = QUANTITY_PATTERN.exec(quantity.trim());
  if (!match) throw new Error(`not a quantity: ${quantity}`);
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole) * 1000n + BigInt(fraction.padEnd(3, '0'));
  return sign === '-' ? -value : value;
}

export function fromThousandths(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 1000n}.${(magnitude % 1000n).toString().padStart(3, '0')}`;
}

export function sumQuantities(quantities: string[]): string {
  return fromThousandths(quantities.reduce((total, quantity) => total + toThousandths(quantity), 0n));
}

export function subtractQuantity(from: string, amount: string): string {
  return fromThousandths(toThousandths(from) - toThousandths(amount));
}

export function negateQuantity(quantity: string): string {
  return fromThousandths(-toThousandths(quantity));
}

export function compareQuantities(a: string, b: string): number {
  const difference = toThousandths(a) - toThousandths(b);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

/**
 * Reads a quantity typed into a form: at most three decimals, positive unless `signed` (then any
 * non-zero value). The refusal names the field so the message appears next to it.
 */
export function parseQuantity(input: unknown, field: string, options: { signed?: boolean } = {}): string {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (text === '') throw new BusinessRuleError('quantityRequired', {}, field);
  if (!QUANTITY_PATTERN.exec(text)) throw new BusinessRuleError('quantityInvalid', { value: text }, field);
  const value = toThousandths(text);
  if (value === 0n || (!options.signed && value < 0n)) {
    throw new BusinessRuleError(options.signed ? 'quantityZero' : 'quantityNotPositive', { value: text }, field);
  }
  return fromThousandths(value);
}

/** Ordered quantities in tons where the unit is a weight; other units are listed apart. */
export interface QuantitySummary {
  lines: number;
  tons: string;
  /** e.g. '200.000 L, 12.000 drum'; empty when every line is weighed. */
  otherUnits: string;
}

export function summarizeQuantities(lines: Array<{ quantity: string; unit: Unit }>): QuantitySummary {
  let tons = 0n;
  const others = new Map<Unit, bigint>();
  for (const line of lines) {
    const thousandths = toThousandths(line.quantity);
    if (line.unit === 'ton') tons += thousandths;
    // A kilogram is a thousandth of a ton: exact only to whole kilograms, the precision a ton has here.
    else if (line.unit === 'kg') tons += thousandths / 1000n;
    else others.set(line.unit, (others.get(line.unit) ?? 0n) + thousandths);
  }
  const otherUnits = [...others].map(([unit, total]) => `${fromThousandths(total)} ${unitSymbol(unit)}`).join(', ');
  return { lines: lines.length, tons: fromThousandths(tons), otherUnits };
}

/**
 * The tons of an order line in SQL, as summarizeQuantities counts them: tons as they are, kilograms
 * in tons, other units (liters, drums) not at all. The database's line_tons (migration 0091) says
 * so once, for these queries and for the sales rollups its triggers keep. `line` is a
 * sales_order_items alias, `product` a products alias.
 */
export function lineTonsSql(line: string, product: string): string {
  return `line_tons(${line}.quantity, ${product}.unit)`;
}
