import type pg from 'pg';

/**
 * A database's schema as PostgreSQL itself describes it (format_type, pg_get_constraintdef,
 * pg_get_indexdef, pg_get_triggerdef, pg_get_functiondef), for the schemas asked: what the doctor
 * compares. Objects that belong to an extension are left out (the extension brings them).
 */
export interface SchemaSnapshot {
  tables: string[];
  columns: Record<string, { type: string; notNull: boolean; default: string | null }>;
  constraints: Record<string, { table: string; kind: ConstraintKind; definition: string }>;
  indexes: Record<string, { table: string; unique: boolean; definition: string }>;
  triggers: Record<string, { table: string; definition: string }>;
  functions: Record<string, { definition: string }>;
  sequences: string[];
}

export type ConstraintKind = 'primary key' | 'unique' | 'foreign key' | 'check' | 'exclusion';
const CONSTRAINT_KINDS: Record<string, ConstraintKind> = { p: 'primary key', u: 'unique', f: 'foreign key', c: 'check', x: 'exclusion' };

/** The schemas other than PostgreSQL's own that hold anything: where the migrations put objects. */
export async function schemasWithObjects(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT DISTINCT n.nspname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%' ORDER BY 1`,
  );
  return rows.map((row) => row.name);
}

const notFromExtension = (oid: string) => `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = ${oid} AND d.deptype = 'e')`;

export async function snapshotSchema(client: pg.Client, schemas: string[]): Promise<SchemaSnapshot> {
  const query = async <T extends pg.QueryResultRow>(sql: string) => (await client.query<T>(sql, [schemas])).rows;
  const qualified = (schema: string, name: string) => (schema === 'public' ? name : `${schema}.${name}`);

  const tables = await query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND ${notFromExtension('c.oid')} ORDER BY 1, 2`,
  );
  const columns = await query<{ schema: string; table: string; name: string; type: string; not_null: boolean; default: string | null }>(
    `SELECT n.nspname AS schema, c.relname AS table, a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
       FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
       LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE n.nspname = ANY($1) AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND ${notFromExtension('c.oid')}`,
  );
  const constraints = await query<{ schema: string; table: string; name: string; kind: string; definition: string }>(
    `SELECT n.nspname AS schema, c.relname AS table, con.conname AS name, con.contype AS kind, pg_get_constraintdef(con.oid) AS definition
       FROM pg_constraint con JOIN pg_class c ON c.oid = con.conrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND ${notFromExtension('c.oid')}`,
  );
  // Indexes that carry a primary key or unique constraint are compared as that constraint.
  const indexes = await query<{ schema: string; table: string; name: string; unique: boolean; definition: string }>(
    `SELECT n.nspname AS schema, t.relname AS table, i.relname AS name, ix.indisunique AS unique, pg_get_indexdef(ix.indexrelid) AS definition
       FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = ANY($1) AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid) AND ${notFromExtension('t.oid')}`,
  );
  const triggers = await query<{ schema: string; table: string; name: string; definition: string }>(
    `SELECT n.nspname AS schema, c.relname AS table, t.tgname AS name, pg_get_triggerdef(t.oid) AS definition
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND NOT t.tgisinternal`,
  );
  const functions = await query<{ schema: string; name: string; definition: string }>(
    `SELECT n.nspname AS schema, p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name, pg_get_functiondef(p.oid) AS definition
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
      WHERE n.nspname = ANY($1) AND p.prokind IN ('f', 'p') AND ${notFromExtension('p.oid')}`,
  );
  const sequences = await query<{ schema: string; name: string }>(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = ANY($1) AND c.relkind = 'S' AND ${notFromExtension('c.oid')}`,
  );

  const byName = <R extends { schema: string; name: string }, V>(rows: R[], value: (row: R) => V) =>
    Object.fromEntries(rows.map((row) => [qualified(row.schema, row.name), value(row)]));
  return {
    tables: tables.map((row) => qualified(row.schema, row.name)),
    columns: Object.fromEntries(columns.map((row) => [`${qualified(row.schema, row.table)}.${row.name}`, { type: row.type, notNull: row.not_null, default: row.default }])),
    // Constraint names are unique per table only.
    constraints: Object.fromEntries(
      constraints.map((row) => [`${qualified(row.schema, row.table)}.${row.name}`, { table: qualified(row.schema, row.table), kind: CONSTRAINT_KINDS[row.kind] ?? 'check', definition: row.definition }]),
    ),
    indexes: byName(indexes, (row) => ({ table: qualified(row.schema, row.table), unique: row.unique, definition: row.definition })),
    triggers: Object.fromEntries(triggers.map((row) => [`${qualified(row.schema, row.table)}.${row.name}`, { table: qualified(row.schema, row.table), definition: row.definition }])),
    functions: byName(functions, (row) => ({ definition: row.definition })),
    sequences: sequences.map((row) => qualified(row.schema, row.name)),
  };
}
