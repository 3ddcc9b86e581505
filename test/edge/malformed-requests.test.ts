import request, { type Agent, type Response } from 'supertest';
import type { BaseResource } from 'adminjs';
import { QueryTypes, type Sequelize } from 'sequelize';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, origin, startTestApp } from '../support/test-app.js';
import { CrmResource } from '../../src/db/crm-resource.js';
import type { ColumnKind } from '../../src/db/column-shapes.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';

/**
 * What an attacker or a broken client sends, to every route of every resource: out-of-range and
 * malformed ids, repeated and negative paging, nested keys, typed filters with the wrong type,
 * bad encodings, NUL characters, unreadable bodies, missing and repeated bulk ids, unknown names.
 * Every answer must be a 4xx with a translated message, and no row of any table may change.
 */

type Probe = { method: 'get' | 'post' | 'head'; path: string; body?: { type: string; data: string | Buffer } };

const BAD_IDS = ['2147483648', '99999999999999999999', 'abc', '-1', '%ff', '1%00'];
const BAD_PAGING = ['perPage=-1', 'perPage=abc', 'perPage=5&perPage=6', 'perPage=100000', 'page=-1', 'page=0', 'page=99999999999999999999', 'sortBy.0=x', 'sortBy=no_such_field', 'direction=sideways', 'filters=1'];
const BAD_BODIES: Array<Probe['body']> = [
  { type: 'application/json', data: '{"name":"a\\u0000b"}' },
  { type: 'application/json', data: '{"name":' },
  { type: 'application/json', data: '[1,2]' },
  { type: 'application/json', data: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]) },
  { type: 'multipart/form-data; boundary=xx', data: 'garbage' },
  { type: 'multipart/form-data; boundary=xx', data: '--xx\r\nContent-Disposition: form-data; name="f"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--xx--\r\n' },
  { type: 'application/x-www-form-urlencoded', data: 'name=%ff' },
  { type: 'application/x-www-form-urlencoded', data: 'name=%zz' },
  { type: 'application/x-www-form-urlencoded', data: 'name=a&name=b' },
  { type: 'text/plain', data: 'hello' },
];

/** A filter value of the wrong kind for each kind of column, and one that overflows it. */
function badFilters(columns: ReadonlyMap<string, { kind: ColumnKind; choices?: readonly string[] }>): string[] {
  const first = (kind: ColumnKind) => [...columns].find(([, shape]) => shape.kind === kind)?.[0];
  const probes = ['filters.no_such_field=1', 'filters.name=%ff', 'filters.name=%zz', 'filters.id=2147483648', 'filters.id=abc', 'filters.id~~from=x'];
  const int = first('int32');
  if (int) probes.push(`filters.${int}=99999999999999999999`, `filters.${int}=1.5`, `filters.${int}=1&filters.${int}=2`);
  for (const kind of ['date', 'datetime'] as const) {
    const column = first(kind);
    if (column) probes.push(`filters.${column}~~from=garbage`, `filters.${column}~~to=2026-02-30`, `filters.${column}~~from=2026-01-01T25:00`);
  }
  const decimal = first('decimal');
  if (decimal) probes.push(`filters.${decimal}=abc`);
  const boolean = first('boolean');
  if (boolean) probes.push(`filters.${boolean}=maybe`);
  const choice = [...columns].find(([, shape]) => shape.choices)?.[0];
  if (choice) probes.push(`filters.${choice}=no_such_choice`, `filters.${choice}.0=%00`);
  return probes;
}

/**
 * Every route of the resource with every class of bad value; where a route repeats for each action
 * (record and bulk actions, the body of a form), the classes take turns across the actions, so
 * each class reaches each kind of route without sending the whole product.
 */
