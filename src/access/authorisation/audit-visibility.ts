import type { AccessProfile } from './access-profile.js';
import { isReadable } from './field-policy.js';

/** What a masked value reads as: the reader sees that the field changed, not what it held. */
export const MASKED = '***';

type Values = Record<string, unknown>;

/**
 * An audit row's `changes` as the reader may see them: every field of the audited resource that the
 * reader's role may not read (a representative reading a cost-price change) is masked, before and
 * after alike, wherever it appears: changed fields, a created or deleted row, an action's details.
 */
export function maskAuditChanges(profile: AccessProfile, auditedResource: string, changes: unknown): unknown {
  if (!isPlainObject(changes)) return changes;
  const hidden = (field: string) => !isReadable(profile, auditedResource, field);
  const masked: Values = { ...changes };
  if (isPlainObject(changes.fields)) {
    masked.fields = mapEntries(changes.fields, (field, value) => (hidden(field) ? { before: MASKED, after: MASKED } : value));
  }
  for (const part of ['before', 'after', 'details'] as const) {
    const values = changes[part];
    if (isPlainObject(values)) masked[part] = mapEntries(values, (field, value) => (hidden(field) ? MASKED : value));
  }
  return masked;
}

function mapEntries(values: Values, map: (key: string, value: unknown) => unknown): Values {
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, map(key, value)]));
}

function isPlainObject(value: unknown): value is Values {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
