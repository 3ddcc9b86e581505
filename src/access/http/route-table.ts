import { Router as AdminRouter } from 'adminjs';

/** What must be true before a request reaches a route. */
export type Gate =
  /** Anyone: the login page and the panel's scripts, styles and fonts. */
  | { kind: 'public' }
  /** Anyone, from this site only: the login form. */
  | { kind: 'login' }
  /** A logged-in employee: a page of the panel (its data comes through the API) or logout. */
  | { kind: 'session' }
  /** An action of a resource, run on the resource, one record or chosen records. */
  | { kind: 'action'; target: 'resource' | 'record' | 'bulk'; action?: string }
  | { kind: 'dashboard' }
  /** A file download or upload of a resource, under the matrix's 'export' or 'import'. */
  | { kind: 'transfer'; action: 'export' | 'import' }
  /** A route that exists but that nobody may use. */
  | { kind: 'refused' };

export type Method = 'GET' | 'POST';

export interface GuardedRoute {
  /** Express's path syntax, relative to the panel's root (/admin). */
  path: string;
  methods: Method[];
  gate: Gate;
}

/**
 * What each of AdminJS's own routes (Router.routes, by controller and method) needs. A route AdminJS
 * adds in a later version has no entry and stops the start: it is looked at before anyone reaches it.
 */
const ADMINJS_GATES: Record<string, Gate> = {
  'AppController#index': { kind: 'session' },
  'AppController#resource': { kind: 'session' },
  'AppController#resourceAction': { kind: 'session' },
  'AppController#recordAction': { kind: 'session' },
  'AppController#bulkAction': { kind: 'session' },
  'AppController#page': { kind: 'session' },
  'AppController#bundleComponents': { kind: 'public' },
  'ApiController#resourceAction': { kind: 'action', target: 'resource' },
  'ApiController#search': { kind: 'action', target: 'resource', action: 'search' },
  'ApiController#recordAction': { kind: 'action', target: 'record' },
  'ApiController#bulkAction': { kind: 'action', target: 'bulk' },
  'ApiController#dashboard': { kind: 'dashboard' },
  // The panel has no custom pages; AdminJS's page API would answer for any name.
  'ApiController#page': { kind: 'refused' },
};

/** The routes PetroCRM adds under the panel (src/access/http/login-routes.ts, resources/transfer). */
const OWN_ROUTES: GuardedRoute[] = [
  { path: '/login', methods: ['GET'], gate: { kind: 'public' } },
  { path: '/login', methods: ['POST'], gate: { kind: 'login' } },
  { path: '/logout', methods: ['POST'], gate: { kind: 'session' } },
  { path: '/transfer/:resourceId/export', methods: ['GET'], gate: { kind: 'transfer', action: 'export' } },
  { path: '/transfer/:resourceId/import/template', methods: ['GET'], gate: { kind: 'transfer', action: 'import' } },
  { path: '/transfer/:resourceId/import/check', methods: ['POST'], gate: { kind: 'transfer', action: 'import' } },
  { path: '/transfer/:resourceId/import/commit', methods: ['POST'], gate: { kind: 'transfer', action: 'import' } },
];

/** Every route under the panel, each with its gate; anything else under the panel is answered 404. */
export function panelRoutes(): GuardedRoute[] {
  const adminjs = AdminRouter.routes.map((route): GuardedRoute => {
    const key = `${(route.Controller as { name: string }).name}#${route.action}`;
    const gate = ADMINJS_GATES[key];
    if (!gate) throw new Error(`AdminJS route ${route.method} ${route.path} (${key}) has no access rule in src/access/http/route-table.ts`);
    return { path: expressPath(route.path), methods: [route.method as Method], gate };
  });
  const assets = AdminRouter.assets.map((asset): GuardedRoute => ({ path: asset.path, methods: ['GET'], gate: { kind: 'public' } }));
  return [...OWN_ROUTES, ...assets, ...adminjs];
}

/** AdminJS writes `{recordId}` where express writes `:recordId` (as @adminjs/express converts them). */
function expressPath(adminPath: string): string {
  return adminPath.replace(/{/g, ':').replace(/}/g, '') || '/';
}

/** The public routes outside the panel. */
export const SITE_ROUTES: GuardedRoute[] = [
  { path: '/', methods: ['GET'], gate: { kind: 'public' } },
  { path: '/healthz', methods: ['GET'], gate: { kind: 'public' } },
];