function probesOf(resource: BaseResource, turn: number): Probe[] {
  const id = resource.id();
  const api = `/admin/api/resources/${id}`;
  const columns = resource instanceof CrmResource ? resource.columnShapes() : new Map();
  const actions = Object.values(resource.decorate().actions);
  const nth = <T>(list: T[], index: number): T => list[(turn + index) % list.length];
  const probes: Probe[] = [...BAD_PAGING, ...badFilters(columns)].map((query) => ({ method: 'get', path: `${api}/actions/list?${query}` }));
  probes.push(
    { method: 'get', path: `/admin/transfer/${id}/export?${nth(badFilters(columns), 0)}` },
    { method: 'get', path: `/admin/transfer/${id}/export?${nth(['sortBy=no_such_field', 'direction=up', 'sortBy.0=x', 'format=pdf'], 0)}` },
    { method: 'get', path: `/admin/transfer/${id}/import/template?format=pdf` },
    { method: 'get', path: `${api}/actions/search/%ff` },
    { method: 'get', path: `${api}/actions/search/x?perPage=-5` },
    { method: 'get', path: `${api}/search/x?searchProperty=no_such_field` },
    { method: 'get', path: `${api}/actions/new` },
    { method: 'head', path: `${api}/actions/new` },
    { method: 'get', path: `${api}/actions/no_such_action` },
    { method: 'get', path: `${api}/records/1/no_such_action` },
    { method: 'post', path: `${api}/bulk/no_such_action?recordIds=1` },
    { method: 'post', path: `${api}/actions/new`, body: nth(BAD_BODIES, 0) },
    { method: 'post', path: `${api}/actions/new`, body: nth(BAD_BODIES, 5) },
  );
  actions.forEach((action, index) => {
    if (action.isRecordType()) {
      probes.push(
        { method: 'get', path: `${api}/records/${nth(BAD_IDS, index)}/${action.name}` },
        { method: 'post', path: `${api}/records/${nth(BAD_IDS, index + 3)}/${action.name}` },
        { method: 'post', path: `${api}/records/1/${action.name}`, body: nth(BAD_BODIES, index) },
      );
    }
    if (action.isBulkType()) {
      const queries = ['', 'recordIds=', 'recordIds=1,1', 'recordIds=1&recordIds=2', 'recordIds=2147483648', 'recordIds=abc', 'recordIds=1,%ff'];
      for (const query of queries) probes.push({ method: index % 2 ? 'get' : 'post', path: `${api}/bulk/${action.name}?${query}` });
    }
  });
  return probes;
}

const EVERYWHERE: Probe[] = [
  { method: 'get', path: '/admin/api/resources/no_such_table/actions/list' },
  { method: 'get', path: '/admin/api/resources/cust%zzomers/actions/list' },
  { method: 'post', path: '/admin/refresh-token' },
  { method: 'get', path: '/admin/api/pages/no_such_page' },
  { method: 'get', path: '/admin/api/dashboard?period=custom&from=x&to=y' },
  { method: 'get', path: '/admin/api/dashboard?period=forever' },
  { method: 'get', path: '/admin/api/dashboard?branch=99999999999' },
  { method: 'get', path: '/admin/api/dashboard?period=3m&period=12m' },
  { method: 'get', path: '/admin/resources/customers/records/%ff/show' },
  { method: 'post', path: '/admin/login', body: { type: 'application/json', data: '{"email":' } },
  { method: 'post', path: '/admin/login', body: { type: 'multipart/form-data; boundary=xx', data: 'garbage' } },
];

async function send(agent: Agent, probe: Probe): Promise<Response> {
  const request = agent[probe.method](probe.path);
  // Sent as the bytes they are: superagent would otherwise serialise a Buffer as JSON.
  return probe.body ? request.set('Content-Type', probe.body.type).serialize((data: unknown) => data as string).send(probe.body.data) : request;
}

