import request from 'supertest';
import express from 'express';
import bcrypt from 'bcryptjs';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';
import { zhCN } from '../../src/i18n/zh-cn.js';
import { en } from '../../src/i18n/en.js';
import { messagesFor } from '../../src/i18n/messages/index.js';
import { securityHeaders } from '../../src/access/http/security-headers.js';

/**
 * Sessions and passwords: a new password ends the user's other sessions, a session has an idle and
 * an absolute lifetime and is written back at most once a minute, passwords meet a policy wherever
 * they are set, and a login answer never carries an internal text.
 */
describe('sessions and passwords', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let base: string;
  let admin: request.Agent;

  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });
  const userId = async (email: string) => (await sql<{ id: number }>('SELECT id FROM users WHERE email = $1', [email]))[0].id;
  const sessionsOf = async (email: string) =>
    sql<{ sid: string; sess: Record<string, unknown>; expire: Date }>(`SELECT sid, sess, expire FROM sessions WHERE sess->'adminUser'->>'email' = $1 ORDER BY sid`, [email]);
  const apiStatus = async (agent: request.Agent) => (await agent.get('/admin/api/resources/customers/actions/list?perPage=1')).status;
  const changePassword = (agent: request.Agent, current: string, next: string) =>
    agent.post('/admin/api/resources/users/actions/changeOwnPassword').send({ currentPassword: current, newPassword: next, confirmation: next });

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

  test('when a user changes their password, then their other sessions end and this one goes on', async () => {
    const laptop = await loginAs(base, 'rep.liu@petrocrm.cn');
    const phone = await loginAs(base, 'rep.liu@petrocrm.cn');
    expect(await apiStatus(phone)).toBe(200);
    const changed = await changePassword(laptop, DEMO_PASSWORD, 'Kunlun-Tanker-88');
    expect(changed.body.notice).toEqual({ message: 'passwordChanged', type: 'success' });
    expect(await apiStatus(phone)).toBe(401);
    expect(await apiStatus(laptop)).toBe(200);
    expect(await sessionsOf('rep.liu@petrocrm.cn')).toHaveLength(1);
  });

  test("when an administrator resets a user's password, then every session of that user ends", async () => {
    const rep = await loginAs(base, 'rep.sun@petrocrm.cn');
    const id = await userId('rep.sun@petrocrm.cn');
    const reset = await admin.post(`/admin/api/resources/users/records/${id}/edit`).type('form').send({ password: 'Jiangbei-Station-7' });
    expect(reset.body.notice).toMatchObject({ type: 'success' });
    expect(await apiStatus(rep)).toBe(401);
    expect(await sessionsOf('rep.sun@petrocrm.cn')).toEqual([]);
    expect(await apiStatus(admin)).toBe(200);
    await expect(loginAs(base, 'rep.sun@petrocrm.cn', 'Jiangbei-Station-7')).resolves.toBeDefined();
  });

  test.each([
    ['12345678', 'passwordTooShort'],
    ['qwertyuiop', 'passwordTooCommon'],
    ['1234567890', 'passwordTooCommon'],
    ['aaaaaaaaaaaa', 'passwordTooCommon'],
    ['rep.zhang-2026!', 'passwordContainsEmail'],
  ])('when the new password is %s, then it is refused (%s) on change, create and reset, and nothing changes', async (password, code) => {
    const rep = await loginAs(base, 'rep.zhang@petrocrm.cn');
    const id = await userId('rep.zhang@petrocrm.cn');
    const [before] = await sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]);

    const change = await changePassword(rep, DEMO_PASSWORD, password);
    expect(change.body).toMatchObject({ notice: { message: code, type: 'error' }, field: 'newPassword' });
    const reset = await admin.post(`/admin/api/resources/users/records/${id}/edit`).type('form').send({ password });
    expect(reset.body.record.errors.password.message).toBe(code);
    const created = await admin.post('/admin/api/resources/users/actions/new').type('form').send({
      email: 'rep.zhang@branch.petrocrm.cn', name: '新员工', password, role_id: String((await sql<{ id: number }>(`SELECT id FROM roles WHERE code = 'sales_rep'`))[0].id),
    });
    expect(created.body.record.errors.password.message).toBe(code);
    expect((await sql('SELECT 1 FROM users WHERE email = $1', ['rep.zhang@branch.petrocrm.cn'])).length).toBe(0);
    expect((await sql<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [id]))[0]).toEqual(before);
    for (const language of [messagesFor('zh-CN'), messagesFor('en')]) expect(language[code]).toBeTruthy();
    expect(messagesFor('zh-CN')[code]).toMatch(/\p{Script=Han}/u);
  });

  test('when a session is older than its absolute lifetime, or idle longer than its idle one, then it ends, however it was used', async () => {
    for (const [field, ageHours] of [['startedAt', 13], ['seenAt', 9]] as const) {
      const agent = await loginAs(base, 'viewer@petrocrm.cn');
      const [session] = await sessionsOf('viewer@petrocrm.cn');
      await sequelize.query(`UPDATE sessions SET sess = jsonb_set(sess::jsonb, $2, to_jsonb($3::bigint))::json WHERE sid = $1`, {
        bind: [session.sid, `{${field}}`, Date.now() - ageHours * 3_600_000],
      });
      expect(await apiStatus(agent)).toBe(401);
      expect(await sql('SELECT 1 FROM sessions WHERE sid = $1', [session.sid])).toEqual([]);
    }
  });

  test('when a session is used, then it is written back at most once a minute, not on every request', async () => {
    await sequelize.query(`DELETE FROM sessions WHERE sess->'adminUser'->>'email' = 'service2@petrocrm.cn'`);
    const agent = await loginAs(base, 'service2@petrocrm.cn');
    const [fresh] = await sessionsOf('service2@petrocrm.cn');
    for (let i = 0; i < 5; i += 1) expect(await apiStatus(agent)).toBe(200);
    expect(await sessionsOf('service2@petrocrm.cn')).toEqual([fresh]);

    const aMinuteAgo = Date.now() - 61_000;
    await sequelize.query(`UPDATE sessions SET sess = jsonb_set(sess::jsonb, '{seenAt}', to_jsonb($2::bigint))::json WHERE sid = $1`, { bind: [fresh.sid, aMinuteAgo] });
    expect(await apiStatus(agent)).toBe(200);
    const [touched] = await sessionsOf('service2@petrocrm.cn');
    expect(Number(touched.sess.seenAt)).toBeGreaterThan(aMinuteAgo + 60_000);
    expect(touched.expire.getTime()).toBeGreaterThanOrEqual(fresh.expire.getTime());
  });

  test('when a login body is malformed, then the answer is the login page saying the credentials are wrong, and nothing internal', async () => {
    for (const body of [
      JSON.stringify({ email: ['admin@petrocrm.cn'], password: DEMO_PASSWORD }),
      JSON.stringify({ email: { $ne: null }, password: { length: 1 } }),
      JSON.stringify({ email: 'admin@petrocrm.cn' }),
      '{"email": "admin@petrocrm.cn", "password": ',
      JSON.stringify({ email: 'admin@petrocrm.cn', password: 'x'.repeat(20_000) }),
    ]) {
      const response = await request(base).post('/admin/login').set('Content-Type', 'application/json').send(body);
      expect(response.status).toBe(400);
      expect(response.text).toContain('"errorMessage":"invalidCredentials"');
      expect(response.text).not.toMatch(/TypeError|SyntaxError|Unexpected|trim|is not a function|entity|stack|node_modules/);
    }
  });

  test('when the panel is served over plain HTTP, then no HSTS; scripts run only with the page’s nonce', async () => {
    const page = await request(base).get('/admin/login');
    expect(page.headers['strict-transport-security']).toBeUndefined();
    const csp = String(page.headers['content-security-policy']);
    const scriptSrc = /script-src ([^;]+)/.exec(csp)![1];
    expect(scriptSrc).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    const inline = [...page.text.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((match) => match[1]);
    expect(inline.length).toBeGreaterThan(0);
    expect(inline.every((attributes) => attributes.includes(`nonce="${nonce}"`))).toBe(true);
  });

  test('when the panel is behind HTTPS (COOKIE_SECURE), then HSTS is sent', async () => {
    // The same headers the app sets with COOKIE_SECURE=true (one app per process: the models are shared).
    const app = express().use(securityHeaders({ https: true })).get('/', (_req, res) => void res.send('ok'));
    const page = await request(app).get('/');
    expect(page.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(page.headers['content-security-policy']).toContain('upgrade-insecure-requests');
  });

  test('when a bcrypt hash from before logs in, then it is upgraded to argon2id and the user keeps their other sessions', async () => {
    const email = 'rep.zhao@petrocrm.cn';
    const older = await loginAs(base, email);
    await sequelize.transaction(async (transaction) => {
      // As it was stored before argon2id, without counting as a new password.
      await sequelize.query(`SELECT set_config('petrocrm.password_rehash', 'on', true)`, { transaction });
      await sequelize.query('UPDATE users SET password_hash = $1 WHERE email = $2', { bind: [bcrypt.hashSync('Legacy-Pass-2026', 4), email], transaction });
    });
    const [before] = await sql<{ password_hash: string; password_changed_at: Date }>('SELECT password_hash, password_changed_at FROM users WHERE email = $1', [email]);
    expect(before.password_hash).toMatch(/^\$2[aby]\$/);
    await loginAs(base, email, 'Legacy-Pass-2026');
    const [after] = await sql<{ password_hash: string; password_changed_at: Date }>('SELECT password_hash, password_changed_at FROM users WHERE email = $1', [email]);
    expect(after.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(after.password_changed_at).toEqual(before.password_changed_at);
    expect(await apiStatus(older)).toBe(200);
    await expect(loginAs(base, email, 'Legacy-Pass-2026')).resolves.toBeDefined();
  });

  test('translations of the login refusals exist in both languages', () => {
    for (const key of ['invalidCredentials', 'tooManyRequests', 'accountLocked', 'loginUnavailable']) {
      const zh = { ...(zhCN.messages as Record<string, string>), ...messagesFor('zh-CN') };
      const english = { ...(en.messages as Record<string, string>), ...messagesFor('en') };
      expect([key, zh[key]]).toEqual([key, expect.stringMatching(/\p{Script=Han}/u)]);
      expect([key, english[key]]).toEqual([key, expect.any(String)]);
    }
  });
});
