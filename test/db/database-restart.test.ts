import path from 'node:path';
import request, { type Agent } from 'supertest';
import pg from 'pg';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../src/db/embedded-postgres.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { freePort, scratchFolder } from '../support/npm-start.js';

/**
 * The database server restarts (an upgrade, a failover, a DBA's restart) while ten employees are
 * saving. The app must come back by itself, with no acknowledged write lost and every refused one
 * told so; /healthz says whether the database answers. A PostgreSQL of its own: the shared test
 * server cannot be restarted under the other test files.
 */

const ADMIN = { ADMIN_EMAIL: 'dba@refinery.example', ADMIN_PASSWORD: 'restart-Password-1' };
const WRITERS = 10;

interface Outcome {
  name: string;
  status: number;
  message?: string;
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('the database restarts while ten clients are writing', () => {
  const scratch = scratchFolder('petrocrm-restart-');
  const dataDir = path.join(scratch.root, 'pg');
  let port: number;
  let database: EmbeddedDatabase;
  let running: RunningPetroCrm;

  beforeAll(async () => {
    port = await freePort();
    database = await startEmbeddedPostgres({ dataDir, port });
    running = await startTestApp(database.url, ADMIN);
  });
  afterAll(async () => {
    await running?.stop();
    await database?.stop();
    scratch.remove();
  });

  test('when PostgreSQL stops and starts again, then the app reconnects, every acknowledged write is kept and every other one got a 503 with a message', async () => {
    const base = origin(running.url);
    const admin = await loginAs(base, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD);
    const branch = await admin.post('/admin/api/resources/branches/actions/new').type('form').send({ code: 'RS', name: '重启测试分公司', kind: 'branch', region: '华东' });
    const branchId = String(branch.body.record.params.id);
    const agents: Agent[] = await Promise.all(Array.from({ length: WRITERS }, () => loginAs(base, ADMIN.ADMIN_EMAIL, ADMIN.ADMIN_PASSWORD)));

    const outcomes: Outcome[] = [];
    let phase: 'before' | 'after' = 'before';
    const acknowledgedAfterRestart = () => outcomes.filter((outcome) => outcome.status === 200 && outcome.name.includes('after')).length;
    let writing = true;
    const writers = agents.map(async (agent, writer) => {
      for (let n = 0; writing; n++) {
        const name = `写入 ${writer}-${n} ${phase}`;
        const response = await agent.post('/admin/api/resources/teams/actions/new').type('form').send({ name, branch_id: branchId });
        const saved = response.status === 200 && response.body.record?.params?.name === name && response.body.notice?.type === 'success';
        outcomes.push({ name, status: saved ? 200 : response.status, message: response.body?.message });
      }
    });

    await until(() => outcomes.filter((outcome) => outcome.status === 200).length >= 30, 'writes before the restart');
    await database.stop();
    await until(() => outcomes.filter((outcome) => outcome.status !== 200).length >= WRITERS, 'refused writes while the database is down');
    const healthDown = await request(base).get('/healthz');
    database = await startEmbeddedPostgres({ dataDir, port });
    phase = 'after';
    await until(() => acknowledgedAfterRestart() >= 3 * WRITERS, 'writes after the restart');
    // /healthz shares one probe for a second; the next one after that sees the database back.
    let healthUp = await request(base).get('/healthz');
    await until(async () => (healthUp = await request(base).get('/healthz')).status === 200, 'healthz to report the database up');
    writing = false;
    await Promise.all(writers);

    const refused = outcomes.filter((outcome) => outcome.status !== 200);
    expect(refused.length).toBeGreaterThanOrEqual(WRITERS);
    // Refused while the server was away, and said so: never a 500, never silence.
    expect(new Set(refused.map((outcome) => outcome.status))).toEqual(new Set([503]));
    expect(new Set(refused.map((outcome) => outcome.message))).toEqual(new Set(['数据库暂时无法连接, 请稍后重试']));

    const client = new pg.Client(database.url);
    await client.connect();
    const { rows } = await client.query<{ name: string }>('SELECT name FROM teams');
    await client.end();
    const stored = new Set(rows.map((row) => row.name));
    const acknowledged = outcomes.filter((outcome) => outcome.status === 200).map((outcome) => outcome.name);
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);

    expect(healthDown.status).toBe(503);
    expect(healthDown.body).toEqual({ status: 'unavailable', database: { state: 'down' } });
    expect(healthUp.status).toBe(200);
    expect(healthUp.body).toMatchObject({ status: 'ok', database: { state: 'up' } });
  }, 300_000);
});
