import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { DEMO_PASSWORD } from '../src/cli/demo/index.js';
import { csrfTokenOf } from './support/test-app.js';
import { CSRF_HEADER } from '../src/access/http/csrf.js';

const projectRoot = path.resolve(import.meta.dirname, '..');
const tsx = path.join(projectRoot, 'node_modules', '.bin', 'tsx');

interface Started {
  child: ChildProcessWithoutNullStreams;
  output: () => string;
  exited: Promise<number | null>;
}

/** `npm start` as a user runs it: a separate process, its own environment, its printed output. */
function startServer(env: Record<string, string>): Started {
  const child = spawn(tsx, ['src/server.ts'], { cwd: projectRoot, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env } });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitFor(started: Started, text: string): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (!started.output().includes(text)) {
    if (started.child.exitCode !== null || Date.now() > deadline) throw new Error(`never printed "${text}":\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function postmasterPid(dataDir: string): number | undefined {
  const file = path.join(dataDir, 'postmaster.pid');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8').split('\n')[0]) : undefined;
}

describe('npm start (src/server.ts)', () => {
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
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'petrocrm-start-'));
    const env = { EMBEDDED_PG_DIR: path.join(root, 'pg'), EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()), NODE_ENV: 'test' };
    const base = `http://127.0.0.1:${env.PORT}`;
    try {
      const first = startServer(env);
      await waitFor(first, 'PetroCRM is running at');
      expect(first.output()).toContain('Loaded the demo data');
      expect(first.output()).toContain(`Demo logins (password ${DEMO_PASSWORD})`);
      const agent = request.agent(base);
      const login = await agent.post('/admin/login').type('form').send({ email: 'admin@petrocrm.cn', password: DEMO_PASSWORD });
      expect(login.status).toBe(302);
      agent.set(CSRF_HEADER, csrfTokenOf(login));
      const created = await agent.post('/admin/api/resources/teams/actions/new').type('form').send({ name: '重启测试组', branch_id: '1' });
      expect(created.body.record.params.name).toBe('重启测试组');

      // Killed without a chance to clean up: postgres is left running with its lock file.
      first.child.kill('SIGKILL');
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
      expect(second.output()).toContain('SIGINT: stopping PetroCRM');
      expect(exitCode).toBe(0);
      expect(second.output()).toContain('SIGINT: stopping PetroCRM');
      expect(postmasterPid(env.EMBEDDED_PG_DIR)).toBeUndefined();
      expect(() => process.kill(orphan!, 0)).toThrow();
    } finally {
      const leftover = postmasterPid(env.EMBEDDED_PG_DIR);
      if (leftover) process.kill(leftover, 'SIGINT');
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
