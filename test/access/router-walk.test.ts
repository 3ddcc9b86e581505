import request from 'supertest';
import type express from 'express';
import { createTestDatabase, type TestDatabase } from '../support/test-database.js';
import { startTestApp, testConfig, TEST_SESSION_SECRET } from '../support/test-app.js';
import { DEMO_PASSWORD } from '../../src/cli/demo/index.js';
import type { RunningPetroCrm } from '../../src/lifecycle.js';
import { buildApp, ROOT_PATH, type PetroApp } from '../../src/app.js';
import { ACCESS_GATE } from '../../src/access/http/request-gate.js';
import { panelRoutes, SITE_ROUTES } from '../../src/access/http/route-table.js';

/**
 * The express router of the whole app, walked layer by layer: every route that can answer a request
 * must sit behind the access gate and be declared in its table (src/access/http/route-table.ts),
 * or be one of the few public routes outside the panel. A route added tomorrow without its entry
 * fails here, and is refused at run time anyway.
 */
interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle: { stack?: Layer[]; [ACCESS_GATE]?: boolean };
  rawPath?: string | RegExp;
}

interface WalkedRoute {
  method: string;
  path: string;
  gated: boolean;
}

function walk(stack: Layer[], prefix = '', gated = false): WalkedRoute[] {
  const found: WalkedRoute[] = [];
  let behindGate = gated;
  for (const layer of stack) {
    if (layer.handle?.[ACCESS_GATE]) {
      behindGate = true;
    } else if (layer.route) {
      for (const method of Object.keys(layer.route.methods)) found.push({ method: method.toUpperCase(), path: join(prefix, layer.route.path), gated: behindGate });
    } else if (layer.handle?.stack) {
      found.push(...walk(layer.handle.stack, join(prefix, String(layer.rawPath ?? '')), behindGate));
    }
  }
  return found;
}

const join = (prefix: string, path: string) => `${prefix}/${path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');

const declared = (): Set<string> =>
  new Set([
    ...panelRoutes().flatMap((route) => route.methods.map((method) => `${method} ${join(ROOT_PATH, route.path)}`)),
    ...SITE_ROUTES.flatMap((route) => route.methods.map((method) => `${method} ${join('', route.path)}`)),
  ]);

/** What the walk finds wrong: a route that no gate guards, or that the gate does not know. */
function problemsOf(app: express.Express): string[] {
  const routes = walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  const known = declared();
  const site = new Set(SITE_ROUTES.flatMap((route) => route.methods.map((method) => `${method} ${route.path}`)));
  return routes.flatMap((route) => {
    const key = `${route.method} ${route.path}`;
    if (!route.gated && !site.has(key)) return [`${key} is not behind the access gate`];
    if (!known.has(key)) return [`${key} has no entry in the gate's route table`];
    return [];
  });
}

function panelRouterOf(app: express.Express): { get(path: string, handler: express.RequestHandler): void; stack: Layer[] } {
  // The panel's router, not the page rewriting that is also mounted at the panel's root (src/web).
  const mounted = (app as unknown as { router: { stack: Layer[] } }).router.stack.find((layer) => layer.rawPath === ROOT_PATH && Array.isArray((layer.handle as unknown as { stack?: unknown }).stack));
  return mounted!.handle as unknown as ReturnType<typeof panelRouterOf>;
}

describe('the router walk', () => {
  let database: TestDatabase;
  let running: RunningPetroCrm;
  let petro: PetroApp;

  beforeAll(async () => {
    database = await createTestDatabase('demo');
    running = await startTestApp(database.url);
    petro = buildApp({ config: testConfig(database.url), databaseUrl: database.url, sessionSecret: TEST_SESSION_SECRET, log: () => undefined });
  });
  afterAll(async () => {
    await petro.close();
    await running.stop();
    await database.drop();
  });

  test('when the app is walked, then every route is behind the gate and declared in its table', () => {
    const routes = walk((petro.app as unknown as { router: { stack: Layer[] } }).router.stack);
    expect(routes.length).toBeGreaterThan(25);
    expect(routes.filter((route) => route.path.startsWith('/admin/api/')).every((route) => route.gated)).toBe(true);
    expect(problemsOf(petro.app)).toEqual([]);
  });

  test('when a route is added without an entry in the table, then the walk names it and the gate refuses it', async () => {
    panelRouterOf(petro.app).get('/api/reports/everything', (_req, res) => void res.json({ leaked: true }));
    petro.app.get('/export-everything', (_req, res) => void res.json({ leaked: true }));
    expect(problemsOf(petro.app)).toEqual([
      'GET /admin/api/reports/everything has no entry in the gate\'s route table',
      'GET /export-everything is not behind the access gate',
    ]);
    const agent = request.agent(petro.app);
    expect((await agent.post('/admin/login').type('form').send({ email: 'admin@petrocrm.cn', password: DEMO_PASSWORD })).status).toBe(302);
    expect((await agent.get('/admin/api/resources/customers/actions/list?perPage=1')).status).toBe(200);
    for (const path of ['/admin/api/reports/everything', '/admin/API/Reports/everything/']) {
      const refused = await agent.get(path);
      expect(refused.status).toBe(404);
      expect(refused.text).not.toContain('leaked');
    }
  });
});
