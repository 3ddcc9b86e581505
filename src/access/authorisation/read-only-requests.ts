import { AsyncLocalStorage } from 'node:async_hooks';
import type { Sequelize } from 'sequelize';
import { AccessDenied } from './access-denied.js';

/**
 * GET and HEAD are safe: whatever they reach, they change nothing. Rather than trusting every
 * action to look at the method, the work done for such a request runs in a read-only context, and
 * the database connection refuses, in that context, any statement that would write. An action
 * added tomorrow that forgets the method is refused the same way (405: send it as a POST).
 */
const readOnly = new AsyncLocalStorage<true>();

export function runReadOnly<T>(work: () => T): T {
  return readOnly.run(true, work);
}

/**
 * A handler that only ever answers reads (the dashboard), run read-only whatever carried the
 * request to it: body parsers call back outside the context the gate opened for a GET.
 */
export function readOnlyHandler<A extends unknown[], R>(handler: (...args: A) => R): (...args: A) => R {
  return (...args) => runReadOnly(() => handler(...args));
}

export function isReadOnly(): boolean {
  return readOnly.getStore() === true;
}

const guarded = new WeakSet<Sequelize>();

/** Wraps the Sequelize instance's query (every model call and raw query goes through it) once. */
export function refuseWritesWhenReadOnly(sequelize: Sequelize): void {
  if (guarded.has(sequelize)) return;
  guarded.add(sequelize);
  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: unknown) => Promise<unknown>;
  const wrapped = (sql: unknown, options?: unknown) => {
    if (isReadOnly() && writes(sqlText(sql))) return Promise.reject(new AccessDenied(405, 'changesNeedPost'));
    return query(sql, options);
  };
  (sequelize as unknown as { query: typeof wrapped }).query = wrapped;
}

function sqlText(sql: unknown): string {
  if (typeof sql === 'string') return sql;
  const text = (sql as { query?: unknown } | null)?.query;
  return typeof text === 'string' ? text : '';
}

// EXPLAIN without ANALYZE only plans (the lean list's estimated total); with ANALYZE it runs its statement, which the words below still judge.
const READING_STATEMENT = /^(SELECT|WITH|SHOW|EXPLAIN|START\s+TRANSACTION|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|SET\s+TRANSACTION)\b/i;
const WRITING_WORD =
  /\b(INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|CREATE|ALTER|DROP|GRANT|REVOKE|LOCK|CALL|DO|NOTIFY|LISTEN|VACUUM|REFRESH|REINDEX|CLUSTER|IMPORT|SHARE)\b|\b(nextval|setval|set_config|pg_advisory_\w+|lo_\w+|dblink\w*|pg_terminate_backend|pg_cancel_backend)\s*\(/i;

/**
 * Whether a statement could change anything: it must start as a read (a SELECT, a CTE, transaction
 * control) and contain, outside its strings, quoted names and comments, no word that writes or
 * locks (FOR UPDATE / FOR SHARE included) and no call of a function with side effects.
 */
export function writes(sql: string): boolean {
  const code = sql.replace(/\$([A-Za-z_]\w*)?\$[\s\S]*?\$\1\$|'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g, ' ').trim();
  return !READING_STATEMENT.test(code) || WRITING_WORD.test(code);
}
