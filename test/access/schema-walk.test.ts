import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startTestApp } from '../support/test-app.js';
import { rowScopeCondition } from '../../src/access/authorisation/row-scopes.js';
import type { AccessProfile } from '../../src/access/authorisation/access-profile.js';

/**
 * The schema, walked at every start: a table whose rows belong to someone (an owner, a branch, a
 * customer, an order…) must have a row-scope rule, or the panel does not start; and a table the
 * rules do not know gives a limited role nothing.
 */
describe('the schema walk at start-up', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
  });
  afterAll(async () => {
    await database.drop();
  });

  const onDatabase = async (sql: string) => {
    const client = new pg.Client(database.url);
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };

  test('when every table has its rule, then the panel starts', async () => {
    const running = await startTestApp(database.url);
    await running.stop();
  });

  test.each([
    ['loyalty_cards', 'customer_id integer REFERENCES customers(id)'],
    ['revenue_by_branch_day', 'branch_id integer, day date, revenue numeric(14,2)'],
    ['call_notes', 'owner_id integer REFERENCES users(id), note text'],
  ])('when a table %s has an owner, branch or customer column and no rule, then the start fails naming it', async (table, columns) => {
    await onDatabase(`CREATE TABLE ${table} (id serial PRIMARY KEY, ${columns})`);
    try {
      await expect(startTestApp(database.url)).rejects.toThrow(new RegExp(`No row-scope rule for .*${table} \\(has `));
    } finally {
      await onDatabase(`DROP TABLE ${table}`);
    }
  });

  test('when a table is missing from the rules, then a limited role reaches none of its rows, whatever its scope says', () => {
    const profile: AccessProfile = {
      userId: 7, email: 'rep@test', roleCode: 'sales_rep', locale: 'zh-CN', branchId: 2, teamId: 3, branchIds: [2], teamMemberIds: [7],
      permissions: new Map([['loyalty_cards', { actions: new Set(['list']), scope: 'branch', hiddenFields: new Set() }]]),
    };
    expect(rowScopeCondition(profile, 'loyalty_cards')).toBe('FALSE');
    expect(rowScopeCondition(profile, 'customers')).toBe('owner_id = 7');
    expect(rowScopeCondition({ ...profile, permissions: new Map() }, 'campaigns')).toBe('owner_id = 7');
  });
});
