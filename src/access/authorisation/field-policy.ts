import type { AccessProfile } from './access-profile.js';
import { permissionOn } from './can.js';

/** Never readable, filterable or sortable by anyone, whatever the matrix says. */
export const SECRET_FIELDS: ReadonlySet<string> = new Set(['password_hash']);

/**
 * Fields shown to each reader differently, so no filter or sort may look inside them: the audit
 * log's changes are masked per reader (audit-visibility.ts), and a search would see through the mask.
 */
const UNQUERYABLE_FIELDS: Readonly<Record<string, readonly string[]>> = { audit_logs: ['changes'] };

/** Who owns a row is set by the server from the logged-in employee, never by a form. */
const OWNERSHIP_FIELDS = ['owner_id', 'branch_id'];

export function isReadable(profile: AccessProfile, resource: string, field: string): boolean {
  return !SECRET_FIELDS.has(field) && !permissionOn(profile, resource).hiddenFields.has(field);
}

/** Whether a filter or a sort may use the field: only what the reader may read, and not through a mask. */
export function isQueryable(profile: AccessProfile, resource: string, field: string): boolean {
  return isReadable(profile, resource, field) && !(UNQUERYABLE_FIELDS[resource] ?? []).includes(field);
}

/**
 * The fields a form may write: those the resource's edit form shows, less what the role may not
 * see, less the ownership columns when the role is limited to its own, team's or branch's rows.
 */
export function writableFields(profile: AccessProfile, resource: string, editFormFields: string[]): Set<string> {
  const { scope } = permissionOn(profile, resource);
  return new Set(
    editFormFields.filter(
      (field) => isReadable(profile, resource, field) && !(scope !== 'all' && OWNERSHIP_FIELDS.includes(field)),
    ),
  );
}

/** The top-level field a flattened AdminJS key belongs to: 'filters.status', 'lines.0.qty' → 'status', 'lines'. */
export function fieldOfKey(key: string): string {
  return key.split(/\.|~~/)[0];
}
