import { accessOf } from '../src/access/access-middleware.js';
import { isReadable } from '../src/access/field-policy.js';
import type { StaffSession } from '../src/access/current-admin.js';

/**
 * Lifetime value is computed from margins: the dashboard shows it to the roles that may read it on
 * the customer's page (the permission matrix hides it like a cost price).
 */
export function marginsVisibleTo(staff: StaffSession): boolean {
  const profile = accessOf(staff);
  return profile !== undefined && isReadable(profile, 'customers', 'lifetime_value');
}
