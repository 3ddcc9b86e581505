import express from 'express';
import session from 'express-session';
import type { RequestHandler } from 'express';
import type AdminJS from 'adminjs';
import { createSessionPool } from '../../db/session-pool.js';
import { createSessionStore } from './session-store.js';
import { enforceSessionLifetime, type SessionLifetime } from './session-lifetime.js';
import { loadStaffAccess } from './staff-access.js';
import { issueCsrfCookie, type CsrfOptions } from './csrf.js';
import { accessGate } from './request-gate.js';
import { panelRoutes } from './route-table.js';
import { loginRoutes } from './login-routes.js';
import { hardenPages } from './page-hardening.js';
import type { LoginLimits } from '../authentication/login-throttle.js';

export const SESSION_COOKIE = 'petrocrm.sid';

export interface PanelSecurityOptions {
  admin: AdminJS;
  databaseUrl: string;
  sessionSecret: string;
  /** Cookies over HTTPS only. */
  secureCookies: boolean;
  /** Prune expired sessions on a timer (the long-running server; not tests). */
  pruneSessions: boolean;
  lifetime: SessionLifetime;
  limits: LoginLimits;
  /** Parses each request's parameters (src/edge) before the gate and the routes see them. */
  edge?: RequestHandler;
  log: (message: string) => void;
}

export interface PanelRouter {
  /** The panel's router, with everything before its routes; the app adds the routes behind it. */
  router: express.Router;
  close(): Promise<void>;
}

/**
 * Everything between the internet and the panel's routes, in order: pages hardened on the way out;
 * the session (PostgreSQL, with the access version); its idle and absolute lifetime; the employee's
 * access profile; their CSRF cookie; the parameters parsed at the edge; the access gate every route sits behind; login and logout.
 */
export function securedPanelRouter(options: PanelSecurityOptions): PanelRouter {
  const { admin, sessionSecret, secureCookies } = options;
  const pool = createSessionPool(options.databaseUrl, options.log);
  const store = createSessionStore(pool, options.pruneSessions);
  const csrf: CsrfOptions = { secret: sessionSecret, cookiePath: admin.options.rootPath, secureCookie: secureCookies };

  const router = express.Router();
  router.use(hardenPages);
  router.use(
    session({
      store,
      secret: sessionSecret,
      name: SESSION_COOKIE,
      resave: false,
      saveUninitialized: false,
      rolling: false,
      cookie: { httpOnly: true, sameSite: 'lax', secure: secureCookies, maxAge: options.lifetime.idleMinutes * 60_000 },
    }),
  );
  router.use(enforceSessionLifetime(options.lifetime));
  router.use(loadStaffAccess);
  router.use(issueCsrfCookie(csrf));
  if (options.edge) router.use(options.edge);
  router.use(accessGate(admin, panelRoutes(), sessionSecret));
  router.use(loginRoutes({ admin, limits: options.limits, csrf, sessionCookie: SESSION_COOKIE, log: options.log }));

  return {
    router,
    close: async () => {
      store.close();
      await pool.end();
    },
  };
}
