import { BusinessRuleError } from '../../src/errors/business-rule-error.js';

/** Reads a POSTed workflow form: fields arrive as strings (multipart) or JSON values. */
export class FormPayload {
  constructor(private readonly fields: Record<string, unknown> = {}) {}

  /** The field as sent, for the domain rules that check any value themselves. */
  value(name: string): unknown {
    return this.fields[name];
  }

  text(name: string): string | undefined {
    const value = this.fields[name];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  }

  /** A chosen record's id; blank is "none chosen", anything else not an id is refused next to the field. */
  id(name: string): number | undefined {
    const value = this.text(name)?.trim();
    if (value === undefined || value === '') return undefined;
    const id = Number(value);
    if (!Number.isSafeInteger(id) || id <= 0) throw new BusinessRuleError('fieldInvalid', {}, name);
    return id;
  }
}
