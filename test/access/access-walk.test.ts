import type request from 'supertest';
import { QueryTypes, type Sequelize } from 'sequelize';
import type AdminJS from 'adminjs';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { loginAs, startTestApp, testConfig, TEST_SESSION_SECRET } from '../support/test-app.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { buildApp, type PetroApp } from '../../src/app.js';
import { loadAccessProfile } from '../../src/access/authorisation/access-profile.js';
import { rowScopeCondition } from '../../src/access/authorisation/row-scopes.js';

/**
 * Every resource × every action it has (AdminJS's, the data interface, each workflow action) × one
 * employee of each role × GET, HEAD and POST, through the API as a program would call it, in every
 * spelling express accepts: the answer is what the role's row of the matrix says, and a refused
 * request leaves the record byte for byte as it was. What is expected comes from role_permissions
 * read here with SQL; which records a role reaches, from the row-scope rules.
 */
const ROLES: Record<string, string> = {
  administrator: 'admin@petrocrm.cn',
  sales_manager: 'manager.ec@petrocrm.cn',
  sales_rep: 'rep.zhang@petrocrm.cn',
  service_agent: 'service@petrocrm.cn',
  warehouse_clerk: 'warehouse@petrocrm.cn',
  marketing: 'marketing@petrocrm.cn',
  readonly_manager: 'viewer@petrocrm.cn',
};

type Target = 'resource' | 'record' | 'bulk';

/** The spellings of one API path express routes alike; the gate must decide them alike. */
const SPELLINGS: Array<(path: string) => string> = [
  (path) => path,
  (path) => path.replace('/api/resources/', '/API/Resources/'),
  (path) => path.replace(/\/resources\/(\w)/, (_match, first: string) => `/resources/%${first.charCodeAt(0).toString(16)}`),
  (path) => path.replace(/(\?|$)/, '/$1'),
];

describe('the matrix, walked: every resource × action × role × method × spelling', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let sequelize: Sequelize;
  let petro: PetroApp;
  const agents: Record<string, request.Agent> = {};

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    sequelize = running.database.sequelize;
    // The same panel, built again only to read its resources and their actions' kinds.
    petro = buildApp({ config: testConfig(database.url), databaseUrl: database.url, sessionSecret: TEST_SESSION_SECRET, log: () => undefined });
    for (const [role, email] of Object.entries(ROLES)) agents[role] = await loginAs(running.url, email);
  });
  afterAll(async () => {
    await petro.close();
    await running.stop();
    await database.drop();
  });

  const sql = <T extends object>(query: string, bind: unknown[] = []) => sequelize.query<T>(query, { bind, type: QueryTypes.SELECT });

  /** The role's grants, straight from the table: resource → actions. */
  async function grantsOf(role: string): Promise<Map<string, Set<string>>> {
    const rows = await sql<{ resource: string; actions: string[] }>(
      'SELECT p.resource, p.actions FROM role_permissions p JOIN roles r ON r.id = p.role_id WHERE r.code = $1',
      [role],
    );
    return new Map(rows.map((row) => [row.resource, new Set(row.actions)]));
  }

  /** The record ids to aim at: for a role limited on the table, one it reaches and one it does not. */
  async function recordsFor(email: string, table: string): Promise<Array<{ id: number; reached: boolean }>> {
    const [user] = await sql<{ id: number }>('SELECT id FROM users WHERE email = $1', [email]);
    const condition = rowScopeCondition((await loadAccessProfile(user.id))!, table);
    if (condition === null) return (await sql<{ id: number }>(`SELECT min(id) AS id FROM ${table}`)).filter((row) => row.id !== null).map((row) => ({ id: row.id, reached: true }));
    const [inside] = await sql<{ id: number | null }>(`SELECT min(id) AS id FROM ${table} WHERE ${condition}`);
    const [outside] = await sql<{ id: number | null }>(`SELECT min(id) AS id FROM ${table} WHERE NOT (${condition})`);
    return [
      ...(inside.id !== null ? [{ id: inside.id, reached: true }] : []),
      ...(outside.id !== null ? [{ id: outside.id, reached: false }] : []),
    ];
  }

  const fingerprint = async (table: string, ids: number[]) =>
    (await sql<{ row: string }>(`SELECT row_to_json(t)::text AS row FROM ${table} t WHERE id = ANY($1::int[]) ORDER BY id`, [ids])).map((row) => row.row);

  function actionsOf(admin: AdminJS, resourceId: string): Array<{ name: string; target: Target }> {
    const resource = admin.findResource(resourceId);
    return Object.entries(resource.decorate().actions).map(([name, action]) => ({
      name,
      target: action.isBulkType() ? 'bulk' : action.isRecordType() ? 'record' : 'resource',
    }));
  }

  test.each(Object.keys(ROLES))('for the %s, every request gets what the matrix says, and a refused one changes nothing', async (role) => {
    const agent = agents[role];
    const grants = await grantsOf(role);
    const mismatches: string[] = [];
    let requests = 0;
    for (const resource of petro.admin.resources) {
      const table = resource.id();
      const records = await recordsFor(ROLES[role], table);
      for (const { name, target } of actionsOf(petro.admin, table)) {
        const switchedOff = isSwitchedOff(petro.admin, table, name);
        const granted = !switchedOff && (role === 'administrator' || (grants.get(table)?.has(name === 'search' ? 'list' : name) ?? false));
        const aims = target === 'resource' ? [{ ids: [] as number[], reached: true }] : records.map((record) => ({ ids: [record.id], reached: record.reached }));
        if (target === 'bulk' && records.length === 2) aims.push({ ids: records.map((record) => record.id), reached: false });
        for (const aim of aims) {
          const path =
            target === 'resource' ? `/admin/api/resources/${table}/actions/${name}` : target === 'record' ? `/admin/api/resources/${table}/records/${aim.ids[0]}/${name}` : `/admin/api/resources/${table}/bulk/${name}?recordIds=${aim.ids.join(',')}`;
          const allowed = granted && aim.reached;
          for (const method of allowed ? (['get', 'head'] as const) : (['get', 'head', 'post'] as const)) {
            const spelled = SPELLINGS[requests % SPELLINGS.length](path);
            requests += 1;
            const before = await fingerprint(table, aim.ids);
            const response = await agent[method](spelled);
            const expected = !allowed ? 403 : name === 'new' ? 405 : 200;
            if (response.status !== expected) mismatches.push(`${method.toUpperCase()} ${spelled} → ${response.status}, expected ${expected}`);
            if (JSON.stringify(await fingerprint(table, aim.ids)) !== JSON.stringify(before)) mismatches.push(`${method.toUpperCase()} ${spelled} changed the record`);
          }
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(requests).toBeGreaterThan(300);
  });

  test('when a path is written with a double slash, then nothing answers it but the gate', async () => {
    for (const path of ['/admin//api/resources/customers/actions/list', '/admin/api//resources/customers/actions/list', '/admin/api/resources/customers//actions/list']) {
      expect((await agents.administrator.get(path)).status).toBe(404);
    }
  });
});

/** An action a resource switched off for everyone (editing the audit log): nobody gets it, the administrator included. */
function isSwitchedOff(admin: AdminJS, resourceId: string, action: string): boolean {
  const decorated = admin.findResource(resourceId).decorate().actions[action] as unknown as { action: { isAccessible?: unknown } };
  return decorated.action.isAccessible === false;
}
