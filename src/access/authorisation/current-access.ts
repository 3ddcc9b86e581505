import type { Actor } from '../../audit/audit-log.js';
import type { AccessProfile } from './access-profile.js';
import { staffScope, type DataScope } from './data-scope.js';

const ACCESS = Symbol.for('petrocrm.access');

/**
 * Hangs the employee's access profile on the session's adminUser for this request, under a symbol,
 * so it is neither saved in the session store nor sent to the browser; AdminJS hands the same
 * object to every hook as `currentAdmin`.
 */
export function attachAccess(currentAdmin: object, profile: AccessProfile): void {
  Object.defineProperty(currentAdmin, ACCESS, { value: profile, enumerable: false, configurable: true });
}

/** The access profile loaded for this request. */
export function accessOf(currentAdmin: unknown): AccessProfile | undefined {
  return (currentAdmin as { [ACCESS]?: AccessProfile } | undefined)?.[ACCESS];
}

/** The logged-in employee as the audit log names them. */
export function staffActor(currentAdmin: unknown): Actor & { id: number } {
  const profile = accessOf(currentAdmin);
  if (!profile) throw new Error('An action ran without a logged-in employee');
  return { id: profile.userId, email: profile.email };
}

/** The rows the logged-in employee reaches, for the domain services an action calls. */
export function staffDataScope(currentAdmin: unknown): DataScope {
  const profile = accessOf(currentAdmin);
  if (!profile) throw new Error('An action ran without a logged-in employee');
  return staffScope(profile);
}
