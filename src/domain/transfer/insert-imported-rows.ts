import type { Model, ModelStatic } from 'sequelize';
import { AuditLog } from '../../models/index.js';
import { describeChanges } from '../../audit/audit-log.js';
import type { WriteContext } from './importer.js';

/** Rows per INSERT: large enough to be fast, small enough for steady progress. */
export const BATCH_SIZE = 500;

/**
 * Inserts imported rows in batches, in the file's order, each row with its own audit entry
 * ('import', the row as written), and reports progress after every batch. An empty value of a
 * column with a database default is not sent, so the default applies (a generated customer code
 * or SKU, a status of 'prospect'); other empty values are written as NULL.
 */
export async function insertImportedRows<M extends Model>(
  model: ModelStatic<M>,
  values: Array<Record<string, unknown>>,
  context: WriteContext,
): Promise<M[]> {
  const defaulted = await columnsWithDefaults(model);
  const created: M[] = [];
  for (let start = 0; start < values.length; start += BATCH_SIZE) {
    const batch = values.slice(start, start + BATCH_SIZE).map((row) => withoutDefaulted(row, defaulted));
    for (const run of runsOfSameColumns(batch)) {
      const rows = await model.bulkCreate(run.rows as M['_creationAttributes'][], {
        transaction: context.transaction,
        fields: run.columns,
        returning: true,
      });
      await AuditLog.bulkCreate(
        rows.map((row) => ({
          user_id: context.actor.id,
          user_email: context.actor.email,
          action: 'import',
          resource: model.tableName,
          record_id: String(row.get('id')),
          changes: describeChanges({ after: row.get({ plain: true }) as Record<string, unknown> }),
        })),
        { transaction: context.transaction },
      );
      created.push(...rows);
    }
    context.progress(Math.min(start + BATCH_SIZE, values.length));
  }
  return created;
}

/** The model does not know the database's defaults (a code from a sequence): the catalog does. */
async function columnsWithDefaults(model: ModelStatic<Model>): Promise<Set<string>> {
  const columns = await model.sequelize!.getQueryInterface().describeTable(model.tableName);
  return new Set(Object.entries(columns).filter(([, column]) => column.defaultValue !== null && column.defaultValue !== undefined).map(([name]) => name));
}

function withoutDefaulted(values: Record<string, unknown>, defaulted: Set<string>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([column, value]) => !(defaulted.has(column) && (value === null || value === undefined))));
}

/** One INSERT per run of consecutive rows sending the same columns, so ids follow the file's order. */
function runsOfSameColumns(rows: Array<Record<string, unknown>>): Array<{ columns: string[]; rows: Array<Record<string, unknown>> }> {
  const runs: Array<{ key: string; columns: string[]; rows: Array<Record<string, unknown>> }> = [];
  for (const row of rows) {
    const columns = Object.keys(row).sort();
    const key = columns.join(',');
    const last = runs.at(-1);
    if (last?.key === key) last.rows.push(row);
    else runs.push({ key, columns, rows: [row] });
  }
  return runs;
}
