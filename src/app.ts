import path from 'node:path';
import express, { type ErrorRequestHandler } from 'express';
import AdminJS from 'adminjs';
import AdminJSExpress from '@adminjs/express';
import * as AdminJSSequelize from '@adminjs/sequelize';
import { GuardedResource } from './access/authorisation/guarded-resource.js';
import { withAccessControl } from './access/authorisation/action-gate.js';
import { readOnlyHandler, refuseWritesWhenReadOnly } from './access/authorisation/read-only-requests.js';
import { securedPanelRouter } from './access/http/panel-router.js';
import { answerAccessDenied } from './access/http/request-gate.js';
import { securityHeaders } from './access/http/security-headers.js';
import type { Config } from './config.js';
import { User } from './models/index.js';
import { locale } from './i18n/index.js';
import { componentLoader } from '../resources/component-loader.js';
import { createResources } from '../resources/index.js';
import { withTransferActions } from '../resources/transfer/transfer.actions.js';
import { createTransferRouter } from '../resources/transfer/transfer.routes.js';
import { dashboardOptions } from '../dashboards/dashboard.handler.js';
import { registerStateRules } from './domain/state-rules/register-state-rules.js';
import { registerFigureFilters } from './domain/figures/register-figure-filters.js';
import { validateRequests } from './edge/validate-requests.js';
import { answerRecoverableErrors } from './edge/recoverable-errors.js';
import { healthz } from './edge/healthz.js';
import { createPanelAssets, panelLook, type PanelAssets } from './web/panel-assets.js';
import { notFound } from './web/not-found.js';

AdminJS.registerAdapter({ Database: AdminJSSequelize.Database, Resource: GuardedResource });

export const ROOT_PATH = '/admin';

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
  // Before any request: every generic write (form, API, bulk) passes the workflow's state rules,
  // and every list knows the business figures' definitions.
  registerStateRules();
  registerFigureFilters();
  const look = panelLook(ROOT_PATH);
  const admin = new AdminJS({
    rootPath: ROOT_PATH,
    resources: createResources().map(withTransferActions).map(withAccessControl),
    componentLoader,
    locale,
    dashboard: { ...dashboardOptions, handler: readOnlyHandler(dashboardOptions.handler) },
    branding: { companyName: 'PetroCRM 石化客户管理', logo: false, withMadeWithLove: false, theme: look.theme },
    assets: look.assets,
    // The browser shows times and picks days on the company's clock, not its own.
    env: { BUSINESS_TIME_ZONE: config.businessTimeZone },
  });
  refuseWritesWhenReadOnly(User.sequelize!);
  const panelAssets = createPanelAssets(admin, { cacheDir: path.join(config.adminBundleDir, 'assets'), production: config.nodeEnv === 'production' });

  const panel = securedPanelRouter({
    admin,
    databaseUrl,
    sessionSecret,
    secureCookies: config.cookieSecure,
    pruneSessions: config.nodeEnv !== 'test',
    lifetime: config.session,
    limits: { addressFailures: config.login.maxFailuresPerAddress, accountFailures: config.login.maxFailuresPerAccount, lockMinutes: config.login.lockoutMinutes },
    // Parameters are parsed before the gate decides on them: a malformed id never reaches a query.
    edge: validateRequests(admin),
    log,
  });
  panel.router.use('/transfer', createTransferRouter(admin, config.imports));
  // @adminjs/express starts a component build of its own here, unawaited; the lifecycle builds once
  // and waits for it before listening, so this one is switched off (two builds write one file).
  const skipBundle = process.env.ADMIN_JS_SKIP_BUNDLE;
  process.env.ADMIN_JS_SKIP_BUNDLE = 'true';
  AdminJSExpress.buildRouter(admin, panel.router);
  if (skipBundle === undefined) delete process.env.ADMIN_JS_SKIP_BUNDLE;
  else process.env.ADMIN_JS_SKIP_BUNDLE = skipBundle;
  panel.router.use(answerAccessDenied);

  const app = express();
  if (config.trustProxy) app.set('trust proxy', 1);
  app.use(securityHeaders({ https: config.cookieSecure }));
  app.get('/', (_req, res) => res.redirect(ROOT_PATH));
  app.get('/healthz', healthz(databaseUrl));
  panelAssets.mount(app);
  app.use(ROOT_PATH, panel.router);
  app.use(notFound(ROOT_PATH));
  app.use(answerRecoverableErrors(log));
  app.use(hideInternalErrors(log));

  return { app, admin, assets: panelAssets.assets, close: () => panel.close() };
}

/** Stack traces go to the log, never to the page. */
function hideInternalErrors(log: (message: string) => void): ErrorRequestHandler {
  return (error, req, res, _next) => {
    log(`${req.method} ${req.originalUrl} failed: ${error instanceof Error ? error.stack : String(error)}`);
    if (res.headersSent) return;
    res.status(500).json({ message: 'Internal error; it has been logged.' });
  };
}
