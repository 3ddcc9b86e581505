import type { Transaction } from 'sequelize';

type Row = Record<string, unknown>;

/**
 * The business rules a generic write must pass: the panel's forms and API (new, edit, delete, bulk
 * delete) write through the adapter, which knows no business, so the domain registers here what it
 * refuses (src/domain/state-rules). Each hook runs inside the write's transaction, after the row is
 * locked, and throws a BusinessRuleError to refuse: nothing is written then.
 */
export interface WriteRules {
  /** `values`/`changes` are what the write would store (read-only fields are never among them). */
  beforeCreate?(values: Row, transaction: Transaction): Promise<void>;
  beforeUpdate?(before: Row, changes: Row, transaction: Transaction): Promise<void>;
  beforeDelete?(before: Row, transaction: Transaction): Promise<void>;
}

const registry = new Map<string, WriteRules>();

export function registerWriteRules(table: string, rules: WriteRules): void {
  registry.set(table, rules);
}

export function writeRulesOf(table: string): WriteRules {
  return registry.get(table) ?? {};
}

/** The tables that have rules: the app refuses to start without them (see src/app.ts). */
export function tablesWithWriteRules(): string[] {
  return [...registry.keys()];
}