/** Every row of every table but the sessions (each request renews its own), as one fingerprint per table. */
async function tableFingerprints(sequelize: Sequelize): Promise<Record<string, string>> {
  const tables = await sequelize.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'sessions' ORDER BY 1`,
    { type: QueryTypes.SELECT },
  );
  const fingerprints: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await sequelize.query<{ hash: string }>(`SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS hash FROM "${name}" t`, { type: QueryTypes.SELECT });
    fingerprints[name] = row.hash;
  }
  return fingerprints;
}

describe('malformed requests to every route of every resource', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let agent: Agent;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    agent = await loginAs(origin(running.url), 'admin@petrocrm.cn');
  });
  afterAll(async () => {
    await running.stop();
    await database.drop();
  });

  test('when every class of bad value is sent to every resource, then each answer is a 4xx with a translated message and no row changes', async () => {
    const before = await tableFingerprints(running.database.sequelize);
    const probes = [...EVERYWHERE, ...running.admin.resources.flatMap((resource, turn) => probesOf(resource, turn))];
    const failures: string[] = [];
    // A few at a time: enough to finish quickly, not so many that the test measures the machine.
    for (let start = 0; start < probes.length; start += 8) {
      await Promise.all(
        probes.slice(start, start + 8).map(async (probe) => {
          const response = await send(agent, probe);
          // The login form answers with its page and the login's own message (test/access/sessions.test.ts).
          const page = probe.path === '/admin/login' && response.type === 'text/html';
          const message = probe.method === 'head' || page ? '-' : String(response.body?.message ?? '');
          if (response.status < 400 || response.status >= 500 || (probe.method !== 'head' && !page && !/\p{Script=Han}/u.test(message))) {
            failures.push(`${probe.method.toUpperCase()} ${probe.path} ${probe.body ? `(${probe.body.type})` : ''} → ${response.status} ${message || response.text?.slice(0, 120)}`);
          }
        }),
      );
    }
    expect(failures).toEqual([]);
    expect(probes.length).toBeGreaterThan(500);
    expect(await tableFingerprints(running.database.sequelize)).toEqual(before);
    // Hundreds of requests: generous, so a busy machine does not fail it.
  }, 300_000);

  test('when the panel is in English, then the refusal is in English', async () => {
    const login = await request(origin(running.url)).post('/admin/login').type('form').send({ email: 'viewer@petrocrm.cn', password: DEMO_PASSWORD });
    // The login set the employee's own language; the panel's switch to English replaces it.
    const session = (login.headers['set-cookie'] as unknown as string[]).map((cookie) => cookie.split(';')[0]).filter((cookie) => !cookie.startsWith('petrocrm.lang='));
    const cookies = [...session, 'petrocrm.lang=en'];
    const response = await request(origin(running.url)).get('/admin/api/resources/customers/actions/list?perPage=-1').set('Cookie', cookies.join('; '));
    expect(response.status).toBe(400);
    expect(response.body.message).toBe('The parameter "perPage" must be a whole number');
    expect(response.body.problems).toEqual([{ parameter: 'perPage', code: 'requestNotWholeNumber', message: 'The parameter "perPage" must be a whole number' }]);
  });

  test('when an export has a bad filter, then it is refused with 400 before any byte of the file', async () => {
    const response = await agent.get('/admin/transfer/customers/export?format=csv&filters.created_at~~from=garbage');
    expect(response.status).toBe(400);
    expect(response.headers['content-disposition']).toBeUndefined();
    expect(response.body.problems[0]).toMatchObject({ parameter: 'filters.created_at~~from', code: 'requestNotADate' });
  });

  test('when a record id cannot exist, then the answer is 404 and names it', async () => {
    const response = await agent.get('/admin/api/resources/customers/records/2147483648/show');
    expect(response.status).toBe(404);
    expect(response.body.message).toBe('记录不存在: 2147483648');
  });

  test('when "new" is asked with GET, then 405 says only a submitted form creates a record', async () => {
    const response = await agent.get('/admin/api/resources/customers/actions/new');
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe('POST');
  });

  test('when the values are well-formed, then lists, filters, ranges, search, bulk and the dashboard answer as before', async () => {
    const ok = [
      '/admin/api/resources/customers/actions/list?filters.status=active&sortBy=name&direction=asc&perPage=500&page=1',
      '/admin/api/resources/sales_orders/actions/list?filters.order_date~~from=2026-01-01&filters.order_date~~to=2026-03-31&filters.branch_id=2',
      '/admin/api/resources/tickets/actions/list?filters.created_at~~from=2026-01-01T00:00:00%2B08:00&filters.status.0=new&filters.status.1=assigned',
      '/admin/api/resources/tickets/actions/list?filters.sla_due_at~~to=2026-03-31T08:00:00.000Z',
      '/admin/api/resources/customers/actions/search/%E9%91%AB',
      '/admin/api/resources/customers/bulk/bulkDelete?recordIds=1,2',
      '/admin/api/resources/customers/records/1/show',
      '/admin/api/dashboard?period=custom&from=2026-01-01&to=2026-03-31&branch=2',
      '/admin/transfer/customers/export?format=csv&filters.status=active',
    ];
    for (const path of ok) expect([path, (await agent.get(path)).status]).toEqual([path, 200]);
  });
});
