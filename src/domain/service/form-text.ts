import { BusinessRuleError } from '../../errors/business-rule-error.js';

/** Form text: trimmed, and empty counts as missing. */
export function requiredText(value: unknown, code: string, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw new BusinessRuleError(code, {}, field);
  return text;
}

export function optionalText(value: unknown): string | null {
  const text = typeof value === 'string' ? value.trim() : '';
  return text === '' ? null : text;
}
