import { ADMINISTRATOR, type AccessProfile, type ResourcePermission } from './access-profile.js';

/** Actions that only read: searching a reference select is listing by another name. */
const SAME_AS: Record<string, string> = { search: 'list' };

/** The one decision: may this employee run this action on this resource? */
export function can(profile: AccessProfile | undefined, resource: string, action: string): boolean {
  if (!profile) return false;
  if (profile.roleCode === ADMINISTRATOR) return true;
  const permission = profile.permissions.get(resource);
  return permission?.actions.has(SAME_AS[action] ?? action) ?? false;
}

/** The matrix row for a resource; the administrator sees everything. */
export function permissionOn(profile: AccessProfile, resource: string): ResourcePermission {
  if (profile.roleCode === ADMINISTRATOR) return { actions: new Set(), scope: 'all', hiddenFields: new Set() };
  return profile.permissions.get(resource) ?? { actions: new Set(), scope: 'own', hiddenFields: new Set() };
}
