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
import { checkSchema, formatSchemaReport, hasErrors } from './schema-doctor.js';

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
    await refuseUnusableSchema(url, config, log);
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
 * After the migrations the schema must be what they create: a table changed by hand, a column
 * dropped or a trigger gone would fail requests one by one, long after the start. An error stops
 * the start with the doctor's report; warnings are logged.
 */
async function refuseUnusableSchema(url: string, config: Config, log: (message: string) => void): Promise<void> {
  const report = await checkSchema(url);
  const where = config.databaseUrl ? `DATABASE_URL ${describeUrl(url)}` : `the embedded PostgreSQL in ${config.embedded.dataDir}`;
  if (hasErrors(report)) throw new Error(`PetroCRM cannot use this database's schema.\n${formatSchemaReport(report, where)}\nRun npm run doctor after fixing it.`);
  for (const finding of report.findings) if (finding.severity === 'warning') log(`Schema warning: ${finding.message}`);
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
