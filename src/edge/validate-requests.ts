import type { Request, RequestHandler, Response } from 'express';
import type AdminJS from 'adminjs';
import type { BaseResource } from 'adminjs';
import type { z } from 'zod';
import { listFiltersOf } from '../db/list-filters.js';
import { CrmResource, SEARCH_FILTER } from '../db/crm-resource.js';
import { matchAdminRoute, type AdminRoute, type RouteMethod } from './admin-routes.js';
import { MAX_TEXT, single } from './parameter-rules.js';
import { actionPayload, readActionBody } from './request-body.js';
import { sendRefusal, type Problem, type ProblemWords } from './refusal.js';
import { filterProblemMessage } from '../../dashboards/dashboard-labels.js';
import type { FilterProblem } from '../../dashboards/dashboard-filters.js';
import {
  actionQuery, bulkQuery, dashboardQuery, exportQuery, importTemplateQuery, importUploadQuery, listQuery, searchQuery, type ResourceFields,
} from './route-schemas.js';

type Verdict = { status: number; problems: Problem[]; allow?: string; words?: ProblemWords } | undefined;

/**
 * Every request parameter is parsed here, at the edge, before the access gate and AdminJS see it:
 * one schema per route (src/edge/route-schemas.ts) for the query string, the record id and list of
 * ids, the resource and action named in the path, and the body of a POST. What cannot be valid is
 * answered 400 (404 for what cannot exist, 405 for a POST-only action asked with GET) with a
 * translated message, so no malformed value reaches SQL and nothing is written.
 *
 * Anonymous requests are only checked for their encoding and body: the gate answers them 401
 * whatever they ask, and telling them which resources exist would say too much.
 */
export function validateRequests(admin: AdminJS): RequestHandler {
  const schemasOf = resourceSchemasCache();
  return async (req, res, next) => {
    try {
      const segments = decodedPath(req.path);
      if (!segments || !wellEncodedQuery(req.originalUrl)) return sendRefusal(req, res, 400, [{ code: 'requestBadEncoding' }]);
      const method: RouteMethod | undefined = req.method === 'POST' ? 'post' : req.method === 'GET' || req.method === 'HEAD' ? 'get' : undefined;
      const route = method && matchAdminRoute(method, segments);
      // AdminJS fails with a 500 here unless an auth provider is configured, and none is.
      if (route?.kind === 'refreshToken') return sendRefusal(req, res, 404, [{ code: 'requestPageNotFound' }]);

      const verdict = (await checkBody(req, res, route)) ?? (route && req.session?.adminUser ? await checkRoute(admin, route, req, schemasOf) : undefined);
      if (!verdict) return next();
      if (verdict.allow) res.setHeader('Allow', verdict.allow);
      sendRefusal(req, res, verdict.status, verdict.problems, verdict.words);
    } catch (error) {
      next(error);
    }
  };
}

async function checkRoute(
  admin: AdminJS,
  route: Exclude<AdminRoute, { kind: 'refreshToken' }>,
  req: Request,
  schemasOf: (resource: BaseResource) => ResourceSchemas,
): Promise<Verdict> {
  if (route.kind === 'dashboard') {
    const verdict = checkQuery(ROUTE_SCHEMAS.dashboard, req);
    return verdict && { ...verdict, words: dashboardWords };
  }
  if (route.kind === 'page') return admin.options.pages?.[route.pageName] ? checkQuery(ROUTE_SCHEMAS.action, req) : notFound('requestPageNotFound');

  const resource = admin.resources.find((candidate) => candidate.id() === route.resourceId);
  if (!resource) return notFound('requestResourceNotFound', { resource: route.resourceId.slice(0, 60) });
  const schemas = schemasOf(resource);
  switch (route.kind) {
    case 'export':
      return checkQuery(schemas.export, req);
    case 'importTemplate':
      return checkQuery(ROUTE_SCHEMAS.importTemplate, req);
    case 'importUpload':
      return checkQuery(ROUTE_SCHEMAS.importUpload, req);
    case 'search':
      return checkSearchText(route.query) ?? checkQuery(schemas.search, req);
    case 'resourceAction':
    case 'recordAction':
    case 'bulkAction':
      return checkAction(resource, route, req, schemas);
  }
}

function checkAction(resource: BaseResource, route: Extract<AdminRoute, { action: string }>, req: Request, schemas: ResourceSchemas): Verdict {
  const action = Object.hasOwn(resource.decorate().actions, route.action) ? resource.decorate().actions[route.action] : undefined;
  const ofThisKind = route.kind === 'recordAction' ? action?.isRecordType() : route.kind === 'bulkAction' ? action?.isBulkType() : action?.isResourceType();
  if (!action || !ofThisKind || !action.hasHandler()) return notFound('requestActionNotFound', { resource: resource.id(), action: route.action.slice(0, 60) });
  // AdminJS's own "new" answers a GET by failing: only a submitted form creates a record.
  if (route.action === 'new' && req.method !== 'POST') return { status: 405, allow: 'POST', problems: [{ code: 'requestMethodNotAllowed', params: { action: route.action } }] };
  if (route.kind === 'recordAction' && !schemas.fields.isKey(route.recordId)) return notFound('requestRecordNotFound', { id: route.recordId.slice(0, 40) });
  if (route.kind === 'bulkAction') return checkQuery(schemas.bulk, req);
  if (route.action === 'list') return checkQuery(schemas.list, req);
  if (route.action === 'search') return checkSearchText('query' in route ? route.query : undefined) ?? checkQuery(schemas.search, req);
  return checkQuery(ROUTE_SCHEMAS.action, req);
}

