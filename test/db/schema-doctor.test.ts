import { spawn } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { Sequelize } from 'sequelize';
import { migrations } from '../../migrations/index.js';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startTestApp } from '../support/test-app.js';
import { scratchFolder } from '../support/npm-start.js';

/**
 * `npm run doctor` over an existing database, and the start's own check: the schema compared with
 * what the migrations create, differences said in plain words, other schemas left alone.
 */

const projectRoot = path.resolve(import.meta.dirname, '..', '..');

function doctor(databaseUrl: string, home: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', 'doctor'], {
      cwd: projectRoot,
      env: { PATH: process.env.PATH ?? '', HOME: home, npm_config_update_notifier: 'false', DATABASE_URL: databaseUrl },
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

async function sql(url: string, statements: string): Promise<void> {
  const client = new pg.Client(url);
  await client.connect();
  try {
    await client.query(statements);
  } finally {
    await client.end();
  }
}

/** The newest migration: the one a database of the previous release has not run yet. */
const LAST = migrations[migrations.length - 1];

describe('the schema doctor', () => {
  const scratch = scratchFolder('petrocrm-doctor-');
  const databases: TestDatabase[] = [];
  const database = async () => {
    const created = await createTestDatabase('demo');
    databases.push(created);
    return created;
  };
  afterAll(async () => {
    for (const created of databases) await created.drop();
    scratch.remove();
  });

  test('when the schema is what the migrations create and a job queue has a schema of its own, then the doctor finds nothing and exits 0', async () => {
    const { url } = await database();
    await sql(url, 'CREATE SCHEMA pgboss; CREATE TABLE pgboss.job (id uuid PRIMARY KEY, name text NOT NULL)');
    const run = await doctor(url, scratch.root);
    expect(run.code).toBe(0);
    expect(run.output).toContain(`${migrations.length} migration(s) applied, the last ${LAST.name}.`);
    expect(run.output).toContain('The schema is what PetroCRM expects.');
    expect(run.output).not.toContain('pgboss');
  });

  test('when the schema was changed by hand, then every difference is said in plain words and the exit code is 1', async () => {
    const { url } = await database();
    await sql(url, `
      ALTER TABLE customers ALTER COLUMN credit_limit TYPE numeric(10,2);
      ALTER TABLE customers DROP CONSTRAINT customers_region_check;
      ALTER TABLE contacts DROP COLUMN email;
      DROP INDEX customers_name_idx;
      DROP TRIGGER sales_order_items_total ON sales_order_items;
      ALTER TABLE teams ADD COLUMN cost_centre text NOT NULL DEFAULT '总部';
      ALTER TABLE teams ALTER COLUMN cost_centre DROP DEFAULT;
      ALTER TABLE teams ADD COLUMN remark text;
      CREATE TABLE legacy_notes (id int);
    `);
    const run = await doctor(url, scratch.root);
    expect(run.code).toBe(1);
    const lines = run.output.split('\n').map((line) => line.trim());
    expect(lines).toEqual(expect.arrayContaining([
      'ERROR   Column customers.credit_limit is numeric(10,2); the migrations make it numeric(14,2).',
      'ERROR   Table contacts has no column email (character varying(200)).',
      'ERROR   Table teams has an extra column cost_centre that is NOT NULL without a default: PetroCRM cannot insert a row there.',
      'WARNING Table teams has an extra column remark (text) that PetroCRM does not use.',
      'NOTE    Table legacy_notes is not created by PetroCRM\'s migrations; left alone.',
    ]));
    expect(lines.find((line) => line.includes('customers_region_check'))).toMatch(/^ERROR {3}Table customers lacks the constraint customers_region_check: check CHECK/);
    expect(lines.find((line) => line.includes('customers_name_idx'))).toBe('WARNING Table customers lacks the index customers_name_idx: CREATE INDEX customers_name_idx ON public.customers USING btree (name).');
    expect(lines.find((line) => line.includes('sales_order_items_total'))).toMatch(/^ERROR {3}Table sales_order_items lacks the trigger sales_order_items_total: CREATE TRIGGER/);
    expect(lines.at(-2)).toBe('5 problem(s) PetroCRM cannot work with, 2 warning(s).');
  });

  test('when the schema cannot be used, then the app refuses to start with the same report', async () => {
    const { url } = await database();
    await sql(url, 'ALTER TABLE tickets DROP COLUMN sla_due_at');
    await expect(startTestApp(url)).rejects.toThrow(/PetroCRM cannot use this database's schema\.[\s\S]*ERROR {3}Table tickets has no column sla_due_at/);
  });

  test('when the last migration has not run yet, then it is named as pending and what it creates is not missed', async () => {
    const { url } = await database();
    // As it was before the newest migration ran: undone by its own down step.
    expect(LAST.down).toBeDefined();
    const sequelize = new Sequelize(url, { logging: false });
    try {
      await LAST.down!({ context: sequelize });
      await sequelize.query('DELETE FROM schema_migrations WHERE name = $1', { bind: [LAST.name] });
    } finally {
      await sequelize.close();
    }
    const run = await doctor(url, scratch.root);
    expect(run.code).toBe(0);
    expect(run.output).toContain(`1 not applied yet (${LAST.name}): npm start applies them.`);
    expect(run.output).toContain('The schema is what PetroCRM expects.');
  });
});
