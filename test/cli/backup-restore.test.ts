import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { scratchFolder } from '../support/npm-start.js';

/**
 * Backup and restore as an operator runs them, `npm run backup` and `npm run restore FILE`, with
 * PostgreSQL's own pg_dump, pg_restore and psql (Debian's postgresql-client-15), over DATABASE_URL.
 */

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

interface Run {
  code: number | null;
  output: string;
}

function npmRun(args: string[], env: Record<string, string>, home: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', ...args], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: home, npm_config_update_notifier: 'false', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Every table of the database, row by row, as one fingerprint per table. */
async function contentOf(url: string): Promise<Record<string, string>> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`);
    const content: Record<string, string> = {};
    for (const { name } of tables.rows) {
      const { rows } = await client.query<{ hash: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM ${pg.escapeIdentifier(name)} t`);
      content[name] = rows[0].hash;
    }
    return content;
  } finally {
    await client.end();
  }
}

async function sql(url: string, statement: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  await client.query(statement);
  await client.end();
}

describe('npm run backup and npm run restore', () => {
  const scratch = scratchFolder('petrocrm-backup-');
  const backups = path.join(scratch.root, 'backups');
  let source: TestDatabase;
  let empty: TestDatabase;
  let original: Record<string, string>;
  let file: string;

  beforeAll(async () => {
    source = await createTestDatabase('demo');
    empty = await createTestDatabase('empty');
    original = await contentOf(source.url);
    const backup = await npmRun(['backup', '--', '--out', backups], { DATABASE_URL: source.url }, scratch.root);
    expect(backup).toMatchObject({ code: 0 });
    file = /\s(\S+\.dump) \(/.exec(backup.output)![1];
  });
  afterAll(async () => {
    await source.drop();
    await empty.drop();
    scratch.remove();
  });

  test('when a backup is made, then it is a timestamped pg_dump custom-format file and the message names pg_dump', () => {
    expect(path.dirname(file)).toBe(backups);
    expect(path.basename(file)).toMatch(new RegExp(`^petrocrm-${source.name}-\\d{8}T\\d{6}Z\\.dump$`));
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP');
    expect(fs.readdirSync(backups)).toEqual([path.basename(file)]);
  });

  test('when rows change after the backup, then a restore over them is refused without --force and, with it, the original rows are back', async () => {
    await sql(source.url, `UPDATE customers SET name = '改掉的名字' WHERE id = 1; DELETE FROM activities WHERE id % 2 = 0; CREATE TABLE stray_after_backup (x int)`);
    const changed = await contentOf(source.url);
    expect(changed.customers).not.toBe(original.customers);

    const refused = await npmRun(['restore', file], { DATABASE_URL: source.url }, scratch.root);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain(`Database ${source.name} is not empty`);
    expect(refused.output).toContain('add --force to replace everything in it with the backup');
    expect(await contentOf(source.url)).toEqual(changed);

    // As typed: npm takes --force for itself and hands it on as npm_config_force.
    const forced = await npmRun(['restore', file, '--force'], { DATABASE_URL: source.url }, scratch.root);
    expect(forced.output).toContain(`Restored ${file}`);
    expect(forced.code).toBe(0);
    expect(await contentOf(source.url)).toEqual(original);
  });

  test('when the target database is empty, then the restore needs no --force and holds exactly the backup', async () => {
    const restored = await npmRun(['restore', '--', file], { DATABASE_URL: empty.url }, scratch.root);
    expect(restored.code).toBe(0);
    expect(await contentOf(empty.url)).toEqual(original);
  });

  test('when pg_dump is missing, then the message says what to install', async () => {
    const nothing = fs.mkdtempSync(path.join(scratch.root, 'bin-'));
    const run = await npmRun(['backup', '--', '--out', backups], { DATABASE_URL: source.url, PG_BIN_DIR: nothing }, scratch.root);
    expect(run.code).toBe(1);
    expect(run.output).toContain(`pg_dump was not found in PG_BIN_DIR (${nothing})`);
    expect(run.output).toContain('apt-get install postgresql-client-15');
  });

  test('when pg_dump is older than the server, then the message says so and what to install', async () => {
    const old = fs.mkdtempSync(path.join(scratch.root, 'bin-'));
    fs.writeFileSync(path.join(old, 'pg_dump'), '#!/bin/sh\necho "pg_dump (PostgreSQL) 13.16 (Debian 13.16-0+deb11u1)"\n', { mode: 0o755 });
    const run = await npmRun(['backup', '--', '--out', backups], { DATABASE_URL: source.url, PG_BIN_DIR: old }, scratch.root);
    expect(run.code).toBe(1);
    expect(run.output).toContain('pg_dump 13.16');
    expect(run.output).toContain('is older than the database server (PostgreSQL 15)');
    expect(run.output).toContain('apt-get install postgresql-client-15');
    expect(fs.readdirSync(backups)).toEqual([path.basename(file)]);
  });
});
