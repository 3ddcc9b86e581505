import { Umzug, SequelizeStorage } from 'umzug';
import type { Sequelize } from 'sequelize';
import { migrations } from '../../migrations/index.js';

// Any constant works; it only has to be the same for every instance that migrates this database.
const MIGRATION_LOCK = 7_210_301;

export function createMigrator(sequelize: Sequelize) {
  return new Umzug({
    migrations: migrations.map(({ name, up, down }) => ({
      name,
      up: () => up({ context: sequelize }),
      down: down ? () => down({ context: sequelize }) : undefined,
    })),
    context: sequelize,
    storage: new SequelizeStorage({ sequelize, tableName: 'schema_migrations' }),
    // The caller reports what was applied; umzug's own per-step lines would only repeat it.
    logger: undefined,
  });
}

/**
 * Runs the migrations not yet recorded in `schema_migrations`. A session-level advisory lock makes a
 * second app instance starting at the same moment wait instead of running them twice.
 */
export async function migrate(sequelize: Sequelize): Promise<string[]> {
  const connection = await sequelize.connectionManager.getConnection({ type: 'write' });
  const client = connection as unknown as { query(sql: string, values?: unknown[]): Promise<unknown> };
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    const applied = await createMigrator(sequelize).up();
    return applied.map((migration) => migration.name);
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
    sequelize.connectionManager.releaseConnection(connection);
  }
}
