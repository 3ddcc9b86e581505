import pg from 'pg';
import { QueryTypes, type Model, type ModelStatic, type Transaction } from 'sequelize';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import { isReadable } from '../../access/authorisation/field-policy.js';
import { rowScopeCondition } from '../../access/authorisation/row-scopes.js';

/**
 * A row another row points at is named in a file by its business code (customer code, SKU,
 * warehouse code, order number, an employee's e-mail), so an exported file can go back in and an
 * ERP can match it; tables without a code are named by their name or title.
 */
const CODE_COLUMNS = ['code', 'sku', 'order_no', 'contract_no', 'ticket_no', 'email'];
const NAME_COLUMNS = ['name', 'title', 'subject'];

export function keyColumnOf(target: ModelStatic<Model>): string {
  const attributes = target.getAttributes();
  return CODE_COLUMNS.find((column) => column in attributes) ?? NAME_COLUMNS.find((column) => column in attributes) ?? 'id';
}

export function nameColumnOf(target: ModelStatic<Model>): string | undefined {
  const attributes = target.getAttributes();
  return NAME_COLUMNS.find((column) => column in attributes);
}

/**
 * The business keys of the rows that `ids` point at, as the employee may see them: a row outside
 * their scope, or a key column hidden from their role, stays blank, as it does in the list.
 */
export async function keysOfIds(target: ModelStatic<Model>, ids: number[], profile: AccessProfile): Promise<Map<number, string>> {
  const table = target.tableName;
  const keyColumn = keyColumnOf(target);
  if (ids.length === 0 || !isReadable(profile, table, keyColumn)) return new Map();
  const scope = rowScopeCondition(profile, table);
  const rows = await target.sequelize!.query<{ id: number; key: string | null }>(
    `SELECT id, ${pg.escapeIdentifier(keyColumn)}::text AS key FROM ${pg.escapeIdentifier(table)}
      WHERE id = ANY($1::int[])${scope ? ` AND ${scope}` : ''}`,
    { bind: [ids], type: QueryTypes.SELECT },
  );
  return new Map(rows.map((row) => [row.id, row.key ?? '']));
}

/** What a file's cell named: the row with that code, or else the one row with that exact name. */
export interface FoundReference {
  id: number;
  row: Record<string, unknown>;
}

export type ReferenceLookup = Map<string, FoundReference | 'ambiguous'>;

/**
 * Finds the rows a column of an import names, in one query for the whole file. Codes match
 * exactly (ignoring case for e-mails); a name matches when exactly one row in the employee's
 * scope carries it. `extraColumns` are returned with each row (e.g. a warehouse's `active`).
 */
export async function findReferences(
  target: ModelStatic<Model>,
  texts: string[],
  profile: AccessProfile,
  transaction: Transaction | undefined,
  extraColumns: string[] = [],
): Promise<ReferenceLookup> {
  const wanted = [...new Set(texts.filter((text) => text !== ''))];
  const found: ReferenceLookup = new Map();
  if (wanted.length === 0) return found;
  const table = target.tableName;
  const keyColumn = keyColumnOf(target);
  const nameColumn = nameColumnOf(target);
  const scope = rowScopeCondition(profile, table);
  const key = keyColumn === 'email' ? 'lower(email)' : pg.escapeIdentifier(keyColumn);
  const wantedKeys = keyColumn === 'email' ? wanted.map((text) => text.toLowerCase()) : wanted;
  const columns = ['id', keyColumn, ...(nameColumn ? [nameColumn] : []), ...extraColumns].map((column) => pg.escapeIdentifier(column)).join(', ');
  const nameMatch = nameColumn && nameColumn !== keyColumn ? ` OR ${pg.escapeIdentifier(nameColumn)} = ANY($2::text[])` : '';
  const rows = await target.sequelize!.query<Record<string, unknown> & { id: number }>(
    `SELECT ${columns} FROM ${pg.escapeIdentifier(table)}
      WHERE (${key} = ANY($1::text[])${nameMatch})${scope ? ` AND ${scope}` : ''}`,
    { bind: nameMatch ? [wantedKeys, wanted] : [wantedKeys], type: QueryTypes.SELECT, transaction },
  );
  const byKey = new Map(rows.map((row) => [normalizedKey(keyColumn, row[keyColumn]), row]));
  for (const text of wanted) {
    const exact = byKey.get(normalizedKey(keyColumn, text));
    if (exact) {
      found.set(text, { id: exact.id, row: exact });
      continue;
    }
    const named = nameColumn ? rows.filter((row) => row[nameColumn] === text) : [];
    if (named.length === 1) found.set(text, { id: named[0].id, row: named[0] });
    else if (named.length > 1) found.set(text, 'ambiguous');
  }
  return found;
}

function normalizedKey(keyColumn: string, value: unknown): string {
  const text = String((value ?? ''));
  return keyColumn === 'email' ? text.toLowerCase() : text;
}
