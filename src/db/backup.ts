import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { connectionOf, findPostgresTool, runTool } from './postgres-tools.js';

export interface BackupOutcome {
  file: string;
  bytes: number;
  database: string;
  pgDumpVersion: string;
}

/** What a tool must know of the server before it runs: its major version and the database's name. */
export async function serverFacts(url: string): Promise<{ major: number; version: string; database: string; otherConnections: number }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    const { rows } = await client.query<{ num: number; version: string; database: string; others: number }>(
      `SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version, current_database() AS database,
              (SELECT count(*)::int FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS others`,
    );
    const [facts] = rows;
    return { major: Math.floor(facts.num / 10000), version: facts.version, database: facts.database, otherConnections: facts.others };
  } finally {
    await client.end();
  }
}

/**
 * `pg_dump --format=custom` of the whole database into `folder`, named by database and UTC time
 * (petrocrm-<database>-20261201T031500Z.dump). The dump is written under a temporary name and
 * renamed when pg_dump succeeded, so a file with the final name is always a whole backup.
 */
export async function backupDatabase(url: string, folder: string, pgBinDir?: string, now = new Date()): Promise<BackupOutcome> {
  const server = await serverFacts(url);
  const pgDump = await findPostgresTool('pg_dump', server.major, pgBinDir);
  fs.mkdirSync(folder, { recursive: true });
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
  const file = path.join(folder, `petrocrm-${server.database}-${stamp}.dump`);
  const partial = `${file}.partial`;
  const { dbname, env } = connectionOf(url);
  try {
    await runTool(pgDump, ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${dbname}`], env);
    fs.renameSync(partial, file);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file, bytes: fs.statSync(file).size, database: server.database, pgDumpVersion: pgDump.version };
}
