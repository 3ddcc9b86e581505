import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';
import { createSequelize } from '../../src/db/sequelize.js';
import { migrate } from '../../src/db/migrator.js';
import { initModels } from '../../src/models/index.js';
import { loadDemoData } from '../../src/cli/demo/index.js';
import { DEMO_TEMPLATE, TEST_SERVER_ENV } from './test-database.js';

/**
 * One real PostgreSQL for the whole run, on a free port in a throw-away folder. The migrated and
 * seeded demo database becomes a template, so each test file copies it in a moment.
 */
export async function startTestPostgres(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'petrocrm-test-'));
  const port = await freePort();
  const server = await startEmbeddedPostgres({ dataDir: path.join(root, 'pg'), port, database: DEMO_TEMPLATE });
  (globalThis as Record<string, unknown>).__petrocrmTest = { server, root };

  const serverUrl = new URL(server.url);
  serverUrl.pathname = '/postgres';
  process.env[TEST_SERVER_ENV] = serverUrl.toString();
  process.env.ADMIN_JS_TMP_DIR = path.join(root, 'adminjs');

  const sequelize = createSequelize(server.url);
  initModels(sequelize);
  await migrate(sequelize);
  await loadDemoData(sequelize);
  await sequelize.close();
  // A template must have no open connections when it is copied.
  const admin = new pg.Client(serverUrl.toString());
  await admin.connect();
  await admin.query(`ALTER DATABASE ${DEMO_TEMPLATE} WITH IS_TEMPLATE true`);
  await admin.end();
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}
