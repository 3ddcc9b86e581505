import type { DatabaseConfig } from '../config.js';
import { runningEmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres.js';

export interface ToolDatabase {
  url: string;
  /** For messages: which database this is, without its password. */
  description: string;
  /** The embedded PostgreSQL was already running, so PetroCRM most likely is too. */
  alreadyRunning: boolean;
  close(): Promise<void>;
}

/**
 * The database a tool (backup, restore, doctor) works on: DATABASE_URL, or the embedded one,
 * used where it runs (the app is up) or started for the tool and stopped after it.
 */
export async function openToolDatabase(config: DatabaseConfig): Promise<ToolDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, description: `DATABASE_URL ${describeUrl(config.databaseUrl)}`, alreadyRunning: false, close: async () => undefined };
  const description = `the embedded PostgreSQL in ${config.embedded.dataDir}`;
  const running = runningEmbeddedPostgres(config.embedded.dataDir);
  if (running) return { url: running.url, description, alreadyRunning: true, close: async () => undefined };
  const started = await startEmbeddedPostgres({ dataDir: config.embedded.dataDir, port: config.embedded.port });
  return { url: started.url, description, alreadyRunning: false, close: () => started.stop() };
}

/** host:port/database, without user or password. */
export function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}
