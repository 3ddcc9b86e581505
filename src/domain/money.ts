import { BusinessRuleError } from '../errors/business-rule-error.js';

/**
 * Money is NUMERIC(14,2): exact fen, carried as strings like '1234567.80' the way pg returns them.
 * Arithmetic goes through BigInt fen, so no float ever rounds a yuan away.
 */
const MONEY_PATTERN = /^([+-])?(\d{1,12})(?:\.(\d{1,2}))?$/;

export function toFen(amount: string): bigint {
  const match = MONEY_PATTERN.exec(amount.trim());
  if (!match) throw new Error(`not an amount of money: ${amount}`);
  const [, sign, whole, fraction = ''] = match;
  const value = BigInt(whole) * 100n + BigInt(fraction.padEnd(2, '0'));
  return sign === '-' ? -value : value;
}

export function fromFen(value: bigint): string {
  const sign = value < 0n ? '-' : '';
  const magnitude = value < 0n ? -value : value;
  return `${sign}${magnitude / 100n}.${(magnitude % 100n).toString().padStart(2, '0')}`;
}

/** ¥1,234,567.80 (and -¥… below zero): how amounts read in messages, in either language. */
export function formatYuan(amount: string): string {
  const value = toFen(amount);
  const [whole, fraction] = fromFen(value < 0n ? -value : value).split('.');
  return `${value < 0n ? '-' : ''}¥${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${fraction}`;
}

/**
 * Reads an amount typed into a form: at most two decimals, thousands separators and a ¥ allowed as
 * Excel and bank slips write them. Positive unless `signed` (then any non-zero amount, a price cut).
 */
export function parseMoney(input: unknown, field: string, options: { signed?: boolean } = {}): string {
  const raw = typeof input === 'number' ? String(input) : typeof input === 'string' ? input : '';
  const text = raw.replace(/[,，\s¥￥]/g, '');
  if (text === '') throw new BusinessRuleError('moneyRequired', {}, field);
  if (!MONEY_PATTERN.test(text)) throw new BusinessRuleError('moneyInvalid', { value: raw.trim() }, field);
  const value = toFen(text);
  if (value === 0n || (!options.signed && value < 0n)) throw new BusinessRuleError(options.signed ? 'moneyZero' : 'moneyNotPositive', {}, field);
  return fromFen(value);
}
