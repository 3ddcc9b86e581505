/**
 * A refusal the user caused and can fix: short stock, a missing reason, a wrong status. `code` is a
 * message key translated in src/i18n/messages (zh-CN and en), `params` fill its {{placeholders}},
 * and `field`, when set, names the form field the message belongs next to.
 */
export class BusinessRuleError extends Error {
  constructor(
    public readonly code: string,
    public readonly params: Record<string, string | number> = {},
    public readonly field?: string,
  ) {
    super(code);
    this.name = 'BusinessRuleError';
  }
}
