import type { Attributes, CreationAttributes, Model, ModelStatic, Transaction } from 'sequelize';

// Large enough for few round trips, small enough that one statement stays a few hundred kilobytes.
const ROWS_PER_STATEMENT = 1000;

/**
 * Multi-row INSERTs that give back the new rows (their id, or the columns asked for) in the order
 * of `rows`. No model hooks run (the demo load writes no audit rows) and no per-row validation: the
 * database's constraints are the check.
 */
export async function insertRows<M extends Model>(
  model: ModelStatic<M>,
  rows: CreationAttributes<M>[],
  transaction: Transaction,
  returning: (keyof Attributes<M> & string)[] = ['id'],
): Promise<M[]> {
  assertSameColumns(model.tableName, rows);
  const created: M[] = [];
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    created.push(...(await model.bulkCreate(rows.slice(start, start + ROWS_PER_STATEMENT), { transaction, hooks: false, validate: false, returning })));
  }
  return created;
}

/** The ids of the new rows, in the order of `rows`. */
export async function insertRowIds<M extends Model>(model: ModelStatic<M>, rows: CreationAttributes<M>[], transaction: Transaction): Promise<number[]> {
  return (await insertRows(model, rows, transaction)).map((row) => row.get('id') as number);
}

// Sequelize writes NULL, not the column default, for a key that only some rows of one INSERT have.
function assertSameColumns(table: string, rows: object[]): void {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]).sort().join();
  const odd = rows.find((row) => Object.keys(row).sort().join() !== columns);
  if (odd) throw new Error(`demo rows for ${table} differ in their columns: ${Object.keys(odd).sort().join()} vs ${columns}`);
}
