import express, { type Request, type RequestHandler, type Response } from 'express';
import type AdminJS from 'adminjs';
import { accessOf } from '../authorisation/current-access.js';
import { AccessDenied } from '../authorisation/access-denied.js';
import { decideActionRequest, decideDashboardRequest, decideTransferRequest } from '../authorisation/route-decisions.js';
import { runReadOnly } from '../authorisation/read-only-requests.js';
import { carriesSessionToken, comesFromThisSite } from './csrf.js';
import { isApiPath, refuseAnonymous } from './session-lifetime.js';
import type { GuardedRoute, Method } from './route-table.js';

/** Marks the gate, so the router walk (test/access/router-walk.test.ts) can find what each route sits behind. */
export const ACCESS_GATE = Symbol.for('petrocrm.accessGate');

/**
 * The one door of the panel. It is an express router holding every declared route's path, so it
 * matches a request exactly as the routes behind it will (any letter case, percent-encoding,
 * trailing slash): whatever reaches a route has been through the same path here first. For each:
 * - only the declared methods; HEAD is a GET, and a GET (or HEAD) runs read-only to its end;
 * - the login it needs; every POST from this site only and, once logged in, with its CSRF token;
 * - what the matrix says of the resource, action, records and query (route-decisions.ts).
 * A path that is no declared route is answered 404 here, whatever may be mounted behind.
 */
export function accessGate(admin: AdminJS, routes: GuardedRoute[], secret: string): express.Router {
  const gate = express.Router();
  const byPath = new Map<string, GuardedRoute[]>();
  for (const route of routes) byPath.set(route.path, [...(byPath.get(route.path) ?? []), route]);
  for (const [path, alternatives] of byPath) gate.all(path, decide(admin, alternatives, secret));
  gate.use(undeclared);
  return Object.assign(gate, { [ACCESS_GATE]: true });
}

function decide(admin: AdminJS, alternatives: GuardedRoute[], secret: string): RequestHandler {
  const methods = new Set<string>(alternatives.flatMap((route) => route.methods));
  const allow = ['GET', 'HEAD', 'POST'].filter((method) => methods.has(method === 'HEAD' ? 'GET' : method)).join(', ');
  return async (req, res, next) => {
    try {
      if (req.method === 'HEAD') req.method = 'GET';
      const route = alternatives.find((candidate) => candidate.methods.includes(req.method as Method));
      if (!route) return void res.status(405).set('Allow', allow).json({ message: 'Method not allowed' });
      const { gate } = route;
      if (gate.kind === 'refused') throw new AccessDenied(404, 'notFound');
      if (req.method === 'POST' && !comesFromThisSite(req)) throw new AccessDenied(403, 'crossSiteRequest');
      if (gate.kind !== 'public' && gate.kind !== 'login') {
        const staff = req.session?.adminUser;
        const profile = accessOf(staff);
        if (!staff || !profile) return refuseAnonymous(req, res);
        if (req.method === 'POST' && !carriesSessionToken(req, secret)) throw new AccessDenied(403, 'csrfTokenMissing');
        if (gate.kind === 'action') await decideActionRequest(admin, staff, profile, gate, params(req), req.query);
        if (gate.kind === 'dashboard') decideDashboardRequest(profile);
        if (gate.kind === 'transfer') decideTransferRequest(admin, profile, gate.action, params(req).resourceId);
      }
      if (req.method === 'GET') runReadOnly(() => next('router'));
      else next('router');
    } catch (error) {
      next(error);
    }
  };
}

function params(req: Request): Record<string, string> {
  return req.params as Record<string, string>;
}

const undeclared: RequestHandler = (req, res) => answerDenied(req, res, new AccessDenied(404, 'notFound'));

const MESSAGES: Record<AccessDenied['status'], string> = { 400: 'Bad request', 401: 'Not logged in', 403: 'Forbidden', 404: 'Not found', 405: 'Method not allowed' };

/** A refusal as the API and AdminJS's screens read one: a status and a translated notice, no detail. */
export function answerDenied(req: Request, res: Response, denied: AccessDenied): void {
  if (res.headersSent) return;
  res.status(denied.status);
  if (isApiPath(req.path)) res.json({ message: MESSAGES[denied.status], notice: { message: denied.reason, type: 'error' } });
  else res.type('text/plain').send(MESSAGES[denied.status]);
}

/** AccessDenied thrown anywhere behind the gate (an action, the adapter, the read-only guard) ends here. */
export const answerAccessDenied: express.ErrorRequestHandler = (error, req, res, next) => {
  if (error instanceof AccessDenied) return answerDenied(req, res, error);
  next(error);
};
