import request from 'supertest';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';

/**
 * Failed logins are counted in PostgreSQL per account and per address, so every instance counts
 * together and a restart forgets nothing; a locked account can be unlocked by an administrator.
 * Behind a proxy (TRUST_PROXY) the client's address comes from X-Forwarded-For, which lets this
 * test log in "from" several addresses.
 */
describe('the failed-login limiter and the account lock', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  const env = { TRUST_PROXY: 'true', LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_FAILURES: '4', LOGIN_LOCKOUT_MINUTES: '15' };

  const attempt = (email: string, password: string, address: string) =>
    request(origin(running.url)).post('/admin/login').set('X-Forwarded-For', address).type('form').send({ email, password });

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url, env);
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test('when one account fails from many addresses, then it is locked, even for the right password, across a restart, until an administrator unlocks it', async () => {
    const email = 'rep.huang@petrocrm.cn';
    for (let i = 1; i <= 4; i += 1) expect((await attempt(email, `guess-${i}`, `10.1.0.${i}`)).status).toBe(200);
    const locked = await attempt(email, DEMO_PASSWORD, '10.1.0.99');
    expect(locked.status).toBe(429);
    expect(locked.text).toContain('"errorMessage":"accountLocked"');
    expect(locked.headers['set-cookie']).toBeUndefined();
    // Another account from the same addresses is not locked.
    expect((await attempt('rep.liu@petrocrm.cn', DEMO_PASSWORD, '10.1.0.1')).status).toBe(302);

    await running.stop();
    running = await startTestApp(database.url, env);
    expect((await attempt(email, DEMO_PASSWORD, '10.1.0.98')).status).toBe(429);

    const admin = await loginAs(running.url, 'admin@petrocrm.cn');
    const [{ id }] = await running.database.sequelize.query<{ id: number }>('SELECT id FROM users WHERE email = $1', { bind: [email], type: QueryTypes.SELECT });
    const unlocked = await admin.post(`/admin/api/resources/users/records/${id}/unlockLogin`).send({});
    expect(unlocked.body.notice).toEqual({ message: 'loginUnlocked', type: 'success' });
    expect((await attempt(email, DEMO_PASSWORD, '10.1.0.97')).status).toBe(302);
    const again = await admin.post(`/admin/api/resources/users/records/${id}/unlockLogin`).send({});
    expect(again.body.notice).toEqual({ message: 'loginWasNotLocked', type: 'success' });
  });

  test('when one address fails too often, on any accounts, then it is refused, while other addresses still log in', async () => {
    for (const email of ['nobody1@petrocrm.cn', 'nobody2@petrocrm.cn', 'viewer@petrocrm.cn']) expect((await attempt(email, 'wrong-password', '10.2.0.1')).status).toBe(200);
    const refused = await attempt('viewer@petrocrm.cn', DEMO_PASSWORD, '10.2.0.1');
    expect(refused.status).toBe(429);
    expect(refused.text).toContain('"errorMessage":"tooManyRequests"');
    expect((await attempt('viewer@petrocrm.cn', DEMO_PASSWORD, '10.2.0.2')).status).toBe(302);
  });

  test('an unknown e-mail is locked like a known one, so the lock tells nobody which accounts exist', async () => {
    for (let i = 1; i <= 4; i += 1) await attempt('ghost@petrocrm.cn', `guess-${i}`, `10.3.0.${i}`);
    const ghost = await attempt('ghost@petrocrm.cn', 'guess-5', '10.3.0.9');
    expect(ghost.status).toBe(429);
    expect(ghost.text).toContain('"errorMessage":"accountLocked"');
  });
});
