import type { ActionContext } from 'adminjs';
import { accessOf } from '../../src/access/authorisation/current-access.js';

/** The language of the employee behind a request, for text the server writes into a table. */
export function languageOf(context: ActionContext): 'zh-CN' | 'en' {
  return accessOf(context.currentAdmin)?.locale ?? 'zh-CN';
}
