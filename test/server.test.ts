import path from 'node:path';
import request from 'supertest';
import { DEMO_PASSWORD } from '../src/cli/demo/index.js';
import { csrfTokenOf } from './support/test-app.js';
import { CSRF_HEADER } from '../src/access/http/csrf.js';
import pg from 'pg';
import { childrenOf, freePort, isRunning, npmStart, postmasterPid, scratchFolder, waitFor } from './support/npm-start.js';
import { createTestDatabase } from './support/test-database.js';
import { applicationName } from '../src/db/sequelize.js';

describe('npm start', () => {
  const scratch = scratchFolder('petrocrm-start-');
  afterAll(() => scratch.remove());
  const startServer = (env: Record<string, string>) => npmStart(env, scratch.root);

  test('when PORT is not a number, then the start stops with a message naming PORT', async () => {
    const started = startServer({ PORT: 'eighty' });
    expect(await started.exited).toBe(2);
    expect(started.output()).toContain('PORT must be a whole number');
  });

  test('when DATABASE_URL is malformed, then the start stops with a message naming DATABASE_URL', async () => {
    const started = startServer({ DATABASE_URL: 'localhost:5432', SESSION_SECRET: 's'.repeat(40) });
    expect(await started.exited).toBe(2);
    expect(started.output()).toContain('DATABASE_URL must be a URL like postgres://');
  });

  test('when DATABASE_URL points where no database listens, then the message says it cannot connect', async () => {
    const port = await freePort();
    const started = startServer({ DATABASE_URL: `postgres://crm:pw@127.0.0.1:${port}/crm`, SESSION_SECRET: 's'.repeat(40) });
    expect(await started.exited).toBe(1);
    expect(started.output()).toContain(`Cannot connect to the database (DATABASE_URL 127.0.0.1:${port}/crm)`);
  });

  test('on the embedded database: demo data on the first start, kept on the next, no orphan after Ctrl-C or a kill', async () => {
    const env = { EMBEDDED_PG_DIR: path.join(scratch.root, 'pg'), EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()), NODE_ENV: 'test' };
    const base = `http://127.0.0.1:${env.PORT}`;
    try {
      const first = startServer(env);
      await waitFor(first, 'PetroCRM is running at');
      expect(first.output()).toContain('Loaded the demo data');
      expect(first.output()).toContain(`Demo logins (password ${DEMO_PASSWORD})`);
      const agent = request.agent(base);
      // The server runs from dist/: the login page and the stylesheet it links, which is no compiled file, are served.
      const loginPage = await agent.get('/admin/login');
      expect(loginPage.status).toBe(200);
      const stylesheets = [...loginPage.text.matchAll(/<link rel="stylesheet"[^>]*href="([^"]+)"/g)].map(([, href]) => href);
      expect(stylesheets).toEqual([expect.stringMatching(/^\/admin\/assets\/panel\.[0-9a-f]+\.css$/)]);
      const stylesheet = await agent.get(stylesheets[0]);
      expect(stylesheet.status).toBe(200);
      expect(stylesheet.text).toContain('.petro-chart-grid');
      const login = await agent.post('/admin/login').type('form').send({ email: 'admin@petrocrm.cn', password: DEMO_PASSWORD });
      expect(login.status).toBe(302);
      agent.set(CSRF_HEADER, csrfTokenOf(login));
      const created = await agent.post('/admin/api/resources/teams/actions/new').type('form').send({ name: '重启测试组', branch_id: '1' });
      expect(created.body.record.params.name).toBe('重启测试组');

      // The app (npm's child, node itself) killed without a chance to clean up: postgres is left
      // running with its lock file.
      const [app] = childrenOf(first.child.pid!);
      process.kill(app, 'SIGKILL');
      await first.exited;
      const orphan = postmasterPid(env.EMBEDDED_PG_DIR);
      expect(orphan).toBeGreaterThan(0);

      const second = startServer(env);
      await waitFor(second, 'PetroCRM is running at');
      expect(second.output()).not.toContain('Loaded the demo data');
      // The session cookie from before the kill still works, and the team is still there.
      const teams = await agent.get('/admin/api/resources/teams/actions/list?filters.name=重启测试组');
      expect(teams.body.records.map((record: { params: { name: string } }) => record.params.name)).toEqual(['重启测试组']);

      second.child.kill('SIGINT');
      const exitCode = await second.exited;
      expect(exitCode).toBe(0);
      expect(second.output()).toContain('SIGINT: stopping PetroCRM');
      expect(second.output()).toContain('PetroCRM stopped.');
      expect(postmasterPid(env.EMBEDDED_PG_DIR)).toBeUndefined();
      expect(isRunning(orphan!)).toBe(false);
    } finally {
      const leftover = postmasterPid(env.EMBEDDED_PG_DIR);
      if (leftover) process.kill(leftover, 'SIGINT');
    }
  });

  test('as the README starts it (NODE_ENV unset, so production): the components bundled before listening, every asset of the login page served', async () => {
    const env = {
      EMBEDDED_PG_DIR: path.join(scratch.root, 'pg-production'), EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()),
      ADMIN_JS_TMP_DIR: path.join(scratch.root, 'adminjs-production'),
    };
    const started = startServer(env);
    try {
      await waitFor(started, 'PetroCRM is running at');
      const agent = request.agent(`http://127.0.0.1:${env.PORT}`);
      const loginPage = await agent.get('/admin/login');
      expect(loginPage.status).toBe(200);
      const assets = [...loginPage.text.matchAll(/(?:src|href)="(\/admin\/[^"]+\.(?:js|css))"/g)].map(([, url]) => url);
      expect(assets).toContainEqual(expect.stringMatching(/^\/admin\/assets\/panel\.[0-9a-f]+\.css$/));
      for (const url of assets) expect([url, (await agent.get(url)).status]).toEqual([url, 200]);
      const login = await agent.post('/admin/login').type('form').send({ email: 'admin@petrocrm.cn', password: DEMO_PASSWORD });
      expect(login.status).toBe(302);
      const app = await agent.get('/admin');
      const bundle = app.text.match(/src="(\/admin\/assets\/components\.bundle\.[0-9a-f]+\.js)"/)?.[1];
      expect(bundle).toBeDefined();
      expect((await agent.get(bundle!)).status).toBe(200);
    } finally {
      started.child.kill('SIGINT');
      await started.exited;
    }
  });

  test('with WEB_CONCURRENCY=2: two app processes share the port and the sessions; one killed is replaced; Ctrl-C stops them all', async () => {
    const database = await createTestDatabase('demo');
    const port = await freePort();
    const started = startServer({ DATABASE_URL: database.url, SESSION_SECRET: 's'.repeat(40), NODE_ENV: 'test', PORT: String(port), WEB_CONCURRENCY: '2' });
    const client = new pg.Client(database.url);
    await client.connect();
    const serving = async () =>
      (await client.query<{ name: string }>("SELECT DISTINCT application_name AS name FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'petrocrm pid %'")).rows.map((row) => row.name);
    try {
      await waitFor(started, 'PetroCRM is running at');
      const [primary] = childrenOf(started.child.pid!);
      const processes = childrenOf(primary);
      expect(processes).toHaveLength(2);
      expect(started.output()).toContain(`Serving with 2 app processes (WEB_CONCURRENCY), pids ${processes.join(', ')}`);

      // Each request on a connection of its own: node:cluster hands connections to the processes in turn.
      const base = `http://127.0.0.1:${port}`;
      const login = await request(base).post('/admin/login').type('form').send({ email: 'rep.zhang@petrocrm.cn', password: DEMO_PASSWORD });
      expect(login.status).toBe(302);
      const asRep = () => request(base).get('/admin/api/resources/customers/actions/list').set('Cookie', login.headers['set-cookie']);
      for (let i = 0; i < 6; i++) expect((await asRep()).status).toBe(200);
      // Both processes queried the database for the logged-in representative (one logged in, both served).
      expect(await serving()).toEqual(expect.arrayContaining(processes.map((pid) => applicationName(pid))));

      process.kill(processes[0], 'SIGKILL');
      await waitFor(started, `App process 1 (pid ${processes[0]}) stopped (SIGKILL); starting another`);
      const deadline = Date.now() + 60_000;
      let replaced: number[] = [];
      while (Date.now() < deadline && (replaced = childrenOf(primary)).length < 2) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(replaced).toHaveLength(2);
      expect(replaced).toContain(processes[1]);
      for (let i = 0; i < 6; i++) expect((await asRep()).status).toBe(200);

      started.child.kill('SIGINT');
      expect(await started.exited).toBe(0);
      expect(started.output()).toContain('PetroCRM stopped.');
      for (const pid of [primary, ...replaced]) expect(isRunning(pid)).toBe(false);
    } finally {
      if (started.child.exitCode === null) {
        started.child.kill('SIGINT');
        await started.exited;
      }
      await client.end();
      await database.drop();
    }
  }, 180_000);
});
