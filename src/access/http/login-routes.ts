import express, { type Request, type Response } from 'express';
import type AdminJS from 'adminjs';
import { logIn } from '../authentication/authenticate.js';
import type { LoginLimits } from '../authentication/login-throttle.js';
import { setLanguageCookie } from '../../i18n/remember-language.js';
import { CSRF_COOKIE, setCsrfCookie, type CsrfOptions } from './csrf.js';
import { sessionStep } from './session-lifetime.js';

export interface LoginRouteOptions {
  admin: AdminJS;
  limits: LoginLimits;
  csrf: CsrfOptions;
  sessionCookie: string;
  log: (message: string) => void;
}

const BODY_LIMIT = '16kb';

/**
 * The login page, the login form's POST and logout (a POST: a link or an image on another site
 * cannot log anyone out). The answers are AdminJS's login page with a message key it translates;
 * nothing the request sent and no internal error text is ever echoed.
 */
export function loginRoutes({ admin, limits, csrf, sessionCookie, log }: LoginRouteOptions): express.Router {
  const router = express.Router();
  const { rootPath, loginPath } = admin.options;
  const page = async (res: Response, status: number, errorMessage: string | null) => {
    res.status(status).send(await admin.renderLogin({ action: loginPath, errorMessage }));
  };

  router.get('/login', async (_req, res) => page(res, 200, null));

  router.post('/login', express.urlencoded({ extended: false, limit: BODY_LIMIT }), express.json({ limit: BODY_LIMIT }), async (req, res) => {
    try {
      const outcome = await logIn(req.body, req.ip ?? 'unknown', limits);
      if (!outcome.ok) return await page(res, outcome.refusal === 'invalidCredentials' ? (isWellFormed(req.body) ? 200 : 400) : 429, outcome.refusal);
      await startSession(req, outcome.staff);
      setLanguageCookie(res, outcome.staff.locale);
      setCsrfCookie(req, res, csrf);
      res.redirect(302, rootPath);
    } catch (error) {
      log(`POST ${req.originalUrl} failed: ${error instanceof Error ? error.stack : String(error)}`);
      await page(res, 500, 'loginUnavailable').catch(() => res.end());
    }
  });

  router.post('/logout', async (req, res, next) => {
    try {
      await sessionStep((done) => req.session.destroy(done));
      res.clearCookie(sessionCookie, { path: '/' });
      res.clearCookie(CSRF_COOKIE, { path: csrf.cookiePath });
      res.redirect(303, loginPath);
    } catch (error) {
      next(error);
    }
  });

  // A body the parsers cannot read (bad JSON, too large, an unknown charset) is a wrong login, not a crash.
  router.use(((error, req, res, next) => {
    const status = (error as { status?: number }).status;
    if (req.path === '/login' && status !== undefined && status >= 400 && status < 500) return void page(res, 400, 'invalidCredentials').catch(next);
    next(error);
  }) as express.ErrorRequestHandler);

  return router;
}

function isWellFormed(body: unknown): boolean {
  const { email, password } = (body ?? {}) as Record<string, unknown>;
  return typeof email === 'string' && typeof password === 'string';
}

/** A new session id at login, so an id planted before login is worth nothing after it. */
async function startSession(req: Request, staff: NonNullable<Request['session']['adminUser']>): Promise<void> {
  await sessionStep((done) => req.session.regenerate(done));
  const now = Date.now();
  Object.assign(req.session, { adminUser: staff, startedAt: now, seenAt: now });
  await sessionStep((done) => req.session.save(done));
}
