import pg from 'pg';
import { QueryTypes, type Model, type ModelStatic, type Transaction } from 'sequelize';
import type { AccessProfile } from '../../access/authorisation/access-profile.js';
import type { Actor } from '../../audit/audit-log.js';
import type { DuplicateMatch, DuplicateMode } from './duplicates.js';
import type { ImportField, Params } from './import-fields.js';
import { findReferences } from './reference-keys.js';

/** A data row of the file after each cell was read: field → value (null when empty). */
export interface ImportRow {
  rowNumber: number;
  values: Record<string, unknown>;
}

export interface CheckContext {
  profile: AccessProfile;
  transaction?: Transaction;
  /** Records a problem of one row, next to one of its fields. */
  refuse(row: ImportRow, field: string, code: string, params?: Params): void;
}

export interface WriteContext {
  profile: AccessProfile;
  actor: Actor;
  transaction: Transaction;
  /** The rows that are records already, and what the employee chose to do with them. */
  duplicates: DuplicateMatch[];
  duplicateMode: DuplicateMode | undefined;
  /** Called as rows are written, with how many are written so far; throws when the import was cancelled. */
  progress(written: number): void;
}

/**
 * One importable entity: the columns it reads, the checks that need the database, and how its
 * rows are written. `write` runs only on a file where every row passed, inside the one transaction
 * of the import, and must write each row with its audit entry.
 */
export interface Importer {
  /** The resource (table) whose 'import' permission the import needs. */
  resourceId: string;
  /** The columns, in the template's order; some depend on the role (ownership, hidden fields). */
  fields(profile: AccessProfile): ImportField[];
  check(rows: ImportRow[], context: CheckContext): Promise<void>;
  /** Rows that are a record the database has, or repeat an earlier row (customers); none when absent. */
  findDuplicates?(rows: ImportRow[], context: CheckContext): Promise<DuplicateMatch[]>;
  /** Writes the rows; answers how many were new, updated and skipped when duplicates were involved. */
  write(rows: ImportRow[], context: WriteContext): Promise<ImportCounts | void>;
}

export interface ImportCounts {
  created: number;
  updated: number;
  skipped: number;
}

/** Refuses every row whose key another row above it has already: each names the first one. */
export function refuseDuplicatesInFile(rows: ImportRow[], field: string, keyOf: (row: ImportRow) => string | null, context: CheckContext): void {
  const first = new Map<string, ImportRow>();
  for (const row of rows) {
    const key = keyOf(row);
    if (key === null) continue;
    const earlier = first.get(key);
    if (earlier) context.refuse(row, field, 'importDuplicateInFile', { other: earlier.rowNumber, value: String((row.values[field] ?? '')) });
    else first.set(key, row);
  }
}

/**
 * Replaces the text of a reference column by the id of the row it names, for the whole file in one
 * query; a code that does not exist (or lies outside the employee's scope), or a name shared by
 * several rows, is refused. Returns the rows found, by id, for further checks.
 */
export async function resolveReferences(
  rows: ImportRow[],
  field: string,
  target: ModelStatic<Model>,
  context: CheckContext,
  extraColumns: string[] = [],
): Promise<Map<number, Record<string, unknown>>> {
  const texts = rows.map((row) => row.values[field]).filter((value): value is string => typeof value === 'string');
  const found = await findReferences(target, texts, context.profile, context.transaction, extraColumns);
  const rowsById = new Map<number, Record<string, unknown>>();
  for (const row of rows) {
    const text = row.values[field];
    if (typeof text !== 'string') continue;
    const match = found.get(text);
    if (match === undefined) context.refuse(row, field, 'importReferenceNotFound', { value: text });
    else if (match === 'ambiguous') context.refuse(row, field, 'importReferenceAmbiguous', { value: text });
    else {
      row.values[field] = match.id;
      rowsById.set(match.id, match.row);
    }
  }
  return rowsById;
}

/** The text a row holds in a field, or null when it is empty or was refused. */
export function textOf(row: ImportRow, field: string): string | null {
  const value = row.values[field];
  return typeof value === 'string' ? value : null;
}

/** Refuses rows whose value of a unique column is in the table already, whoever's rows hold it. */
export async function refuseTakenValues(rows: ImportRow[], model: ModelStatic<Model>, field: string, context: CheckContext): Promise<void> {
  const values = rows.map((row) => textOf(row, field)).filter((value): value is string => value !== null);
  if (values.length === 0) return;
  const column = pg.escapeIdentifier(field);
  const taken = await model.sequelize!.query<{ value: string }>(
    `SELECT ${column} AS value FROM ${pg.escapeIdentifier(model.tableName)} WHERE ${column} = ANY($1::text[])`,
    { bind: [values], type: QueryTypes.SELECT, transaction: context.transaction },
  );
  const takenSet = new Set(taken.map((row) => row.value));
  for (const row of rows) {
    const value = textOf(row, field);
    if (value !== null && takenSet.has(value)) context.refuse(row, field, 'importDuplicateInDatabase', { value });
  }
}
