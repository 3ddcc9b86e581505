import { SYSTEM_ACTOR, type Actor } from '../../audit/audit-log.js';
import type { AccessProfile } from './access-profile.js';
import { rowScopeCondition } from './row-scopes.js';

/**
 * What a domain service that reads or writes rows beyond the one it was asked about (a merge's
 * duplicate, every customer an analysis recomputes, the customers a batch reached) needs about its
 * caller: who acts, for the audit log, and which rows they reach. Services take one and have no
 * way around it except SYSTEM_SCOPE, which only the system's own jobs pass, by name.
 */
export interface DataScope {
  readonly actor: Actor;
  /**
   * An SQL condition limiting `idColumn` (e.g. 'c.id') to the ids of `table` the caller reaches;
   * 'TRUE' when they reach every row.
   */
  rowsOf(table: string, idColumn: string): string;
}

/** What a report that reads other rows needs of its caller: only which rows they reach. */
export type ReadScope = Pick<DataScope, 'rowsOf'>;

/** The nightly analysis, the demo loader: every row, on the system's behalf. */
export const SYSTEM_SCOPE: DataScope = Object.freeze({ actor: SYSTEM_ACTOR, rowsOf: () => 'TRUE' });

/** Names written by the services themselves, never by a user; checked so a slip cannot become SQL. */
const SQL_NAME = /^[a-z_][a-z0-9_]*(\.[a-z_][a-z0-9_]*)?$/;

/** A logged-in employee's scope, as the permission matrix gives it to them on each table. */
export function staffScope(profile: AccessProfile): DataScope {
  return {
    actor: { id: profile.userId, email: profile.email },
    rowsOf: (table, idColumn) => rowsWhere(table, idColumn, rowScopeCondition(profile, table)),
  };
}

/**
 * `idColumn` limited to the ids of `table` whose rows meet `condition` (a row-scope condition on the
 * table's own columns), or 'TRUE' when there is none: the one way every DataScope words its answer.
 */
export function rowsWhere(table: string, idColumn: string, condition: string | null): string {
  if (!SQL_NAME.test(table) || !SQL_NAME.test(idColumn)) throw new Error(`not a table and column: ${table}, ${idColumn}`);
  return condition === null ? 'TRUE' : `${idColumn} IN (SELECT id FROM ${table} WHERE ${condition})`;
}
