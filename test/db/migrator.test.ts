import { QueryTypes } from 'sequelize';
import { createSequelize } from '../../src/db/sequelize.js';
import { migrate } from '../../src/db/migrator.js';
import { migrations } from '../../migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('empty');
  });
  afterAll(() => database.drop());

  test('when run twice on an empty database, then the second run applies nothing and changes no column', async () => {
    const sequelize = createSequelize(database.url);
    try {
      const schema = () =>
        sequelize.query(
          `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns
           WHERE table_schema = 'public' ORDER BY table_name, column_name`,
          { type: QueryTypes.SELECT },
        );
      const first = await migrate(sequelize);
      expect(first).toEqual(migrations.map((migration) => migration.name));
      const afterFirst = await schema();

      const second = await migrate(sequelize);
      expect(second).toEqual([]);
      expect(await schema()).toEqual(afterFirst);

      const recorded = await sequelize.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name', { type: QueryTypes.SELECT });
      expect(recorded.map((row) => row.name)).toEqual(migrations.map((migration) => migration.name));
    } finally {
      await sequelize.close();
    }
  });

  test('when two instances migrate at the same moment, then each migration runs once', async () => {
    const fresh = await createTestDatabase('empty');
    const a = createSequelize(fresh.url);
    const b = createSequelize(fresh.url);
    try {
      const [fromA, fromB] = await Promise.all([migrate(a), migrate(b)]);
      expect([...fromA, ...fromB].sort()).toEqual(migrations.map((migration) => migration.name).sort());
    } finally {
      await a.close();
      await b.close();
      await fresh.drop();
    }
  });
});
