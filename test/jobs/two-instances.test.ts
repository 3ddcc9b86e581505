import request from 'supertest';
import { QueryTypes } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, testConfig } from '../support/test-app.js';
import { startPetroCrm, type RunningPetroCrm } from '../../src/lifecycle.js';
import { CUSTOMER_ANALYSIS_JOB, OUTBOX_DELIVERY_JOB } from '../../src/jobs/scheduled-jobs.js';
import { JOB_QUEUE_SCHEMA } from '../../src/jobs/job-queue.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';

/**
 * The first whole minute at least 20 seconds away, as 'HH:MM' on the business clock (Asia/Shanghai
 * by default, whatever the server's zone): ANALYSIS_SCHEDULE is read there. Both instances are up by then.
 */
function aMinuteAhead(): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() + 80_000));
}

async function until<T>(what: string, probe: () => Promise<T | undefined>, seconds = 180): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Two app processes' worth of PetroCRM (two express servers, two pools, two job workers) on one
 * database, as behind a load balancer.
 */
describe('two instances on one database', () => {
  let database: TestDatabase;
  const logs: Record<'a' | 'b', string[]> = { a: [], b: [] };
  let a: RunningPetroCrm;
  let b: RunningPetroCrm;
  let startedAt: number;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    const env = { ANALYSIS_SCHEDULE: aMinuteAhead(), EMAIL_SEND_INTERVAL: '60' };
    startedAt = Date.now();
    a = await startPetroCrm(testConfig(database.url, env), (message) => logs.a.push(message));
    b = await startPetroCrm(testConfig(database.url, env), (message) => logs.b.push(message));
  });
  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await database.drop();
  });

  const jobs = (name: string) =>
    a.database.sequelize.query<{ state: string }>(
      `SELECT state FROM ${JOB_QUEUE_SCHEMA}.job WHERE name = $1`,
      { bind: [name], type: QueryTypes.SELECT },
    );

  test('when the daily analysis and the outbox come due, then each due run is done once, by one of the two', async () => {
    await until('the analysis to run', async () => ((await jobs(CUSTOMER_ANALYSIS_JOB)).some((job) => job.state === 'completed') ? true : undefined));
    await until('an outbox delivery to run', async () => ((await jobs(OUTBOX_DELIVERY_JOB)).some((job) => job.state === 'completed') ? true : undefined));

    expect(await jobs(CUSTOMER_ANALYSIS_JOB)).toEqual([expect.objectContaining({ state: 'completed' })]);
    const analysed = [...logs.a, ...logs.b].filter((line) => line === 'Customer analysis and lifetime values recomputed (schedule)');
    expect(analysed).toHaveLength(1);
    // One delivery per minute's tick, not one per instance: never more jobs than ticks since the start.
    const ticks = Math.ceil((Date.now() - startedAt) / 60_000) + 1;
    expect((await jobs(OUTBOX_DELIVERY_JOB)).length).toBeLessThanOrEqual(ticks);
  }, 240_000);

  test('when an employee logs in on one, then the other serves their session; a matrix change on one applies to the next request on the other', async () => {
    const login = await request(origin(a.url)).post('/admin/login').type('form').send({ email: 'rep.zhang@petrocrm.cn', password: DEMO_PASSWORD });
    expect(login.status).toBe(302);
    const repOnB = () => request(origin(b.url)).get('/admin/api/resources/products/actions/list').set('Cookie', login.headers['set-cookie']);
    expect((await repOnB()).status).toBe(200);

    const adminOnA = await loginAs(a.url, 'admin@petrocrm.cn');
    const { body } = await adminOnA.get('/admin/api/resources/roles/actions/editPermissions');
    const role = body.matrix.roles.find((candidate: { code: string }) => candidate.code === 'sales_rep');
    const cells = body.matrix.cells[role.id];
    const withoutList = { ...cells, products: { ...cells.products, actions: cells.products.actions.filter((action: string) => action !== 'list') } };
    await adminOnA.post('/admin/api/resources/roles/actions/editPermissions').send({ matrix: JSON.stringify({ roleId: role.id, cells: withoutList }) });
    expect((await repOnB()).status).toBe(403);

    await adminOnA.post('/admin/api/resources/roles/actions/editPermissions').send({ matrix: JSON.stringify({ roleId: role.id, cells }) });
    expect((await repOnB()).status).toBe(200);
  });
});
