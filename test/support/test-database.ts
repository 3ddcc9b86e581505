import crypto from 'node:crypto';
import pg from 'pg';

export const TEST_SERVER_ENV = 'PETROCRM_TEST_SERVER_URL';
export const DEMO_TEMPLATE = 'petrocrm_demo';

export interface TestDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

/**
 * A database of its own for one test file: a copy of the seeded demo template, or an empty one
 * for tests that start from nothing.
 */
export async function createTestDatabase(from: 'demo' | 'empty' = 'demo'): Promise<TestDatabase> {
  const serverUrl = process.env[TEST_SERVER_ENV];
  if (!serverUrl) throw new Error(`${TEST_SERVER_ENV} is not set: run the tests with npm test`);
  const name = `test_${crypto.randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name} TEMPLATE ${from === 'demo' ? DEMO_TEMPLATE : 'template0'} ENCODING 'UTF8'`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(serverUrl);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
