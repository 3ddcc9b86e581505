import { BusinessRuleError } from '../../errors/business-rule-error.js';

/**
 * What a form must carry before a rule can even be checked. Field names are the column names, so a
 * refusal lands next to the field the user fills in.
 */
export function requireText(value: string | null | undefined, field: string, maxLength?: number): string {
  const text = value?.trim() ?? '';
  if (text === '') throw new BusinessRuleError('fieldRequired', {}, field);
  if (maxLength !== undefined && text.length > maxLength) throw new BusinessRuleError('fieldTooLong', { max: maxLength }, field);
  return text;
}

export function optionalText(value: string | null | undefined, field: string, maxLength: number): string | null {
  const text = value?.trim() ?? '';
  if (text.length > maxLength) throw new BusinessRuleError('fieldTooLong', { max: maxLength }, field);
  return text === '' ? null : text;
}

export function requireId(value: number | null | undefined, field: string): number {
  if (value === null || value === undefined || !Number.isSafeInteger(value) || value <= 0) {
    throw new BusinessRuleError('fieldRequired', {}, field);
  }
  return value;
}
