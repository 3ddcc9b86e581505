import { ConfigError, loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';
import { loadDemoData } from './demo/index.js';
import { applyDomainSettings } from '../domain/domain-settings.js';

/** `npm run seed`: the demo company into the configured database (embedded or DATABASE_URL). */
async function main(): Promise<void> {
  const config = loadConfig();
  applyDomainSettings(config);
  const database = await openDatabase(config, console.log);
  try {
    const outcome = await loadDemoData(database.sequelize);
    console.log(outcome === 'loaded' ? 'Loaded the demo data.' : 'The demo data is already there; nothing added.');
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
