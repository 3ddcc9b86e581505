import fs from 'node:fs';
import { spawn } from 'node:child_process';
import pg from 'pg';
import { serverFacts } from './backup.js';
import { connectionOf, findPostgresTool, type PostgresTool } from './postgres-tools.js';

/** A restore that would overwrite something, or cannot run now: said in words the operator acts on. */
export class RestoreRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RestoreRefused';
  }
}

const SYSTEM_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'`;

/**
 * Restores a `pg_dump --format=custom` file with PostgreSQL's own programs: pg_restore turns it
 * into SQL, psql runs all of it in one transaction, so a failure leaves the database as it was.
 * Into an empty database; with `force`, into one that has content, which the same transaction
 * removes first (every schema but PostgreSQL's own): the database becomes the backup, exactly.
 * Objects are owned by the restoring user (--no-owner), so any role may restore any backup.
 */
export async function restoreDatabase(url: string, file: string, options: { force: boolean; pgBinDir?: string }): Promise<{ tables: number }> {
  refuseNonArchive(file);
  const server = await serverFacts(url);
  if (server.otherConnections > 0) {
    throw new RestoreRefused(`${server.otherConnections} other connection(s) are open on database ${server.database} (is PetroCRM running?). Stop the app first.`);
  }
  const pgRestore = await findPostgresTool('pg_restore', server.major, options.pgBinDir);
  const psql = await findPostgresTool('psql', server.major, options.pgBinDir);
  const content = await contentOf(url);
  if (content.tables.length > 0 && !options.force) {
    const examples = content.tables.slice(0, 5).join(', ');
    throw new RestoreRefused(
      `Database ${server.database} is not empty: it has ${content.tables.length} table(s) (${examples}${content.tables.length > 5 ? ', …' : ''}). ` +
        'Restore into an empty database, or add --force to replace everything in it with the backup.',
    );
  }
  const prelude = options.force && content.schemas.length > 0 ? emptyingSql(content.schemas) : 'SELECT 1';
  await restoreInOneTransaction(pgRestore, psql, file, url, prelude);
  return { tables: (await contentOf(url)).tables.length };
}

function refuseNonArchive(file: string): void {
  if (!fs.existsSync(file)) throw new RestoreRefused(`${file} does not exist.`);
  const head = Buffer.alloc(5);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 5, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.toString('latin1') !== 'PGDMP') throw new RestoreRefused(`${file} is not a backup made by npm run backup (pg_dump's custom format).`);
}

async function contentOf(url: string): Promise<{ tables: string[]; schemas: string[] }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT n.nspname || '.' || c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE ${SYSTEM_SCHEMAS} AND c.relkind IN ('r', 'p', 'v', 'm', 'f') ORDER BY 1`,
    );
    const schemas = await client.query<{ name: string }>(`SELECT n.nspname AS name FROM pg_namespace n WHERE ${SYSTEM_SCHEMAS} ORDER BY 1`);
    return { tables: tables.rows.map((row) => row.name), schemas: schemas.rows.map((row) => row.name) };
  } finally {
    await client.end();
  }
}

function emptyingSql(schemas: string[]): string {
  return [...schemas.map((schema) => `DROP SCHEMA ${pg.escapeIdentifier(schema)} CASCADE;`), 'CREATE SCHEMA public;'].join(' ');
}

/** pg_restore's SQL piped into one psql transaction, after the prelude; either fails, nothing stays. */
function restoreInOneTransaction(pgRestore: PostgresTool, psql: PostgresTool, file: string, url: string, prelude: string): Promise<void> {
  const { dbname, env } = connectionOf(url);
  return new Promise((resolve, reject) => {
    const reader = spawn(pgRestore.path, ['--no-owner', '--no-privileges', '--file=-', file], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const writer = spawn(psql.path, ['--no-psqlrc', '--quiet', '--single-transaction', '--set=ON_ERROR_STOP=1', `--command=${prelude}`, '--file=-', `--dbname=${dbname}`], {
      env,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    // psql commits when its input ends: it ends only once pg_restore has written all of the backup.
    // Should pg_restore fail half-way, psql is killed instead and the server rolls the transaction back.
    reader.stdout.pipe(writer.stdin, { end: false });
    const errors = { [pgRestore.name]: '', [psql.name]: '' };
    reader.stderr.on('data', (chunk: Buffer) => (errors[pgRestore.name] += chunk.toString()));
    writer.stderr.on('data', (chunk: Buffer) => (errors[psql.name] += chunk.toString()));
    writer.stdin.on('error', () => undefined);
    let stoppedReader = false;
    const readerExit = new Promise<number | null>((done, failed) => {
      reader.on('error', failed);
      reader.on('close', (code) => {
        if (code === 0) writer.stdin.end();
        else writer.kill('SIGKILL');
        done(code);
      });
    });
    const writerExit = new Promise<number | null>((done, failed) => {
      writer.on('error', failed);
      writer.on('close', (code) => {
        // Nothing reads pg_restore's output any more.
        if (code !== 0 && reader.exitCode === null) {
          stoppedReader = true;
          reader.kill();
        }
        done(code);
      });
    });
    const exits = [readerExit, writerExit];
    Promise.all(exits).then(([readCode, writeCode]) => {
      if (readCode !== 0 && !stoppedReader) reject(new Error(`pg_restore failed (exit ${readCode}), nothing was restored: ${errors[pgRestore.name].trim()}`));
      else if (writeCode !== 0) reject(new Error(`psql failed (exit ${writeCode}), nothing was restored: ${errors[psql.name].trim()}`));
      else resolve();
    }, reject);
  });
}
