import request from 'supertest';
import { createTestDatabase, type TestDatabase } from './support/test-database.js';
import { loginAs, origin, startTestApp } from './support/test-app.js';

describe('starting over an existing database (DATABASE_URL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase('empty');
  });
  afterAll(() => database.drop());

  test('when the database is empty, then the start migrates it, creates ADMIN_EMAIL, and loads no demo data', async () => {
    const running = await startTestApp(database.url, { ADMIN_EMAIL: 'it@refinery.example', ADMIN_PASSWORD: 'first-Password-1' });
    try {
      const [[counts]] = (await running.database.sequelize.query(
        `SELECT (SELECT count(*)::int FROM users) AS users, (SELECT count(*)::int FROM branches) AS branches,
                (SELECT count(*)::int FROM roles) AS roles`,
      )) as [Array<{ users: number; branches: number; roles: number }>, unknown];
      expect(counts).toEqual({ users: 1, branches: 0, roles: 8 });
      const agent = await loginAs(running.url, 'it@refinery.example', 'first-Password-1');
      const me = await agent.get('/admin/api/resources/users/actions/list');
      expect(me.body.records.map((record: { params: { email: string } }) => record.params.email)).toEqual(['it@refinery.example']);
    } finally {
      await running.stop();
    }
  });

  test('when the app restarts, then records and sessions are still there and the admin is not re-created', async () => {
    const first = await startTestApp(database.url, { ADMIN_EMAIL: 'it@refinery.example', ADMIN_PASSWORD: 'first-Password-1' });
    const agent = await loginAs(first.url, 'it@refinery.example', 'first-Password-1');
    const created = await agent
      .post('/admin/api/resources/branches/actions/new')
      .type('form')
      .send({ code: 'NB', name: '宁波分公司', kind: 'branch', region: '华东' });
    expect(created.status).toBe(200);
    expect(created.body.record.params.name).toBe('宁波分公司');
    const cookie = created.request.cookies;
    await first.stop();

    const second = await startTestApp(database.url, { ADMIN_EMAIL: 'it@refinery.example', ADMIN_PASSWORD: 'a-different-password' });
    try {
      // Same cookie, new process: the session lived in PostgreSQL.
      const list = await request(origin(second.url)).get('/admin/api/resources/branches/actions/list').set('Cookie', cookie);
      expect(list.status).toBe(200);
      expect(list.body.records.map((record: { params: { code: string } }) => record.params.code)).toEqual(['NB']);
      // ADMIN_PASSWORD changed in the environment does not reset the existing account.
      await expect(loginAs(second.url, 'it@refinery.example', 'a-different-password')).rejects.toThrow(/failed/);
    } finally {
      await second.stop();
    }
  });
});
