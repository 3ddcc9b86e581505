import { ValidationError, type ActionContext, type ActionRequest, type BaseRecord, type Before } from 'adminjs';
import { accessOf } from '../../src/access/authorisation/current-access.js';
import { BusinessRuleError } from '../../src/errors/business-rule-error.js';
import { translate } from '../../src/i18n/translate.js';

/**
 * A domain rule checked before AdminJS's own new/edit/delete runs. Its refusal becomes the
 * ValidationError AdminJS shows next to the field and in the notice. AdminJS translates those
 * without parameters, so the message goes out already written in the employee's language, with
 * its figures; the rule's code stays in `type` for API clients.
 */
export function ruleBefore(check: (request: ActionRequest, context: ActionContext) => Promise<ActionRequest | void>): Before {
  return async (request, context) => {
    if (request.method !== 'post') return request;
    try {
      return (await check(request, context)) ?? request;
    } catch (error) {
      if (!(error instanceof BusinessRuleError)) throw error;
      const message = translate(accessOf(context.currentAdmin)?.locale ?? 'zh-CN', error.code, error.params);
      throw new ValidationError(error.field ? { [error.field]: { message, type: error.code } } : {}, { message, type: error.code });
    }
  };
}

/** A posted field as text, else the record's current value (an edit form may leave a field out). */
export function postedOrCurrent(request: ActionRequest, context: ActionContext, field: string): string | null {
  const posted: unknown = request.payload?.[field];
  const value: unknown = posted !== undefined ? posted : context.record?.params[field];
  return value === null || value === undefined ? null : String(value);
}

/** The records an action works on: the one of a record action, or the chosen ones of a bulk action. */
export function recordsOf(context: ActionContext): BaseRecord[] {
  return [...(context.record ? [context.record] : []), ...(context.records ?? [])];
}
