import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import type { Sequelize } from 'sequelize';
import type { Config } from '../config.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js';
import { createSequelize } from './sequelize.js';
import { migrate } from './migrator.js';
import { initModels } from '../models/index.js';
import { describeUrl } from './tool-database.js';

export interface OpenDatabase {
  url: string;
  sequelize: Sequelize;
  /** Present when the app runs its own PostgreSQL. */
  embedded?: EmbeddedDatabase;
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL, then brings the schema up to date. */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<OpenDatabase> {
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedPostgres({ dataDir: config.embedded.dataDir, port: config.embedded.port, log: () => undefined });
  const url = config.databaseUrl ?? embedded!.url;
  const sequelize = createSequelize(url, { logSql: config.logSql });
  try {
    await sequelize.authenticate().catch((error: Error) => {
      throw new Error(`Cannot connect to the database (${config.databaseUrl ? 'DATABASE_URL' : 'embedded PostgreSQL'} ${describeUrl(url)}): ${error.message}`);
    });
    initModels(sequelize);
    const applied = await migrate(sequelize);
    if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  } catch (error) {
    await sequelize.close();
    await embedded?.stop();
    throw error;
  }
  return {
    url,
    sequelize,
    embedded,
    close: async () => {
      await sequelize.close();
      await embedded?.stop();
    },
  };
}

/**
 * In embedded mode the session secret is generated once and kept beside the data folder, so a
 * restart logs nobody out. With DATABASE_URL the operator must provide SESSION_SECRET.
 */
export function embeddedSessionSecret(config: Config): string {
  const file = path.join(path.dirname(config.embedded.dataDir), 'session-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(48).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}
