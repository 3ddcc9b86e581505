import path from 'node:path';
import express, { type ErrorRequestHandler, type RequestHandler } from 'express';
import session from 'express-session';
import connectPgSimple from 'connect-pg-simple';
import helmet from 'helmet';
import { rateLimit } from 'express-rate-limit';
import pg from 'pg';
import AdminJS from 'adminjs';
import AdminJSExpress from '@adminjs/express';
import * as AdminJSSequelize from '@adminjs/sequelize';
import { GuardedResource } from './access/guarded-resource.js';
import { withAccessControl } from './access/guard-actions.js';
import { enforceApiAccess, loadStaffAccess } from './access/access-middleware.js';
import type { Config } from './config.js';
import { authenticate } from './access/authentication.js';
import { locale } from './i18n/index.js';
import { setLanguageCookie } from './i18n/remember-language.js';
import { componentLoader } from '../resources/component-loader.js';
import { createResources } from '../resources/index.js';
import { withTransferActions } from '../resources/transfer/transfer.actions.js';
import { createTransferRouter } from '../resources/transfer/transfer.routes.js';
import { dashboardOptions } from '../dashboards/dashboard.handler.js';
import { createPanelAssets, panelLook, type PanelAssets } from './web/panel-assets.js';
import { notFound } from './web/not-found.js';

AdminJS.registerAdapter({ Database: AdminJSSequelize.Database, Resource: GuardedResource });

export const ROOT_PATH = '/admin';
const SESSION_COOKIE = 'petrocrm.sid';
const SESSION_HOURS = 8;

export interface AppOptions {
  config: Config;
  databaseUrl: string;
  sessionSecret: string;
  log?: (message: string) => void;
}

export interface PetroApp {
  app: express.Express;
  admin: AdminJS;
  /** The hashed, compressed scripts and styles; prepare() before listening spares the first visitor the wait. */
  assets: PanelAssets['assets'];
  /** Closes what the app opened itself (the session pool); the caller closes Sequelize. */
  close(): Promise<void>;
}

/** Builds the express app and the AdminJS panel. It does not listen: tests drive it over HTTP. */
export function buildApp({ config, databaseUrl, sessionSecret, log = console.error }: AppOptions): PetroApp {
  const look = panelLook(ROOT_PATH);
  const admin = new AdminJS({
    rootPath: ROOT_PATH,
    resources: createResources().map(withTransferActions).map(withAccessControl),
    componentLoader,
    locale,
    dashboard: dashboardOptions,
    branding: { companyName: 'PetroCRM 石化客户管理', logo: false, withMadeWithLove: false, theme: look.theme },
    assets: look.assets,
  });
  const panelAssets = createPanelAssets(admin, { cacheDir: path.join(config.adminBundleDir, 'assets'), production: config.nodeEnv === 'production' });

  const sessionPool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  const PgStore = connectPgSimple(session);
  const store = new PgStore({
    pool: sessionPool,
    tableName: 'sessions',
    // Expired sessions are pruned by the long-running server only; tests stop without a timer left.
    pruneSessionInterval: config.nodeEnv === 'test' ? false : 15 * 60,
  });
  const sessionOptions: session.SessionOptions = {
    store,
    secret: sessionSecret,
    name: SESSION_COOKIE,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, maxAge: SESSION_HOURS * 3600 * 1000 },
  };

  // Our router runs first: the session is loaded here, so the guards below can read it, and
  // AdminJS's own session middleware finds it already loaded and steps aside.
  const router = express.Router();
  router.use(session(sessionOptions));
  router.use(loadStaffAccess);
  router.use('/transfer', createTransferRouter(admin));
  router.post('/login', loginRateLimit(config.loginMaxFailures, admin));
  router.use('/api', refuseAnonymousApiCalls, enforceApiAccess(admin));
  // @adminjs/express starts a component build of its own here, unawaited; the lifecycle builds once
  // and waits for it before listening, so this one is switched off (two builds write one file).
  const skipBundle = process.env.ADMIN_JS_SKIP_BUNDLE;
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  const adminRouter = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      authenticate: async (email, password, context) => {
        const staff = await authenticate(email, password);
        if (staff && context?.req) {
          // A new session id at login, so an id planted before login is worth nothing after it.
          await regenerate(context.req);
          setLanguageCookie(context.res, staff.locale);
        }
        return staff;
      },
      cookieName: SESSION_COOKIE,
      cookiePassword: sessionSecret,
    },
    router,
    sessionOptions,
  );
  if (skipBundle === undefined) delete process.env.ADMIN_JS_SKIP_BUNDLE;
  else process.env.ADMIN_JS_SKIP_BUNDLE = skipBundle;

  const app = express();
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(helmet({ contentSecurityPolicy: { directives: contentSecurityPolicy(config) } }));
  app.get('/', (_req, res) => res.redirect(ROOT_PATH));
  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  panelAssets.mount(app);
  app.use(ROOT_PATH, adminRouter);
  app.use(notFound(ROOT_PATH));
  app.use(hideInternalErrors(log));

  return {
    app,
    admin,
    assets: panelAssets.assets,
    close: async () => {
      store.close();
      await sessionPool.end();
    },
  };
}

/** AdminJS renders inline scripts and styles; everything else comes from this server. */
function contentSecurityPolicy(config: Config) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", "'unsafe-inline'"],
    styleSrc: ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
    fontSrc: ["'self'", 'data:', 'https://fonts.gstatic.com'],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'"],
    // Plain HTTP on an office network must keep working; upgrade only where cookies are secure.
    upgradeInsecureRequests: config.cookieSecure ? [] : null,
  };
}

/** Counts failed logins per address: AdminJS answers a failure with the login page (200), a success with a redirect. */
function loginRateLimit(maxFailures: number, admin: AdminJS): RequestHandler {
  return rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: maxFailures,
    standardHeaders: 'draft-7',
    legacyHeaders: false,
    requestWasSuccessful: (_req, res) => res.statusCode === 302,
    skipSuccessfulRequests: true,
    handler: (_req, res, next) => {
      admin
        .renderLogin({ action: admin.options.loginPath, errorMessage: 'tooManyRequests' })
        .then((page) => res.status(429).send(page))
        .catch(next);
    },
  });
}

/** AdminJS redirects an anonymous API call to the login page; a program deserves a 401. */
const refuseAnonymousApiCalls: RequestHandler = (req, res, next) => {
  if (req.session?.adminUser) return next();
  res.status(401).json({ message: 'Not logged in' });
};

function regenerate(req: express.Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error: unknown) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve())));
}

/** Stack traces go to the log, never to the page. */
function hideInternalErrors(log: (message: string) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    log(`${req.method} ${req.originalUrl} failed: ${error instanceof Error ? error.stack : String(error)}`);
    if (res.headersSent) return;
    res.status(500).json({ message: 'Internal error; it has been logged.' });
  };
}

declare module 'express-session' {
  interface SessionData {
    adminUser?: import('./access/current-admin.js').StaffSession;
    redirectTo?: string;
  }
}
