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
/** Every resource of the panel (resources/index.ts), by table. */
const RESOURCE_IDS = [
  'customers', 'contacts', 'activities', 'customer_feedback', 'opportunities', 'contracts', 'sales_orders', 'sales_order_items',
  'product_categories', 'products', 'warehouses', 'stock_levels', 'stock_movements', 'campaigns', 'campaign_members', 'email_templates',
  'email_messages', 'tickets', 'branches', 'teams', 'users', 'roles', 'audit_logs', 'opportunity_stage_probabilities',
  'payments', 'credit_approvals', 'price_lists', 'price_list_versions', 'price_list_items', 'price_adjustment_notices', 'price_adjustment_lines', 'sales_targets',
  'contract_monthly_plans', 'shipments', 'batches', 'coa_lines', 'batch_stocks', 'fuel_cards', 'fuel_card_limits', 'fuel_card_top_ups', 'fuel_card_transactions',
];

const ROLES: Record<string, string> = {
  administrator: 'admin@petrocrm.cn',
  sales_manager: 'manager.ec@petrocrm.cn',
  sales_rep: 'rep.zhang@petrocrm.cn',
  service_agent: 'service@petrocrm.cn',
  warehouse_clerk: 'warehouse@petrocrm.cn',
  marketing: 'marketing@petrocrm.cn',
  readonly_manager: 'viewer@petrocrm.cn',
  finance: 'finance@petrocrm.cn',
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

  /**
   * The records aimed at, byte for byte, and the last audit row: every change the panel makes writes
   * one, so a refused request that changed anything else would show there too.
   */
  const stateOf = async (table: string, ids: number[]) =>
    sql<{ row: string }>(
      `SELECT row_to_json(t)::text AS row FROM ${table} t WHERE id = ANY($1::int[]) UNION ALL SELECT max(id)::text FROM audit_logs ORDER BY 1`,
      [ids],
    );

  function actionsOf(admin: AdminJS, resourceId: string): Array<{ name: string; target: Target }> {
    const resource = admin.findResource(resourceId);
    return Object.entries(resource.decorate().actions).map(([name, action]) => ({
      name,
      target: action.isBulkType() ? 'bulk' : action.isRecordType() ? 'record' : 'resource',
    }));
  }

  test('the walk covers every resource of the panel (a new one must be added to RESOURCE_IDS)', () => {
    expect(petro.admin.resources.map((resource) => resource.id()).sort()).toEqual([...RESOURCE_IDS].sort());
  });

  /** Every (role, resource) pair of the panel: the rows of the table this walk goes through. */
  const PAIRS = Object.keys(ROLES).flatMap((role) => RESOURCE_IDS.map((resource) => [role, resource] as const));

  test.each(PAIRS)('for the %s on %s, every action × method × spelling gets what the matrix says, and a refusal changes nothing', async (role, table) => {
    const agent = agents[role];
    const grants = await grantsOf(role);
    const records = await recordsFor(ROLES[role], table);
    const mismatches: string[] = [];
    let requests = 0;
    for (const { name, target } of actionsOf(petro.admin, table)) {
      const granted = !isSwitchedOff(petro.admin, table, name) && (role === 'administrator' || (grants.get(table)?.has(name === 'search' ? 'list' : name) ?? false));
      const aims = target === 'resource' ? [{ ids: [] as number[], reached: true }] : records.map((record) => ({ ids: [record.id], reached: record.reached }));
      if (target === 'bulk' && records.length === 2) aims.push({ ids: records.map((record) => record.id), reached: false });
      for (const aim of aims) {
        const path =
          target === 'resource' ? `/admin/api/resources/${table}/actions/${name}` : target === 'record' ? `/admin/api/resources/${table}/records/${aim.ids[0]}/${name}` : `/admin/api/resources/${table}/bulk/${name}?recordIds=${aim.ids.join(',')}`;
        const allowed = granted && aim.reached;
        for (const method of allowed ? (['get', 'head'] as const) : (['get', 'head', 'post'] as const)) {
          const spelled = SPELLINGS[(requests + name.length) % SPELLINGS.length](path);
          requests += 1;
          const before = await stateOf(table, aim.ids);
          const response = await agent[method](spelled);
          // 'new' only ever creates: read by GET or HEAD it is refused as a wrong method (src/edge) before
          // anyone is asked whether they may create; a POST gets what the matrix says.
          const expected = name === 'new' && method !== 'post' ? 405 : !allowed ? 403 : 200;
          if (response.status !== expected) mismatches.push(`${method.toUpperCase()} ${spelled} → ${response.status}, expected ${expected}`);
          if (JSON.stringify(await stateOf(table, aim.ids)) !== JSON.stringify(before)) mismatches.push(`${method.toUpperCase()} ${spelled} changed something`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(requests).toBeGreaterThan(5);
  }, 300_000);

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
