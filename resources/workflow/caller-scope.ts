import type { ActionContext } from 'adminjs';
import { accessOf } from '../../src/access/access-middleware.js';
import { rowScopeCondition } from '../../src/access/row-scopes.js';
import type { CallerScope } from '../../src/domain/caller-scope.js';

/** The row scope of the employee behind a request, for the domain services that report on other rows. */
export function callerScopeOf(context: ActionContext): CallerScope {
  const profile = accessOf(context.currentAdmin);
  if (!profile) throw new Error('A report ran without a logged-in employee');
  return { rowCondition: (table) => rowScopeCondition(profile, table) };
}

/** The language of the employee behind a request, for text the server writes into a table. */
export function languageOf(context: ActionContext): 'zh-CN' | 'en' {
  return accessOf(context.currentAdmin)?.locale ?? 'zh-CN';
}
