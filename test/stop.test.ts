import http from 'node:http';
import path from 'node:path';
import {
  childrenOf, freePort, isRunning, namespacePids, npmStart, postgresOf, postmasterPid, scratchFolder, waitFor, type Started,
} from './support/npm-start.js';
import { csrfTokenOfCookies } from './support/test-app.js';
import { CSRF_HEADER } from '../src/access/http/csrf.js';

/**
 * Stopping as container runtimes and process managers stop a service: SIGTERM (or SIGINT) to the
 * pid they started, which is npm's. The app must stop accepting, let requests in flight finish
 * within the grace period, close idle keep-alive connections, stop its PostgreSQL and exit 0.
 */

const ADMIN = { email: 'it@refinery.example', password: 'stop-test-Password-1' };

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request whose body is sent in two parts, the second when the test says so. */
function heldRequest(port: number, cookie: string, body: string) {
  const bytes = Buffer.from(body);
  const request = http.request({
    host: '127.0.0.1', port, method: 'POST', path: '/admin/api/resources/branches/actions/new', agent: false,
    // The server answers 100 Continue once it has read the headers and handed the request to the
    // app: from then on the request is in flight there, not waiting in the kernel's accept queue.
    headers: { 'Content-Type': 'application/json', 'Content-Length': bytes.length, Cookie: cookie, [CSRF_HEADER]: csrfTokenOfCookies(cookie), Expect: '100-continue' },
  });
  const answer = new Promise<Answer>((resolve, reject) => {
    request.on('response', (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: text }));
    });
    request.on('error', reject);
  });
  const reached = new Promise<void>((resolve) =>
    request.once('continue', () => {
      request.write(bytes.subarray(0, 8));
      resolve();
    }),
  );
  request.flushHeaders();
  return { answer, reached, finish: () => request.end(bytes.subarray(8)) };
}

function get(port: number, urlPath: string, agent: http.Agent): Promise<{ status: number; socketClosed: Promise<void> }> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: '127.0.0.1', port, path: urlPath, agent }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, socketClosed: new Promise((closed) => request.socket!.once('close', () => closed())) }));
    });
    request.on('error', reject);
  });
}

async function login(port: number): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${port}/admin/login`, {
    method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(ADMIN),
  });
  expect(response.status).toBe(302);
  return response.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
}

async function expectStoppedCleanly(started: Started, dataDir: string, postgres: number): Promise<void> {
  expect(postgres).toBeGreaterThan(0);
  expect(await started.exited).toBe(0);
  expect(started.output()).toContain('PetroCRM stopped.');
  expect(postmasterPid(dataDir)).toBeUndefined();
  expect(isRunning(postgres)).toBe(false);
}

describe('stopping npm start with a signal', () => {
  const scratch = scratchFolder('petrocrm-stop-');
  const dataDir = path.join(scratch.root, 'pg');
  let env: Record<string, string>;
  beforeAll(async () => {
    env = {
      EMBEDDED_PG_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()), PORT: String(await freePort()), NODE_ENV: 'test',
      DEMO_DATA: 'no', ADMIN_EMAIL: ADMIN.email, ADMIN_PASSWORD: ADMIN.password, STOP_GRACE_SECONDS: '8',
    };
  });
  afterAll(() => {
    const leftover = postmasterPid(dataDir);
    if (leftover && isRunning(leftover)) process.kill(leftover, 'SIGINT');
    scratch.remove();
  });

  test('when SIGTERM reaches npm with a request in flight, one that never ends and an idle keep-alive client, then the first is answered, the others are closed and PostgreSQL stops', async () => {
    const started = npmStart(env, scratch.root);
    await waitFor(started, 'PetroCRM is running at');
    const port = Number(env.PORT);
    const postgres = postgresOf(childrenOf(started.child.pid!)[0])!;
    const cookie = await login(port);

    const keepAlive = new http.Agent({ keepAlive: true });
    const idle = await get(port, '/healthz', keepAlive);
    expect(idle.status).toBe(200);
    const inFlight = heldRequest(port, cookie, JSON.stringify({ code: 'SH', name: '上海分公司', kind: 'branch', region: '华东' }));
    const neverEnds = heldRequest(port, cookie, JSON.stringify({ code: 'NJ', name: '南京分公司', kind: 'branch', region: '华东' }));
    const neverAnswered = neverEnds.answer.then(() => 'answered', (error: NodeJS.ErrnoException) => error.code);
    await Promise.all([inFlight.reached, neverEnds.reached]);

    started.child.kill('SIGTERM');
    await waitFor(started, 'SIGTERM: stopping PetroCRM');
    await idle.socketClosed;
    inFlight.finish();
    const answer = await inFlight.answer;
    expect(answer.status).toBe(200);
    expect(JSON.parse(answer.body).record.params).toMatchObject({ code: 'SH', name: '上海分公司' });
    // Its connection is not kept for another request: the client reconnects to a running instance.
    expect(answer.headers.connection).toBe('close');

    expect(await neverAnswered).toBe('ECONNRESET');
    await expectStoppedCleanly(started, dataDir, postgres);
    expect(started.output()).toContain('Requests still running after 8 s were cut off');
    keepAlive.destroy();
  });

  test('when the app runs as PID 1 of its own PID namespace and gets SIGTERM, then it stops PostgreSQL and exits 0', async () => {
    const started = npmStart({ ...env, STOP_GRACE_SECONDS: '10' }, scratch.root, { asPidOne: true });
    await waitFor(started, 'PetroCRM is running at');
    // unshare forks npm into the new namespace: there npm is PID 1, what a container runtime signals.
    const [npm] = childrenOf(started.child.pid!);
    expect(namespacePids(npm).at(-1)).toBe(1);
    // postmaster.pid holds the pid inside the namespace; from here it has another.
    const postgres = postgresOf(childrenOf(npm)[0])!;
    expect((await fetch(`http://127.0.0.1:${env.PORT}/healthz`)).status).toBe(200);

    process.kill(npm, 'SIGTERM');
    await expectStoppedCleanly(started, dataDir, postgres);
  });
});
