import type { Actor } from '../../src/audit/audit-log.js';
import { SYSTEM_SCOPE, type DataScope } from '../../src/access/authorisation/data-scope.js';

/** For domain tests that are not about scope: every row, with the audit rows naming `actor`. */
export function everyRowAs(actor: Actor): DataScope {
  return { ...SYSTEM_SCOPE, actor };
}
