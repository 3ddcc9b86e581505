import { QueryTypes, type Sequelize } from 'sequelize';
import { isScopedResource, isWholeTable, OWNERSHIP_COLUMNS } from './row-scopes.js';

/**
 * Refuses to start when a table could leak whole: one with an owner, branch or customer column
 * (OWNERSHIP_COLUMNS) but no row-scope rule, or a panel resource that is neither scoped nor declared
 * reference data. A new table is thus given a rule before anyone can reach its rows.
 */
export async function assertEveryTableScoped(sequelize: Sequelize, resourceTables: string[]): Promise<void> {
  const owned = await sequelize.query<{ table_name: string; columns: string[] }>(
    `SELECT table_name::text, array_agg(column_name::text ORDER BY column_name) AS columns
       FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_name = ANY($1)
      GROUP BY table_name`,
    { bind: [OWNERSHIP_COLUMNS], type: QueryTypes.SELECT },
  );
  const problems = [
    ...owned.filter((table) => !isScopedResource(table.table_name)).map((table) => `${table.table_name} (has ${table.columns.join(', ')})`),
    ...resourceTables.filter((table) => !isScopedResource(table) && !isWholeTable(table) && !owned.some((row) => row.table_name === table)).map((table) => `${table} (a panel resource)`),
  ];
  if (problems.length > 0) {
    throw new Error(`No row-scope rule for ${problems.join('; ')}: add one to src/access/authorisation/row-scopes.ts (or list the table as reference data there)`);
  }
}
