import type { Sequelize } from 'sequelize';
import { createSequelize } from '../../src/db/sequelize.js';
import { initModels } from '../../src/models/index.js';
import { createTestDatabase, type TestDatabase } from './test-database.js';

export interface DomainDatabase {
  database: TestDatabase;
  sequelize: Sequelize;
  close(): Promise<void>;
}

/**
 * For tests of src/domain without HTTP: a copy of the demo database with the models bound to it.
 * Call in beforeAll, close in afterAll.
 */
export async function openDomainDatabase(from: 'demo' | 'empty' = 'demo'): Promise<DomainDatabase> {
  const database = await createTestDatabase(from);
  const sequelize = createSequelize(database.url);
  initModels(sequelize);
  return {
    database,
    sequelize,
    close: async () => {
      await sequelize.close();
      await database.drop();
    },
  };
}
