import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * Yuan and litres as typed into a form, exact to the hundredth (NUMERIC(…,2) in the database):
 * carried as integers of hundredths, so no float rounds a fen or a decilitre away.
 */
const HUNDREDTHS = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

export function toHundredths(text: string): bigint {
  const match = HUNDREDTHS.exec(text.trim());
  if (!match) throw new Error(`not an amount: ${text}`);
  return BigInt(match[1]) * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
}

export function fromHundredths(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

/** A positive amount of at most two decimals; the refusal names the field. */
export function parseHundredths(input: unknown, field: string, max?: bigint): string {
  const text = typeof input === 'number' ? String(input) : typeof input === 'string' ? input.trim() : '';
  if (text === '') throw new BusinessRuleError('fieldRequired', {}, field);
  if (!HUNDREDTHS.test(text)) throw new BusinessRuleError('fuelAmountInvalid', { value: text }, field);
  const value = toHundredths(text);
  if (value === 0n) throw new BusinessRuleError('fuelAmountNotPositive', { value: text }, field);
  if (max !== undefined && value > max) throw new BusinessRuleError('fuelAmountTooLarge', { value: text, max: fromHundredths(max) }, field);
  return fromHundredths(value);
}

/** round(litres × price, 2) as PostgreSQL's NUMERIC computes it: halves away from zero. */
export function fuellingAmount(liters: string, unitPrice: string): string {
  const tenThousandths = toHundredths(liters) * toHundredths(unitPrice);
  return fromHundredths((tenThousandths + 50n) / 100n);
}
