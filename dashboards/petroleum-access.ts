import { accessOf } from '../src/access/authorisation/current-access.js';
import { isReadable } from '../src/access/authorisation/field-policy.js';
import type { StaffSession } from '../src/access/authentication/staff-session.js';

/**
 * Lifetime value is computed from margins: the dashboard shows it to the roles that may read it on
 * the customer's page (the permission matrix hides it like a cost price).
 */
export function marginsVisibleTo(staff: StaffSession): boolean {
  const profile = accessOf(staff);
  return profile !== undefined && isReadable(profile, 'customers', 'lifetime_value');
}
