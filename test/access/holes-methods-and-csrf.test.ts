import request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { csrfTokenOf, loginAs, origin, startTestApp } from '../support/test-app.js';
import { createCustomer } from '../support/fixtures.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { Customer } from '../../src/models/index.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';
import { runReadOnly, writes } from '../../src/access/authorisation/read-only-requests.js';
import { AccessDenied } from '../../src/access/authorisation/access-denied.js';
import { CSRF_HEADER } from '../../src/access/http/csrf.js';

/**
 * GET and HEAD change nothing, whatever they reach; every change is a POST from this site carrying
 * the session's token. Logout included.
 */
describe('safe methods and cross-site requests', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let base: string;
  let admin: request.Agent;

  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
  const rowOf = async (table: string, id: number) => (await sql<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t WHERE id = $1`, [id]))[0]?.row;
  const auditRows = async () => (await sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_logs'))[0].n;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    base = origin(running.url);
    admin = await loginAs(base, 'admin@petrocrm.cn');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test('when delete is asked for with HEAD or GET, in any spelling, then the customer stays as it was', async () => {
    const customer = await createCustomer({ name: 'HEAD 删除测试客户' });
    const before = await rowOf('customers', customer.id);
    const audits = await auditRows();
    for (const path of [`/admin/api/resources/customers/records/${customer.id}/delete`, `/admin/API/Resources/customers/records/${customer.id}/delete/`]) {
      expect((await admin.head(path)).status).toBe(200);
      expect((await admin.get(path)).status).toBe(200);
    }
    expect((await admin.head(`/admin/api/resources/customers/bulk/bulkDelete?recordIds=${customer.id}`)).status).toBe(200);
    expect(await rowOf('customers', customer.id)).toBe(before);
    expect(await auditRows()).toBe(audits);
  });

  test('when deactivate or activate is asked for with GET or HEAD, then the user is unchanged; the POST of its form does it', async () => {
    const [{ id }] = await sql<{ id: number }>(`SELECT id FROM users WHERE email = 'service2@petrocrm.cn'`);
    const before = await rowOf('users', id);
    for (const action of ['deactivate', 'activate']) {
      expect((await admin.get(`/admin/api/resources/users/records/${id}/${action}`)).status).toBe(200);
      expect((await admin.head(`/admin/api/resources/users/records/${id}/${action}`)).status).toBe(200);
    }
    expect(await rowOf('users', id)).toBe(before);
    const posted = await admin.post(`/admin/api/resources/users/records/${id}/deactivate`).send({});
    expect(posted.body.notice).toEqual({ message: 'userDeactivated', type: 'success' });
    expect((await sql<{ active: boolean }>('SELECT active FROM users WHERE id = $1', [id]))[0].active).toBe(false);
    await admin.post(`/admin/api/resources/users/records/${id}/activate`).send({});
  });

  test('when anything tries to write while a GET is being answered, then the database refuses it and nothing is written', async () => {
    const customer = await createCustomer({ name: '只读测试客户' });
    await expect(runReadOnly(() => Customer.update({ name: '被改名' }, { where: { id: customer.id } }))).rejects.toEqual(new AccessDenied(405, 'changesNeedPost'));
    await expect(runReadOnly(() => sequelize.query(`WITH gone AS (DELETE FROM customers WHERE id = ${customer.id} RETURNING id) SELECT * FROM gone`))).rejects.toBeInstanceOf(AccessDenied);
    await expect(runReadOnly(() => sequelize.query(`SELECT id FROM customers WHERE id = ${customer.id} FOR UPDATE`))).rejects.toBeInstanceOf(AccessDenied);
    expect((await customer.reload()).name).toBe('只读测试客户');
    await expect(runReadOnly(() => sequelize.query(`SELECT name, 'update; delete' AS "insert" FROM customers WHERE id = ${customer.id}`))).resolves.toBeDefined();
  });

  test.each([
    ['SELECT 1', false],
    [`SELECT "updated_at", 'DELETE FROM x' FROM t -- update`, false],
    ['WITH x AS (SELECT 1) SELECT * FROM x', false],
    ['START TRANSACTION', false],
    ['EXPLAIN (FORMAT JSON) SELECT 1 AS "one" FROM "customers"', false],
    ['EXPLAIN ANALYZE DELETE FROM t', true],
    ['INSERT INTO t VALUES (1)', true],
    ['  update t set a = 1', true],
    ['WITH x AS (UPDATE t SET a = 1 RETURNING *) SELECT * FROM x', true],
    ['SELECT * FROM t FOR NO KEY UPDATE', true],
    ['SELECT nextval(\'s\')', true],
    ['SELECT set_config(\'a\', \'b\', true)', true],
    ['TRUNCATE t', true],
    ['CALL p()', true],
  ])('the read-only guard reads %j as a write: %s', (statement, expected) => {
    expect(writes(statement)).toBe(expected);
  });

  test('when a POST comes from another site, or without the session token, then 403 and the record stays', async () => {
    const customer = await createCustomer({ name: '跨站测试客户' });
    const before = await rowOf('customers', customer.id);
    const edit = () => admin.post(`/admin/api/resources/customers/records/${customer.id}/edit`).type('form').send({ name: '被跨站改名' });
    const otherToken = csrfTokenOf(await request(base).post('/admin/login').type('form').send({ email: 'manager.ec@petrocrm.cn', password: DEMO_PASSWORD }));
    for (const [what, response] of [
      ['Origin of another site', await edit().set('Origin', 'https://evil.example')],
      ['Origin null', await edit().set('Origin', 'null')],
      ['Sec-Fetch-Site cross-site', await edit().set('Sec-Fetch-Site', 'cross-site')],
      ['Sec-Fetch-Site same-site', await edit().set('Sec-Fetch-Site', 'same-site')],
      ['no token', await edit().set(CSRF_HEADER, '')],
      ['a wrong token', await edit().set(CSRF_HEADER, 'x'.repeat(43))],
      ["another session's token", await edit().set(CSRF_HEADER, otherToken)],
    ] as const) {
      expect([what, response.status, response.body.notice?.message]).toEqual([what, 403, what.includes('token') ? 'csrfTokenMissing' : 'crossSiteRequest']);
    }
    expect(await rowOf('customers', customer.id)).toBe(before);

    const sameSite = await edit().set('Origin', base).set('Sec-Fetch-Site', 'same-origin');
    expect(sameSite.body.notice).toMatchObject({ type: 'success' });
    expect((await customer.reload()).name).toBe('被跨站改名');
  });

  test('when a login form is posted from another site, then it is refused; from this site it logs in', async () => {
    const form = { email: 'viewer@petrocrm.cn', password: DEMO_PASSWORD };
    expect((await request(base).post('/admin/login').type('form').set('Origin', 'https://evil.example').send(form)).status).toBe(403);
    expect((await request(base).post('/admin/login').type('form').set('Origin', base).set('Sec-Fetch-Site', 'same-origin').send(form)).status).toBe(302);
  });

  test('logout is a POST with the token: a GET or a cross-site POST leaves the session alive', async () => {
    const agent = await loginAs(base, 'rep.liu@petrocrm.cn');
    const alive = async () => (await agent.get('/admin/api/resources/customers/actions/list?perPage=1')).status;
    expect((await agent.get('/admin/logout')).status).toBe(405);
    expect((await agent.post('/admin/logout').set(CSRF_HEADER, '')).status).toBe(403);
    expect((await agent.post('/admin/logout').set('Origin', 'https://evil.example')).status).toBe(403);
    expect(await alive()).toBe(200);
    const out = await agent.post('/admin/logout');
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/admin/login');
    expect(await alive()).toBe(401);
  });

  test('OPTIONS, PUT and DELETE are not methods of the panel', async () => {
    for (const method of ['options', 'put', 'delete', 'patch'] as const) {
      const response = await admin[method]('/admin/api/resources/customers/actions/list');
      expect([method, response.status]).toEqual([method, 405]);
      expect(response.headers.allow).toBe('GET, HEAD, POST');
    }
  });
});
