import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { migrations } from '../../migrations/index.js';
import { startEmbeddedPostgres } from './embedded-postgres.js';
import { createMigrator } from './migrator.js';
import { createSequelize } from './sequelize.js';
import { schemasWithObjects, snapshotSchema, type SchemaSnapshot } from './schema-snapshot.js';

export interface ExpectedSchema {
  schemas: string[];
  snapshot: SchemaSnapshot;
}

/**
 * What the first `count` migrations create, read from a database they just ran in: a scratch
 * database on the same server (so PostgreSQL words every definition the same way), or, where this
 * user may not create databases, a throw-away embedded PostgreSQL. Kept on disk by a fingerprint
 * of those migrations' code and the server's major version, so a start pays for it once per
 * release.
 */
export async function expectedSchema(serverUrl: string, count = migrations.length): Promise<ExpectedSchema> {
  const major = await serverMajor(serverUrl);
  const cacheFile = path.join(os.tmpdir(), `petrocrm-expected-schema-${os.userInfo().uid}`, `${fingerprint(count, major)}.json`);
  const cached = readCache(cacheFile);
  if (cached) return cached;
  const expected = await withScratchDatabase(serverUrl, async (url) => {
    const sequelize = createSequelize(url, { poolSize: 1 });
    try {
      await createMigrator(sequelize).up({ to: migrations[count - 1].name });
    } finally {
      await sequelize.close();
    }
    const client = new pg.Client(url);
    await client.connect();
    try {
      const schemas = await schemasWithObjects(client);
      return { schemas, snapshot: await snapshotSchema(client, schemas) };
    } finally {
      await client.end();
    }
  });
  writeCache(cacheFile, expected);
  return expected;
}

function fingerprint(count: number, major: number): string {
  const hash = crypto.createHash('sha256').update(`PostgreSQL ${major}\n`);
  for (const migration of migrations.slice(0, count)) hash.update(`${migration.name}\n${migration.up.toString()}\n`);
  return hash.digest('hex').slice(0, 24);
}

async function serverMajor(url: string): Promise<number> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const { rows } = await client.query<{ num: number }>(`SELECT current_setting('server_version_num')::int AS num`);
    return Math.floor(rows[0].num / 10000);
  } finally {
    await client.end();
  }
}

async function withScratchDatabase<T>(serverUrl: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `petrocrm_doctor_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client(serverUrl);
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  } catch (error) {
    await admin.end();
    if ((error as { code?: string }).code === '42501') return withThrowAwayServer(work);
    throw error;
  }
  try {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
    await admin.end();
  }
}

async function withThrowAwayServer<T>(work: (url: string) => Promise<T>): Promise<T> {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'petrocrm-doctor-'));
  const server = await startEmbeddedPostgres({ dataDir: path.join(folder, 'pg'), port: await freePort(), database: 'petrocrm_doctor' });
  try {
    return await work(server.url);
  } finally {
    await server.stop();
    fs.rmSync(folder, { recursive: true, force: true });
  }
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

function readCache(file: string): ExpectedSchema | undefined {
  if (!isOwnFolder(path.dirname(file))) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as ExpectedSchema;
  } catch {
    return undefined;
  }
}

/** The temp folder is shared: a cache another user could write to is not trusted. */
function isOwnFolder(folder: string): boolean {
  const stat = fs.statSync(folder, { throwIfNoEntry: false });
  return stat !== undefined && stat.isDirectory() && stat.uid === os.userInfo().uid && (stat.mode & 0o022) === 0;
}

/** Written under another name and renamed: two starts at once never read half a file. */
function writeCache(file: string, expected: ExpectedSchema): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!isOwnFolder(path.dirname(file))) return;
    const partial = `${file}.${process.pid}`;
    fs.writeFileSync(partial, JSON.stringify(expected));
    fs.renameSync(partial, file);
  } catch {
    // Without a cache the next start builds it again; nothing else depends on it.
  }
}
