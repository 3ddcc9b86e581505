import { BusinessRuleError } from '../../errors/business-rule-error.js';

/** NUMERIC(14,2): up to twelve digits of yuan and two of fen. */
const MONEY = /^(\d{1,12})(?:\.(\d+))?$/;
/** NUMERIC(5,2) between 0 and 100. */
const PERCENT = /^(\d{1,3})(?:\.(\d+))?$/;

/**
 * Reads an amount typed into a form as exact text ('8500.5' → '8500.50'). A third decimal is
 * refused, not rounded: 12.345 yuan is not an amount the company can invoice.
 */
export function parseMoney(input: unknown, field: string): string {
  const text = textOf(input);
  if (text === '') throw new BusinessRuleError('fieldRequired', {}, field);
  if (text.startsWith('-')) throw new BusinessRuleError('moneyNegative', { value: text }, field);
  const match = MONEY.exec(text);
  if (!match) throw new BusinessRuleError('moneyInvalid', { value: text }, field);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) throw new BusinessRuleError('atMostTwoDecimals', {}, field);
  return `${BigInt(match[1])}.${fraction.padEnd(2, '0')}`;
}

/** A discount in percent, 0 to 100 with at most two decimals; blank is no discount. */
export function parseDiscount(input: unknown, field: string): string {
  const text = textOf(input);
  if (text === '') return '0.00';
  const match = PERCENT.exec(text);
  if (!match) throw new BusinessRuleError('discountInvalid', { value: text }, field);
  const fraction = (match[2] ?? '').replace(/0+$/, '');
  if (fraction.length > 2) throw new BusinessRuleError('atMostTwoDecimals', {}, field);
  const value = `${Number(match[1])}.${fraction.padEnd(2, '0')}`;
  if (Number(value) > 100) throw new BusinessRuleError('discountInvalid', { value: text }, field);
  return value;
}

function textOf(input: unknown): string {
  if (typeof input === 'number') return Number.isFinite(input) ? String(input) : 'NaN';
  return typeof input === 'string' ? input.trim() : '';
}
