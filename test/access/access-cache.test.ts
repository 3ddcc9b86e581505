import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp, TEST_SESSION_SECRET } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { SESSION_COOKIE } from '../../src/access/http/panel-router.js';

/**
 * The access profile is read once per user and access version, not per request, and the version
 * lives in PostgreSQL: a change to the matrix made through one instance decides the very next
 * request on another.
 */
const projectRoot = path.resolve(import.meta.dirname, '..', '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** The statements node-postgres sends while `work` runs, from every pool of this process. */
async function statementsDuring(work: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const prototype = pg.Client.prototype as unknown as { query: (this: pg.Client, ...args: unknown[]) => unknown };
  const query = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0] as string | { text?: string };
    sent.push(typeof first === 'string' ? first : (first?.text ?? ''));
    return query.apply(this, args);
  };
  try {
    await work();
  } finally {
    prototype.query = query;
  }
  return sent;
}

describe('the access profile cache', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let other: ChildProcessWithoutNullStreams | undefined;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
  });
  afterAll(async () => {
    if (other && other.exitCode === null) {
      const exited = new Promise((resolve) => other!.once('exit', resolve));
      other.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 20_000))]);
      if (other.exitCode === null) other.kill('SIGKILL');
    }
    await running.stop();
    await database.drop();
  });

  test('when nothing changed, then a request reads its session and the access version in one statement and no profile', async () => {
    const rep = await loginAs(running.url, 'rep.zhang@petrocrm.cn');
    await rep.get('/admin/api/resources/customers/actions/list').expect(200);
    const sent = await statementsDuring(() => rep.get('/admin/api/resources/customers/actions/list').expect(200));
    expect(sent.filter((text) => text.includes('access_version'))).toHaveLength(1);
    expect(sent.filter((text) => text.includes('WITH RECURSIVE me'))).toEqual([]);
    expect(sent.filter((text) => /^\s*(UPDATE|INSERT)/i.test(text))).toEqual([]);

    // A change anywhere in the matrix moves the version: the next request reads the profile again.
    await running.database.sequelize.query(`UPDATE role_permissions SET updated_at = now() WHERE resource = 'products'`);
    const after = await statementsDuring(() => rep.get('/admin/api/resources/customers/actions/list').expect(200));
    expect(after.filter((text) => text.includes('WITH RECURSIVE me'))).toHaveLength(1);
  });

  test('when the matrix changes through one instance, then the very next request on another instance follows it', async () => {
    const port = await freePort();
    other = spawn(path.join(projectRoot, 'node_modules', '.bin', 'tsx'), ['src/server.ts'], {
      cwd: projectRoot,
      env: {
        PATH: process.env.PATH ?? '', HOME: os.tmpdir(), NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), DATABASE_URL: database.url,
        SESSION_SECRET: TEST_SESSION_SECRET, DEMO_DATA: 'no', ADMIN_JS_TMP_DIR: process.env.ADMIN_JS_TMP_DIR ?? os.tmpdir(),
      },
    });
    let output = '';
    other.stdout.on('data', (chunk) => (output += chunk));
    other.stderr.on('data', (chunk) => (output += chunk));
    const deadline = Date.now() + 90_000;
    while (!output.includes('PetroCRM is running at')) {
      if (other.exitCode !== null || Date.now() > deadline) throw new Error(`the second instance did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }

    // The representative logged in on this instance; the other one honours the same session.
    const rep = await request(origin(running.url)).post('/admin/login').type('form').send({ email: 'rep.zhang@petrocrm.cn', password: 'Petro@2026' });
    const cookie = String((rep.headers['set-cookie'] as unknown as string[]).find((value) => value.startsWith(`${SESSION_COOKIE}=`))).split(';')[0];
    const onOther = () => request(`http://127.0.0.1:${port}`).get('/admin/api/resources/products/actions/list').set('Cookie', cookie);
    expect((await onOther()).status).toBe(200);

    const admin = await loginAs(running.url, 'admin@petrocrm.cn');
    const { body } = await admin.get('/admin/api/resources/roles/actions/editPermissions');
    const role = body.matrix.roles.find((candidate: { code: string }) => candidate.code === 'sales_rep');
    const cells = body.matrix.cells[role.id];
    const withoutList = { ...cells, products: { ...cells.products, actions: cells.products.actions.filter((action: string) => action !== 'list') } };
    await admin.post('/admin/api/resources/roles/actions/editPermissions').send({ matrix: JSON.stringify({ roleId: role.id, cells: withoutList }) }).expect(200);
    expect((await onOther()).status).toBe(403);

    await admin.post('/admin/api/resources/roles/actions/editPermissions').send({ matrix: JSON.stringify({ roleId: role.id, cells }) }).expect(200);
    expect((await onOther()).status).toBe(200);
  });
});
