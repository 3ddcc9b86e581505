import type { Sequelize, Transaction } from 'sequelize';

/** A column of a bulk insert: its name and the PostgreSQL type its values are sent as. */
export type Column = readonly [name: string, type: string];

/**
 * Thousands of rows in one INSERT … SELECT FROM unnest(…), a value array per column: for the demo's
 * largest tables (shipments, certificate lines, fuellings) without building a model instance per
 * row. No hooks, no validation: the database's constraints are the check, as in insert-rows.ts.
 */
export async function insertColumns(sequelize: Sequelize, transaction: Transaction, table: string, columns: readonly Column[], rows: ReadonlyArray<Record<string, unknown>>): Promise<void> {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name);
  const arrays = names.map((name) => rows.map((row) => {
    const value = row[name];
    return value instanceof Date ? value.toISOString() : value ?? null;
  }));
  await sequelize.query(
    `INSERT INTO ${table} (${names.join(', ')}) SELECT * FROM unnest(${columns.map(([, type], index) => `$${index + 1}::${type}[]`).join(', ')})`,
    { bind: arrays, transaction },
  );
}
