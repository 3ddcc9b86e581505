import type { Transaction } from 'sequelize';
import { AuditLog } from '../models/index.js';

/** Who does something: the logged-in employee, or the system's own schedule (id null). */
export interface Actor {
  id: number | null;
  email: string;
}

export const SYSTEM_ACTOR: Actor = { id: null, email: 'system' };

/** Fields whose values never go into the log, whatever table they belong to. */
const SECRET_FIELDS = new Set(['password', 'password_hash', 'session_secret', 'smtp_password']);

export interface AuditEntry {
  action: string;
  resource: string;
  recordId: string | number | null;
  /** Row values before the change (absent for a create). */
  before?: Record<string, unknown> | null;
  /** Row values after the change (absent for a delete). */
  after?: Record<string, unknown> | null;
  /** What a custom action was asked to do, e.g. { reason: '客户取消' }. */
  details?: Record<string, unknown>;
}

/**
 * Writes one audit row inside the caller's transaction, so the log and the change commit or roll
 * back together. For an update only the fields that changed are kept, each with before and after.
 */
export async function recordAudit(actor: Actor, entry: AuditEntry, transaction: Transaction): Promise<void> {
  await AuditLog.create(
    {
      user_id: actor.id,
      user_email: actor.email,
      action: entry.action,
      resource: entry.resource,
      record_id: entry.recordId === null ? null : String(entry.recordId),
      changes: describeChanges(entry),
    },
    { transaction },
  );
}

export function describeChanges(entry: Pick<AuditEntry, 'before' | 'after' | 'details'>): Record<string, unknown> {
  const before = withoutSecrets(entry.before);
  const after = withoutSecrets(entry.after);
  const changes: Record<string, unknown> = {};
  if (before && after) {
    const fields: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
      if (key === 'updated_at' || key === 'created_at') continue;
      if (!sameValue(before[key], after[key])) fields[key] = { before: before[key] ?? null, after: after[key] ?? null };
    }
    changes.fields = fields;
  } else if (after) {
    changes.after = after;
  } else if (before) {
    changes.before = before;
  }
  if (entry.details) changes.details = withoutSecrets(entry.details);
  return changes;
}

function withoutSecrets(values: Record<string, unknown> | null | undefined): Record<string, unknown> | undefined {
  if (!values) return undefined;
  return Object.fromEntries(Object.entries(values).filter(([key]) => !SECRET_FIELDS.has(key)).map(([key, value]) => [key, plain(value)]));
}

/** Dates compare and store as ISO strings; NUMERIC values already arrive as strings. */
function plain(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(plain(a) ?? null) === JSON.stringify(plain(b) ?? null);
}