function checkSearchText(text: string | undefined): Verdict {
  if (text === undefined) return undefined;
  const parsed = SEARCH_TEXT.safeParse(text);
  return parsed.success ? undefined : { status: 400, problems: problemsOf(parsed.error) };
}

function checkQuery(schema: z.ZodType, req: Request): Verdict {
  const parsed = schema.safeParse(req.query);
  return parsed.success ? undefined : { status: 400, problems: problemsOf(parsed.error) };
}

/**
 * AdminJS parses the body of every request it routes (login included) with a parser that fails
 * with a 500 on a malformed one. The body is read here instead, for everyone, and AdminJS finds it
 * read; requests other than POST carry none. The import's upload is read by its own route.
 */
async function checkBody(req: Request, res: Response, route: AdminRoute | undefined): Promise<Verdict> {
  // Only AdminJS's actions are read here: the import streams its own file, and the login form is
  // parsed by its own route (src/access/http/login-routes.ts), which must find the body unread.
  if (!route || route.kind === 'importUpload') return undefined;
  const body = req.method === 'POST' ? await readActionBody(req, res) : { fields: {} };
  if ('problem' in body) return { status: body.status, problems: [body.problem] };
  const parsed = actionPayload.safeParse(body.fields);
  if (!parsed.success) return { status: 400, problems: problemsOf(parsed.error) };
  Object.assign(req, { fields: body.fields, files: {}, express_formidable: { parsed: true } });
  return undefined;
}

/** Each zod issue carries the key of its message and the values that fill it in. */
function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.slice(0, 20).map((issue) => {
    const params = ((issue as { params?: Record<string, string | number> }).params ?? {});
    const parameter = typeof params.param === 'string' ? params.param : issue.path.length ? issue.path.join('.') : undefined;
    const code = issue.message.startsWith('request') || DASHBOARD_PROBLEMS.includes(issue.message) ? issue.message : 'requestMalformedParameter';
    return { ...(parameter === undefined ? {} : { parameter }), code, params };
  });
}

const DASHBOARD_PROBLEMS: readonly string[] = ['badPeriod', 'badDate', 'badBranch'];

/** The dashboard page shows its filters' problems in its own words. */
const dashboardWords: ProblemWords = (problem, language) =>
  DASHBOARD_PROBLEMS.includes(problem.code) ? filterProblemMessage(problem.code as FilterProblem, language) : undefined;

function notFound(code: string, params: Record<string, string> = {}): Verdict {
  return { status: 404, problems: [{ code, params }] };
}

/** The path's segments decoded; undefined when a %-escape is malformed or not UTF-8, or hides a NUL. */
function decodedPath(path: string): string[] | undefined {
  try {
    const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
    return segments.some((segment) => segment.includes('\u0000')) ? undefined : segments;
  } catch {
    return undefined;
  }
}

/** Every name and value of the query string decodes as UTF-8 percent-encoding. */
function wellEncodedQuery(url: string): boolean {
  const query = url.includes('?') ? url.slice(url.indexOf('?') + 1) : '';
  try {
    for (const part of query.split(/[&=]/)) decodeURIComponent(part.replace(/\+/g, ' '));
    return true;
  } catch {
    return false;
  }
}

interface ResourceSchemas {
  fields: ResourceFields;
  list: z.ZodType;
  search: z.ZodType;
  bulk: z.ZodType;
  export: z.ZodType;
}

/**
 * A resource's fields and route schemas do not change while the app runs: built once per resource
 * (building a zod schema costs forty times what using one does).
 */
function resourceSchemasCache(): (resource: BaseResource) => ResourceSchemas {
  const cache = new Map<string, ResourceSchemas>();
  return (resource) => {
    let schemas = cache.get(resource.id());
    if (!schemas) {
      const crm = resource instanceof CrmResource ? resource : undefined;
      const fields: ResourceFields = {
        properties: new Set(Object.keys(resource.decorate().properties)),
        // A list also filters on the search box and what the domain registered (a figure's definition).
        named: new Set(crm ? [SEARCH_FILTER, ...Object.keys(listFiltersOf(resource.id()).virtual ?? {})] : []),
        columns: crm?.columnShapes() ?? new Map(),
        isKey: (id) => (crm ? crm.isKey(id) : id.length > 0 && id.length <= MAX_TEXT),
      };
      schemas = { fields, list: listQuery(fields), search: searchQuery(fields), bulk: bulkQuery(fields), export: exportQuery(fields) };
      cache.set(resource.id(), schemas);
    }
    return schemas;
  };
}

const SEARCH_TEXT = single('query', MAX_TEXT);
const ROUTE_SCHEMAS = { dashboard: dashboardQuery(), importTemplate: importTemplateQuery(), importUpload: importUploadQuery(), action: actionQuery() };
